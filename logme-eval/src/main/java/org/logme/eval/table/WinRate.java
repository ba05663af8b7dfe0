package org.logme.eval.table;

import org.logme.eval.stats.Statistic;

/**
 * How often one column ranks the models better than another across the groups of a table: the
 * share of the groups in which its weighted Kendall τ is the higher (a tie counts one half),
 * over the groups where both are defined, with a bootstrap percentile interval from resampling
 * the models of every group (the resamples of {@link Bootstrap}).
 *
 * <p>Over a table of G datasets, a win rate of 0.7 with the interval [0.45, 0.9] says the first
 * estimator won 70% of the datasets here, and that with other draws of the same number of
 * models the share could as well have been below one half.
 *
 * @param observed the win rate on the table as it is, or undefined (no group where both are
 *     defined)
 * @param groups the number of groups it is over
 * @param interval the percentile interval over the resamples where some group had both values
 * @since 0.2
 */
public record WinRate(Statistic observed, int groups, Interval interval) {
}
