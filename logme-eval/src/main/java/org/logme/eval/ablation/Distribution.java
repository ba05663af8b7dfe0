package org.logme.eval.ablation;

import java.util.Arrays;
import org.logme.eval.stats.Quantiles;

/**
 * The spread of a value over the subsets of an ablation: its five-number summary
 * (quartiles interpolated linearly, as {@code numpy.percentile}) over the subsets where it is
 * defined, and how many subsets left it undefined.
 *
 * @param values the defined values, ascending
 * @param undefined how many subsets had no defined value
 * @since 0.2
 */
public record Distribution(double[] values, int undefined) {

  /**
   * @param all one value per subset, NaN where undefined
   * @return the distribution
   */
  public static Distribution of(double[] all) {
    double[] defined = Arrays.stream(all).filter(v -> !Double.isNaN(v)).sorted().toArray();
    return new Distribution(defined, all.length - defined.length);
  }

  /** @return true if some subset has a value */
  public boolean defined() {
    return values.length > 0;
  }

  /**
   * @param q in [0, 1]
   * @return the quantile of the defined values
   * @throws IllegalStateException if none is defined
   */
  public double quantile(double q) {
    if (!defined()) {
      throw new IllegalStateException("undefined in every subset");
    }
    return Quantiles.linear(values, q);
  }

  /** @return the smallest value */
  public double min() {
    return quantile(0);
  }

  /** @return the median */
  public double median() {
    return quantile(0.5);
  }

  /** @return the largest value */
  public double max() {
    return quantile(1);
  }
}
