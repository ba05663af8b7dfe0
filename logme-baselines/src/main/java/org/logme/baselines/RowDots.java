package org.logme.baselines;

import java.util.Arrays;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.kernel.DotTiles;

/**
 * Dot products between two blocks of rows of a row-major matrix, in pure Java: 4×4 register
 * tiles ({@link DotTiles}, shared with the scalar Gram kernel: sixteen running sums, eight loads
 * per step along the row) over squares of
 * {@value #SQUARE}×{@value #SQUARE} products whose rows stay in cache, one strip of squares per
 * task on the backend's threads. {@link Math#fma} is used where the JIT has a hardware
 * instruction for it (it is emulated, and slow, elsewhere). The pairs' products are what
 * kNN's distances and PARC's correlations are made of, without forming an N×N matrix.
 */
final class RowDots {
  private static final int TILE = 4;
  private static final int SQUARE = 64;
  private static final boolean FMA = DotTiles.HARDWARE_FMA;

  private RowDots() {
  }

  /**
   * out[(i − r0)·(c1 − c0) + (j − c0)] = xᵢ·xⱼ for i in [r0, r1), j in [c0, c1).
   *
   * @param x the rows, row-major, d per row
   * @param d the row length
   * @param r0 first row
   * @param r1 one past the last row
   * @param c0 first column row
   * @param c1 one past the last column row
   * @param out the products
   * @param backend whose threads run the strips
   */
  static void products(double[] x, int d, int r0, int r1, int c0, int c1, double[] out,
      LinearAlgebraBackend backend) {
    int strips = (r1 - r0 + SQUARE - 1) / SQUARE;
    backend.forEachTask(strips, s -> strip(x, d, r0 + s * SQUARE,
        Math.min(r1, r0 + s * SQUARE + SQUARE), r0, c0, c1, out));
  }

  private static void strip(double[] x, int d, int i0, int i1, int r0, int c0, int c1,
      double[] out) {
    int w = c1 - c0;
    for (int j0 = c0; j0 < c1; j0 += SQUARE) {
      int j1 = Math.min(c1, j0 + SQUARE);
      for (int i = i0; i < i1; i += TILE) {
        for (int j = j0; j < j1; j += TILE) {
          if (i + TILE <= i1 && j + TILE <= j1) {
            tile(x, d, i, j, out, (i - r0) * w + (j - c0), w);
          } else {
            edge(x, d, i, Math.min(i + TILE, i1), j, Math.min(j + TILE, j1), out, r0, c0, w);
          }
        }
      }
    }
  }

  private static void edge(double[] x, int d, int i0, int i1, int j0, int j1, double[] out,
      int r0, int c0, int w) {
    for (int i = i0; i < i1; i++) {
      for (int j = j0; j < j1; j++) {
        double c = 0;
        for (int s = 0; s < d; s++) {
          c = FMA ? Math.fma(x[i * d + s], x[j * d + s], c) : c + x[i * d + s] * x[j * d + s];
        }
        out[(i - r0) * w + (j - c0)] = c;
      }
    }
  }

  /** The tile of rows i..i+3 with rows j..j+3, written (not added) to out at o, stride w. */
  private static void tile(double[] x, int d, int i, int j, double[] out, int o, int w) {
    for (int a = 0; a < TILE; a++) {
      Arrays.fill(out, o + a * w, o + a * w + TILE, 0);
    }
    DotTiles.add4x4(x, d, i, j, out, o, w, FMA);
  }

  /** @return whether the products are accumulated with {@link Math#fma} */
  static boolean fused() {
    return FMA;
  }
}
