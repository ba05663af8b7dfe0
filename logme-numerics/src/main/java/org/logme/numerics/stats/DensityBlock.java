package org.logme.numerics.stats;

import java.util.Arrays;
import org.logme.api.linalg.Matrix;

/**
 * The Gaussian log-densities of one block of up to {@value #LANES} samples under every
 * component of a mixture, for {@link GaussianMixture}'s E-step: log π_c + log N(xᵢ; μ_c, Σ_c) =
 * constant_c − ½‖L_c⁻¹(xᵢ − μ_c)‖², by forward substitution on the eight samples at once (eight
 * independent running sums, one load of each entry of L_c for all eight), in
 * {@link org.logme.numerics.linalg.Cholesky#solveLower}'s order of operations per sample.
 *
 * <p>Components are visited in order of the block's hints first, so that each sample's best
 * density is usually known after the first; a component is abandoned for the whole block once
 * every sample's partial squared norm shows its density to lie more than
 * {@value #PRUNE_MARGIN} below that sample's best so far (its value is then −∞). One instance
 * per block and thread: it holds the block's working arrays.
 */
final class DensityBlock {
  /** Samples per block. */
  static final int LANES = 8;
  /** How far below the best log-density a component is abandoned: exp(−746) is exactly 0. */
  static final double PRUNE_MARGIN = 746;
  /** Rows of forward substitution between two pruning checks. */
  private static final int CHECK_EVERY = 16;

  private final double[] data;
  private final int d;
  private final int k;
  private final double[] means;
  private final double[][] factors;
  private final double[] constants;
  private final boolean prune;
  private final double[] y;

  DensityBlock(Matrix x, GaussianMixture.Parameters p, double[] constants, boolean prune) {
    this.data = x.data();
    this.d = x.cols();
    this.k = constants.length;
    this.means = p.means().data();
    this.factors = new double[k][];
    for (int c = 0; c < k; c++) {
      factors[c] = p.cholesky()[c].data();
    }
    this.constants = constants;
    this.prune = prune;
    this.y = new double[d * LANES];
  }

  /**
   * Writes the log-densities of samples order[from..to) into out (N×K, row-major).
   *
   * @param order sample indices, grouped by hint
   * @param from the block's first position in order
   * @param to one past its last
   * @param hints each sample's likely best component
   * @param out the N×K log-densities
   */
  void run(int[] order, int from, int to, int[] hints, double[] out) {
    int[] rows = new int[LANES];
    for (int g = 0; g < LANES; g++) {
      rows[g] = order[Math.min(from + g, to - 1)]; // a short block repeats its last sample
    }
    int lanes = to - from;
    double[] best = new double[LANES];
    Arrays.fill(best, Double.NEGATIVE_INFINITY);
    boolean[] visited = new boolean[k];
    int[] sequence = new int[k];
    int next = 0;
    for (int g = 0; g < lanes; g++) {
      if (!visited[hints[rows[g]]]) {
        visited[hints[rows[g]]] = true;
        sequence[next++] = hints[rows[g]];
      }
    }
    for (int c = 0; c < k; c++) {
      if (!visited[c]) {
        sequence[next++] = c;
      }
    }
    double[] norms = new double[LANES];
    boolean[] abandoned = new boolean[LANES];
    for (int c : sequence) {
      boolean complete = substitute(c, rows, best, norms, abandoned);
      for (int g = 0; g < LANES; g++) { // the padding lanes too: they repeat a sample
        double value = complete && !abandoned[g] ? constants[c] - 0.5 * norms[g]
            : Double.NEGATIVE_INFINITY;
        best[g] = Math.max(best[g], value);
        if (g < lanes) {
          out[rows[g] * k + c] = value;
        }
      }
    }
  }

  /**
   * Forward substitution of the block under component c, with the squared norms of the
   * results; stops early when every sample is abandoned.
   *
   * @return false if it stopped early (every sample abandoned)
   */
  private boolean substitute(int c, int[] rows, double[] best, double[] norms,
      boolean[] abandoned) {
    double[] l = factors[c];
    int mu = c * d;
    int r0 = rows[0] * d;
    int r1 = rows[1] * d;
    int r2 = rows[2] * d;
    int r3 = rows[3] * d;
    int r4 = rows[4] * d;
    int r5 = rows[5] * d;
    int r6 = rows[6] * d;
    int r7 = rows[7] * d;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    double q3 = 0;
    double q4 = 0;
    double q5 = 0;
    double q6 = 0;
    double q7 = 0;
    Arrays.fill(abandoned, false);
    double[] yy = y;
    for (int j = 0; j < d; j++) {
      double m = means[mu + j];
      double s0 = data[r0 + j] - m;
      double s1 = data[r1 + j] - m;
      double s2 = data[r2 + j] - m;
      double s3 = data[r3 + j] - m;
      double s4 = data[r4 + j] - m;
      double s5 = data[r5 + j] - m;
      double s6 = data[r6 + j] - m;
      double s7 = data[r7 + j] - m;
      int row = j * d;
      for (int q = 0, b = 0; q < j; q++, b += LANES) {
        double a = l[row + q];
        s0 -= a * yy[b];
        s1 -= a * yy[b + 1];
        s2 -= a * yy[b + 2];
        s3 -= a * yy[b + 3];
        s4 -= a * yy[b + 4];
        s5 -= a * yy[b + 5];
        s6 -= a * yy[b + 6];
        s7 -= a * yy[b + 7];
      }
      double pivot = l[row + j];
      s0 /= pivot;
      s1 /= pivot;
      s2 /= pivot;
      s3 /= pivot;
      s4 /= pivot;
      s5 /= pivot;
      s6 /= pivot;
      s7 /= pivot;
      int b = j * LANES;
      yy[b] = s0;
      yy[b + 1] = s1;
      yy[b + 2] = s2;
      yy[b + 3] = s3;
      yy[b + 4] = s4;
      yy[b + 5] = s5;
      yy[b + 6] = s6;
      yy[b + 7] = s7;
      q0 += s0 * s0;
      q1 += s1 * s1;
      q2 += s2 * s2;
      q3 += s3 * s3;
      q4 += s4 * s4;
      q5 += s5 * s5;
      q6 += s6 * s6;
      q7 += s7 * s7;
      if (prune && j % CHECK_EVERY == CHECK_EVERY - 1) {
        norms[0] = q0;
        norms[1] = q1;
        norms[2] = q2;
        norms[3] = q3;
        norms[4] = q4;
        norms[5] = q5;
        norms[6] = q6;
        norms[7] = q7;
        if (allAbandoned(c, best, norms, abandoned)) {
          return false;
        }
      }
    }
    norms[0] = q0;
    norms[1] = q1;
    norms[2] = q2;
    norms[3] = q3;
    norms[4] = q4;
    norms[5] = q5;
    norms[6] = q6;
    norms[7] = q7;
    return true;
  }

  /** Marks the samples proved hopeless for component c; true if all are. */
  private boolean allAbandoned(int c, double[] best, double[] norms, boolean[] abandoned) {
    boolean all = true;
    for (int g = 0; g < LANES; g++) {
      if (!abandoned[g]) {
        abandoned[g] = constants[c] - 0.5 * norms[g] < best[g] - PRUNE_MARGIN;
        all &= abandoned[g];
      }
    }
    return all;
  }
}
