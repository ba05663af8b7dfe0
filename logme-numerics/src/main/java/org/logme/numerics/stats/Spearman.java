package org.logme.numerics.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of average ranks (ties get the mean of
 * the ranks they span, as {@code scipy.stats.rankdata(method='average')}).
 *
 * @since 0.1
 */
public final class Spearman {
  private Spearman() {
  }

  /**
   * Spearman's correlation between a variable v and a binary variable b, given the values of v
   * split by b. Because the ranks of a binary variable are an affine function of it, this is the
   * Pearson correlation of rank(v) with b:
   * <pre>
   *   ρ = Σ_{b=1} (rᵢ − r̄) / √( Σᵢ (rᵢ − r̄)² · n₀n₁/n ),   r̄ = (n + 1)/2
   * </pre>
   * computed in O(n log n) time from two sorted copies, without an index array, so that it
   * scales to the N(N−1)/2 pairs of a representational dissimilarity matrix.
   *
   * @param whereFalse the values of v where b = 0 (finite; not modified)
   * @param whereTrue the values of v where b = 1 (finite; not modified)
   * @return ρ in [−1, 1]; NaN if every value of v is tied
   * @throws IllegalArgumentException if either group is empty (b is then constant)
   */
  public static double withBinary(double[] whereFalse, double[] whereTrue) {
    double[] a = whereFalse.clone();
    double[] b = whereTrue.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    BinaryRanks ranks = new BinaryRanks(a.length, b.length);
    ranks.add(a, 0, a.length, b, 0, b.length);
    return ranks.correlation();
  }

  /**
   * {@link #withBinary} accumulated over successive ranges of values, for more values than fit
   * in memory at once: the caller feeds the values in increasing order, range by range, each
   * range's two groups sorted, every value of a range larger than every value of the ranges
   * before it (so equal values never straddle two ranges). Fed in one range, the result is
   * {@link #withBinary}'s to the last bit; in several, too, since the sums run over the same
   * values in the same order.
   *
   * @since 0.2
   */
  public static final class BinaryRanks {
    private final long n0;
    private final long n1;
    private final double meanRank;
    private long position;
    private double sumTrue;
    private double sumTrueCompensation;
    private double sumSquares;
    private double sumSquaresCompensation;

    /**
     * @param falseCount the number of values where b = 0, over all ranges
     * @param trueCount the number where b = 1
     * @throws IllegalArgumentException if either is 0 (b is then constant)
     */
    public BinaryRanks(long falseCount, long trueCount) {
      if (falseCount == 0 || trueCount == 0) {
        throw new IllegalArgumentException("the binary variable is constant (" + falseCount
            + " zeros, " + trueCount + " ones): its correlation is undefined");
      }
      this.n0 = falseCount;
      this.n1 = trueCount;
      this.meanRank = ((double) n0 + n1 + 1) / 2;
    }

    /**
     * Adds one range of values.
     *
     * @param a values where b = 0, sorted ascending in [aFrom, aTo)
     * @param aFrom first index
     * @param aTo one past the last
     * @param b values where b = 1, sorted ascending in [bFrom, bTo)
     * @param bFrom first index
     * @param bTo one past the last
     */
    public void add(double[] a, int aFrom, int aTo, double[] b, int bFrom, int bTo) {
      int i = aFrom;
      int j = bFrom;
      while (i < aTo || j < bTo) {
        double v = j >= bTo || (i < aTo && a[i] <= b[j]) ? a[i] : b[j];
        int ca = 0;
        while (i < aTo && a[i] == v) {
          i++;
          ca++;
        }
        int cb = 0;
        while (j < bTo && b[j] == v) {
          j++;
          cb++;
        }
        long tied = ca + cb;
        double deviation = position + (tied + 1) / 2.0 - meanRank;
        position += tied;
        // Kahan summation: millions of terms of both signs
        double term = cb * deviation - sumTrueCompensation;
        double next = sumTrue + term;
        sumTrueCompensation = (next - sumTrue) - term;
        sumTrue = next;
        double square = tied * deviation * deviation - sumSquaresCompensation;
        double nextSquares = sumSquares + square;
        sumSquaresCompensation = (nextSquares - sumSquares) - square;
        sumSquares = nextSquares;
      }
    }

    /**
     * @return ρ in [−1, 1]; NaN if every value is tied
     * @throws IllegalStateException if fewer values were added than announced
     */
    public double correlation() {
      if (position != n0 + n1) {
        throw new IllegalStateException(position + " values were added of the " + (n0 + n1)
            + " announced");
      }
      if (sumSquares == 0) {
        return Double.NaN;
      }
      double n = (double) n0 + n1;
      return sumTrue / Math.sqrt(sumSquares * (n0 * (double) n1 / n));
    }
  }
}
