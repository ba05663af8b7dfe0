package org.logme.eval.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The weighted pair counts behind Kendall-type coefficients, in O(n log n).
 *
 * <p>Each element i has a weight wᵢ and the pair {i, j} weighs wᵢ + wⱼ. For two variables x and
 * y this computes the total weight of all pairs, of the pairs tied in x, tied in y and tied in
 * both, and of the discordant pairs (x and y ordered oppositely). The discordant weight is
 * accumulated in ascending order of x with a Fenwick tree over the ranks of y, which holds the
 * count and the weight sum of the elements already seen.
 */
final class PairWeights {
  /** Σ over all pairs. */
  final double total;
  /** Σ over pairs with xᵢ = xⱼ. */
  final double tiedX;
  /** Σ over pairs with yᵢ = yⱼ. */
  final double tiedY;
  /** Σ over pairs with xᵢ = xⱼ and yᵢ = yⱼ. */
  final double tiedBoth;
  /** Σ over pairs with (xᵢ − xⱼ)(yᵢ − yⱼ) &lt; 0. */
  final double discordant;

  private PairWeights(double total, double tiedX, double tiedY, double tiedBoth,
      double discordant) {
    this.total = total;
    this.tiedX = tiedX;
    this.tiedY = tiedY;
    this.tiedBoth = tiedBoth;
    this.discordant = discordant;
  }

  /**
   * @param x the first variable
   * @param y the second variable, same length
   * @param w the weight of each element
   * @return the pair weights
   */
  static PairWeights of(double[] x, double[] y, double[] w) {
    int n = x.length;
    Integer[] byXy = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byXy, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
    Integer[] byY = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(byY, Comparator.comparingDouble(i -> y[i]));

    double weightSum = 0;
    for (double v : w) {
      weightSum += v;
    }
    double total = weightSum * (n - 1);
    double tiedX = tieWeight(byXy, w, (a, b) -> x[a] == x[b]);
    double tiedBoth = tieWeight(byXy, w, (a, b) -> x[a] == x[b] && y[a] == y[b]);
    double tiedY = tieWeight(byY, w, (a, b) -> y[a] == y[b]);

    // dense rank of y, 1-based, for the Fenwick tree
    int[] yRank = new int[n];
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || y[byY[k]] != y[byY[k - 1]]) {
        distinct++;
      }
      yRank[byY[k]] = distinct;
    }
    long[] countTree = new long[distinct + 1];
    double[] weightTree = new double[distinct + 1];
    long seen = 0;
    double seenWeight = 0;
    double discordant = 0;
    int first = 0;
    while (first < n) {
      int end = first + 1;
      while (end < n && x[byXy[end]] == x[byXy[first]]) {
        end++;
      }
      // every element seen so far has a strictly smaller x; those with a larger y are discordant
      for (int k = first; k < end; k++) {
        int e = byXy[k];
        long notAbove = 0;
        double notAboveWeight = 0;
        for (int r = yRank[e]; r > 0; r -= r & -r) {
          notAbove += countTree[r];
          notAboveWeight += weightTree[r];
        }
        discordant += (seen - notAbove) * w[e] + (seenWeight - notAboveWeight);
      }
      for (int k = first; k < end; k++) {
        int e = byXy[k];
        for (int r = yRank[e]; r <= distinct; r += r & -r) {
          countTree[r]++;
          weightTree[r] += w[e];
        }
        seen++;
        seenWeight += w[e];
      }
      first = end;
    }
    return new PairWeights(total, tiedX, tiedY, tiedBoth, discordant);
  }

  /** Σ over pairs within runs of equal elements (by {@code same}) of a sorted order. */
  private static double tieWeight(Integer[] sorted, double[] w, Same same) {
    double tied = 0;
    int first = 0;
    while (first < sorted.length) {
      int end = first + 1;
      double runWeight = w[sorted[first]];
      while (end < sorted.length && same.test(sorted[first], sorted[end])) {
        runWeight += w[sorted[end]];
        end++;
      }
      // in a run of m elements, each element is in m − 1 pairs
      tied += runWeight * (end - first - 1);
      first = end;
    }
    return tied;
  }

  /**
   * (concordant − discordant) / √(not tied in x) / √(not tied in y), clipped to [−1, 1]. Pairs
   * tied in either variable count in neither the numerator nor the other's denominator.
   *
   * @return the coefficient; NaN if x or y is constant (the caller reports why)
   */
  double tau() {
    double notTiedX = total - tiedX;
    double notTiedY = total - tiedY;
    if (notTiedX <= 0 || notTiedY <= 0) {
      return Double.NaN;
    }
    double concordantMinusDiscordant = total - tiedX - tiedY + tiedBoth - 2 * discordant;
    double tau = concordantMinusDiscordant / Math.sqrt(notTiedX) / Math.sqrt(notTiedY);
    return Math.min(1.0, Math.max(-1.0, tau));
  }

  @FunctionalInterface
  private interface Same {
    boolean test(int a, int b);
  }
}
