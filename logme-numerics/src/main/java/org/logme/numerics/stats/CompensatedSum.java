package org.logme.numerics.stats;

/**
 * A running sum that carries the rounding error of its additions (Neumaier's improvement of
 * Kahan summation: Neumaier, ZAMM 54, 1974). After adding n terms the error is bounded by
 * 2ε·Σ|xᵢ| + O(nε²)·Σ|xᵢ|, independent of n to first order, where a plain sum's bound grows as
 * n·ε·Σ|xᵢ|. Use it where many partial results are added up: block totals of a streamed pass,
 * partial statistics merged from several workers.
 *
 * <p>Immutable; {@link #plus} returns a new value. Example:
 * <pre>{@code
 *   CompensatedSum total = CompensatedSum.ZERO;
 *   for (double x : blockTotals) {
 *     total = total.plus(x);
 *   }
 *   double sum = total.value();
 * }</pre>
 *
 * @param sum the running sum, rounded
 * @param compensation the rounding error the running sum has lost, to be added back
 * @since 0.1
 */
public record CompensatedSum(double sum, double compensation) {
  /** The empty sum. */
  public static final CompensatedSum ZERO = new CompensatedSum(0, 0);

  /**
   * @param x a term
   * @return this sum plus x
   */
  public CompensatedSum plus(double x) {
    double t = sum + x;
    // the low-order bits lost by the rounded addition, whichever operand is larger
    double lost = Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    return new CompensatedSum(t, compensation + lost);
  }

  /**
   * Merges two partial sums, as when two workers' results are combined; associative and
   * commutative up to the compensated error.
   *
   * @param other another partial sum
   * @return the sum of both
   */
  public CompensatedSum plus(CompensatedSum other) {
    CompensatedSum merged = plus(other.sum);
    return new CompensatedSum(merged.sum, merged.compensation + other.compensation);
  }

  /** @return the sum with its compensation added back */
  public double value() {
    return sum + compensation;
  }
}
