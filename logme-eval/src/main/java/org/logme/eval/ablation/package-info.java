/**
 * Ablations of an estimator comparison: how much the weighted Kendall τ of a results table
 * depends on which candidate models happen to be in it. {@link org.logme.eval.ablation.LeaveOut}
 * removes every (or a sample of the) k-subsets of models and reports the distribution of the
 * mean τ_w; {@link org.logme.eval.ablation.RemoveLargest} removes the m largest models by a size
 * column, m = 0, 1, 2, ..., the curve of Singh et al. (2025), who find that rankings by size
 * explain much of what estimators appear to do. Both recompute the correlations with
 * {@link org.logme.eval.table.CorrelationTable} on the reduced table, so every value follows the
 * rules of {@code logme correlate} (pairwise-complete values, means over the groups where
 * defined). Pairwise win rates with bootstrap intervals are part of
 * {@link org.logme.eval.table.Bootstrap}.
 *
 * @since 0.2
 */
package org.logme.eval.ablation;
