package org.logme.numerics.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The kernels in plain Java, for any JVM. The Gram matrix is computed in 4×4 register tiles of
 * dot products, with {@link Math#fma} where the JIT compiles it to one instruction: for PᵀP the
 * rows of P are taken in blocks of {@value #BLOCK_ROWS}, each transposed into a panel whose rows
 * are contiguous; for a transposed input the rows are the panel. Work is split into rows of
 * {@value #SQUARE}×{@value #SQUARE} squares of the output, scheduled dynamically on the pool.
 *
 * @since 0.1
 */
public final class ScalarKernels implements Kernels {
  /** The one instance. */
  static final ScalarKernels INSTANCE = new ScalarKernels(DotTiles.HARDWARE_FMA);

  /** Rows of P per block: a panel of r×256 doubles stays in cache for the tiles. */
  static final int BLOCK_ROWS = 256;
  private static final int TILE = 4;
  /** Output rows per square of work: two panels of 64 rows stay in the core's cache. */
  static final int SQUARE = 64;

  private final boolean fused;

  /**
   * @param fused whether to use {@link Math#fma} in the tiles: only where the JIT compiles it to
   *     a hardware instruction (otherwise it is emulated, far slower than a multiply and an add)
   */
  ScalarKernels(boolean fused) {
    this.fused = fused;
  }

  @Override
  public String description() {
    return "scalar Java" + (fused ? " with fused multiply-add" : "");
  }

  @Override
  public String toString() {
    return description();
  }

  @Override
  public void columnSums(double[] x, int offset, int rows, int cols, double[] high,
      double[] low, double[] min, double[] max) {
    for (int i = 0; i < rows; i++) {
      int row = offset + i * cols;
      for (int j = 0; j < cols; j++) {
        double v = x[row + j];
        double s = high[j];
        double t = s + v;
        double z = t - s;
        low[j] += (s - (t - z)) + (v - z);
        high[j] = t;
        min[j] = v < min[j] ? v : min[j];
        max[j] = v > max[j] ? v : max[j];
      }
    }
  }

  @Override
  public double centre(double[] x, int offset, double[] high, double[] low, double[] shift,
      int from, int to) {
    double n0 = 0;
    double n1 = 0;
    int k = from;
    for (; k + 1 < to; k += 2) {
      double u0 = (x[offset + k] - high[k]) - low[k];
      double u1 = (x[offset + k + 1] - high[k + 1]) - low[k + 1];
      x[offset + k] = u0;
      x[offset + k + 1] = u1;
      double v0 = u0 + shift[k];
      double v1 = u1 + shift[k + 1];
      n0 += v0 * v0;
      n1 += v1 * v1;
    }
    for (; k < to; k++) {
      double u = (x[offset + k] - high[k]) - low[k];
      x[offset + k] = u;
      double v = u + shift[k];
      n0 += v * v;
    }
    return n0 + n1;
  }

  @Override
  public void axpy(double a, double[] x, int xOffset, double[] y, int yOffset, int count) {
    for (int k = 0; k < count; k++) {
      y[yOffset + k] += a * x[xOffset + k];
    }
  }

  @Override
  public double rankTwoRowDot(double[] a, int offset, double vi, double[] w, double wi,
      double[] v, int from, double[] next, int nextFrom, int count) {
    double sum = 0;
    for (int k = 0; k < count; k++) {
      double updated = a[offset + k] - (vi * w[from + k] + wi * v[from + k]);
      a[offset + k] = updated;
      sum += updated * next[nextFrom + k];
    }
    return sum;
  }

  @Override
  public void addGram(double[] x, int m, int r, boolean transposed, double[] acc,
      ForkJoinPool pool) {
    if (m == 0 || r == 0) {
      return;
    }
    if (transposed) {
      addRowProducts(x, r, m, acc, pool);
      return;
    }
    double[] panel = new double[r * Math.min(BLOCK_ROWS, m)];
    for (int first = 0; first < m; first += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, m - first);
      // transpose the block so that each column of P becomes a contiguous panel row
      for (int s = 0; s < count; s++) {
        int offset = (first + s) * r;
        for (int j = 0; j < r; j++) {
          panel[j * count + s] = x[offset + j];
        }
      }
      addRowProducts(panel, r, count, acc, pool);
    }
  }

  /**
   * acc[i][j] += Σ_s p[i][s]·p[j][s] for j ≥ i, p being r rows of length len. The output is cut
   * into squares of {@value #SQUARE} rows: one task per row of squares, each square computed
   * while its two panels of rows stay in cache.
   */
  private void addRowProducts(double[] p, int r, int len, double[] acc, ForkJoinPool pool) {
    int squares = (r + SQUARE - 1) / SQUARE;
    if (pool == null || squares < 2) {
      for (int bi = 0; bi < squares; bi++) {
        squareRow(p, r, len, acc, bi * SQUARE);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, squares).parallel()
        .forEach(bi -> squareRow(p, r, len, acc, bi * SQUARE))).join();
  }

  /** The squares to the right of the diagonal in the row of squares starting at row bi. */
  private void squareRow(double[] p, int r, int len, double[] acc, int bi) {
    int biEnd = Math.min(bi + SQUARE, r);
    for (int bj = bi; bj < r; bj += SQUARE) {
      int bjEnd = Math.min(bj + SQUARE, r);
      for (int i0 = bi; i0 < biEnd; i0 += TILE) {
        for (int j0 = Math.max(bj, i0); j0 < bjEnd; j0 += TILE) {
          if (i0 + TILE <= biEnd && j0 + TILE <= bjEnd) {
            DotTiles.add4x4(p, len, i0, j0, acc, i0 * r + j0, r, fused);
          } else {
            edge(p, len, acc, r, i0, Math.min(i0 + TILE, biEnd), j0, Math.min(j0 + TILE, bjEnd));
          }
        }
      }
    }
  }

  /** A partial tile at the edge of the matrix, one dot product at a time. */
  private static void edge(double[] p, int len, double[] acc, int r, int i0, int i1, int j0,
      int j1) {
    for (int i = i0; i < i1; i++) {
      for (int j = Math.max(j0, i); j < j1; j++) {
        double c = 0;
        for (int s = 0; s < len; s++) {
          c += p[i * len + s] * p[j * len + s];
        }
        acc[i * r + j] += c;
      }
    }
  }
}
