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
    int n0 = whereFalse.length;
    int n1 = whereTrue.length;
    if (n0 == 0 || n1 == 0) {
      throw new IllegalArgumentException("the binary variable is constant (" + n0 + " zeros, " + n1
          + " ones): its correlation is undefined");
    }
    double[] a = whereFalse.clone();
    double[] b = whereTrue.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double n = (double) n0 + n1;
    double meanRank = (n + 1) / 2;
    double sumTrue = 0;
    double sumTrueCompensation = 0;
    double sumSquares = 0;
    double sumSquaresCompensation = 0;
    long position = 0;
    int i = 0;
    int j = 0;
    while (i < n0 || j < n1) {
      double v = j >= n1 || (i < n0 && a[i] <= b[j]) ? a[i] : b[j];
      int ca = 0;
      while (i < n0 && a[i] == v) {
        i++;
        ca++;
      }
      int cb = 0;
      while (j < n1 && b[j] == v) {
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
    if (sumSquares == 0) {
      return Double.NaN;
    }
    return sumTrue / Math.sqrt(sumSquares * (n0 * (double) n1 / n));
  }
}
