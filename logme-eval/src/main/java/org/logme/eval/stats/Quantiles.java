package org.logme.eval.stats;

/**
 * Quantiles of sorted values by linear interpolation between order statistics:
 * {@code numpy.percentile}'s default ({@code method='linear'}), the rule of every interval,
 * quartile and outlier fence logme prints.
 *
 * <pre>
 *   Quantiles.linear(new double[] {1, 2, 3, 4, 10}, 0.975); // 9.4, as numpy.percentile(.., 97.5)
 * </pre>
 *
 * @since 0.2
 */
public final class Quantiles {
  private Quantiles() {
  }

  /**
   * @param sorted values in ascending order, at least one
   * @param q the quantile, in [0, 1]
   * @return the value at position q·(n − 1), interpolated linearly
   * @throws IllegalArgumentException if there are no values or q is outside [0, 1]
   */
  public static double linear(double[] sorted, double q) {
    if (sorted.length == 0 || !(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("a quantile needs values and q in [0, 1]");
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
