/**
 * Rank and linear correlation coefficients (weighted Kendall τ as scipy computes it, Kendall
 * τ-b, Spearman ρ, Pearson r, weighted Pearson) and model-selection metrics (top-1 relative
 * accuracy, best-in-top-k, regret) between estimator scores and a ground truth. Undefined
 * values are {@link org.logme.eval.stats.Statistic}s carrying their reason.
 *
 * @since 0.1
 */
package org.logme.eval.stats;
