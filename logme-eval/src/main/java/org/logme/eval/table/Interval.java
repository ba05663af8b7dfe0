package org.logme.eval.table;

import org.logme.eval.stats.Statistic;

/**
 * A bootstrap percentile interval.
 *
 * @param low the lower bound, or undefined with the reason
 * @param high the upper bound, or undefined with the reason
 * @param resamplesUsed how many resamples had a defined value (resamples in which, say, every
 *     drawn model has the same score are left out)
 * @since 0.1
 */
public record Interval(Statistic low, Statistic high, int resamplesUsed) {

  /** @return true if both bounds are defined */
  public boolean defined() {
    return low.defined() && high.defined();
  }

  /**
   * @param value a value
   * @return true if it lies within the bounds (inclusive); false if undefined
   */
  public boolean contains(double value) {
    return defined() && low.value() <= value && value <= high.value();
  }
}
