/**
 * Results tables (one row per model: scores of estimators and static baselines, a ground
 * truth, an optional group such as the target dataset), read from CSV with line-and-column
 * error messages; the per-group correlation table with means over groups; and the bootstrap
 * of the weighted Kendall τ.
 *
 * @since 0.1
 */
package org.logme.eval.table;
