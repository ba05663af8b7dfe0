package org.logme.baselines;

import java.util.Arrays;
import org.logme.api.NumericalException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.Spearman;

/**
 * PARC's Spearman correlation between the dissimilarities rᵢⱼ = 1 − zᵢ·zⱼ of all pairs i &lt; j
 * (z: rows of unit norm, so zᵢ·zⱼ is their correlation, clamped to [−1, 1]) and the indicator
 * [yᵢ ≠ yⱼ], in memory bounded whatever N: the N(N−1)/2 dissimilarities are never all held.
 *
 * <p>When they fit in the value budget (8 bytes each), one pass over the pairs collects them
 * and {@link Spearman.BinaryRanks} ranks them, as {@link Spearman#withBinary}. Otherwise a
 * first pass counts them in {@value #BUCKETS} buckets of equal width over [0, 2] (the bucket
 * is a non-decreasing function of r, so equal values share a bucket), runs of consecutive
 * buckets are grouped into ranges that fit in the budget, and each further pass recomputes
 * the pairs, keeps those of one range, sorts them and feeds them to the same accumulator in
 * increasing order: the same sums over the same values in the same order, so the same value
 * to the last bit, at the cost of one pass over the N²/2 products per range. The products of
 * every pass come from the same blocked backend products ({@link PairBlocks}), so they are the
 * same numbers each time; a count that differs between passes is reported, not ignored.
 */
final class DissimilarityRanks {
  /** Histogram buckets over [0, 2] for the multi-pass ranking (32 MB of counts). */
  static final int BUCKETS = 1 << 22;
  private static final double SCALE = BUCKETS / 2.0;

  private final Matrix z;
  private final int[] y;
  private final LinearAlgebraBackend backend;
  private int passes;

  /**
   * @param z the N×k rows, each centred and of unit norm
   * @param y the class of each row
   * @param backend the products
   */
  DissimilarityRanks(Matrix z, int[] y, LinearAlgebraBackend backend) {
    this.z = z;
    this.y = y;
    this.backend = backend;
  }

  /** @return the passes over the pairs the last {@link #correlation} made */
  int passes() {
    return passes;
  }

  /**
   * @param sameClassPairs the number of pairs with yᵢ = yⱼ, in 1..N(N−1)/2 − 1
   * @param budget the most dissimilarities to hold at once
   * @return Spearman's ρ of (rᵢⱼ, [yᵢ ≠ yⱼ]) over i &lt; j; NaN if every r is tied
   */
  double correlation(long sameClassPairs, long budget) {
    long n = z.rows();
    long pairs = n * (n - 1) / 2;
    Spearman.BinaryRanks ranks = new Spearman.BinaryRanks(sameClassPairs,
        pairs - sameClassPairs);
    if (pairs <= budget) {
      passes = 1;
      collect(0, BUCKETS, pairs, ranks);
      return ranks.correlation();
    }
    long[] histogram = new long[BUCKETS];
    new Pass() {
      @Override
      void row(double[] corr, int from, int to, int offset, int yi) {
        for (int j = from; j < to; j++) {
          histogram[bucket(corr[offset + j])]++;
        }
      }
    }.run();
    passes = 1;
    int first = 0;
    while (first < BUCKETS) {
      int end = first;
      long count = 0;
      while (end < BUCKETS && (count + histogram[end] <= budget || end == first)) {
        count += histogram[end];
        end++;
      }
      if (count > 0) {
        collect(first, end, count, ranks);
        passes++;
      }
      first = end;
    }
    return ranks.correlation();
  }

  /**
   * Collects the dissimilarities of buckets [lo, hi): the same-class ones (b = 0) from the
   * front of one array, the different-class ones (b = 1) from its back; sorts both and adds
   * them to ranks.
   */
  private void collect(int lo, int hi, long count, Spearman.BinaryRanks ranks) {
    if (count > Integer.MAX_VALUE - 16) {
      throw new NumericalException("PARC: " + count + " pairwise dissimilarities share one"
          + " histogram bucket (massively duplicated samples?); subsample the data");
    }
    double[] values = new double[(int) count];
    int[] filled = {0, values.length};
    new Pass() {
      @Override
      void row(double[] corr, int from, int to, int offset, int yi) {
        boolean all = lo == 0 && hi == BUCKETS;
        for (int j = from; j < to; j++) {
          double c = corr[offset + j];
          if (all || inRange(c)) {
            double r = dissimilarity(c);
            if (y[j] == yi) {
              values[filled[0]++] = r;
            } else {
              values[--filled[1]] = r;
            }
          }
        }
      }

      private boolean inRange(double c) {
        int b = bucket(c);
        return b >= lo && b < hi;
      }
    }.run();
    if (filled[0] != filled[1]) {
      throw new NumericalException("PARC: a pass over the pairs found " + (filled[0]
          + values.length - filled[1]) + " dissimilarities where the histogram counted " + count
          + "; the backend's products are not reproducible");
    }
    Arrays.sort(values, 0, filled[0]);
    Arrays.sort(values, filled[1], values.length);
    ranks.add(values, 0, filled[0], values, filled[1], values.length);
  }

  private static double dissimilarity(double correlation) {
    return 1 - Math.max(-1, Math.min(1, correlation));
  }

  private static int bucket(double correlation) {
    return Math.min(BUCKETS - 1, (int) (dissimilarity(correlation) * SCALE));
  }

  /** One pass over the pairs i &lt; j, row segment by row segment. */
  private abstract class Pass {
    /**
     * @param corr a block of products
     * @param from the first column j of the segment
     * @param to one past its last
     * @param offset the index in corr of column 0 of this row
     * @param yi the row's class
     */
    abstract void row(double[] corr, int from, int to, int offset, int yi);

    final void run() {
      PairBlocks.forEachUpper(z, backend, (r0, r1, c0, c1, corr) -> {
        int width = c1 - c0;
        for (int i = r0; i < r1; i++) {
          int from = Math.max(c0, i + 1);
          if (from < c1) {
            row(corr, from, c1, (i - r0) * width - c0, y[i]);
          }
        }
      });
    }
  }
}
