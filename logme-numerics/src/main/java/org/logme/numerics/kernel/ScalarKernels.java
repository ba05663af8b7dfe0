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
  static final ScalarKernels INSTANCE = new ScalarKernels(hardwareFma());

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
            if (fused) {
              tile4x4Fused(p, len, acc, r, i0, j0);
            } else {
              tile4x4Plain(p, len, acc, r, i0, j0);
            }
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

  /**
   * Sixteen dot products at once; the JIT keeps the accumulators in registers and compiles
   * {@link Math#fma} to one instruction, about 1.8 times faster than multiply-then-add.
   */
  private static void tile4x4Fused(double[] p, int len, double[] acc, int r, int i0, int j0) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = i0 * len;
    int a1 = a0 + len;
    int a2 = a1 + len;
    int a3 = a2 + len;
    int b0 = j0 * len;
    int b1 = b0 + len;
    int b2 = b1 + len;
    int b3 = b2 + len;
    for (int s = 0; s < len; s++) {
      double x0 = p[a0 + s];
      double x1 = p[a1 + s];
      double x2 = p[a2 + s];
      double x3 = p[a3 + s];
      double y0 = p[b0 + s];
      double y1 = p[b1 + s];
      double y2 = p[b2 + s];
      double y3 = p[b3 + s];
      c00 = Math.fma(x0, y0, c00);
      c01 = Math.fma(x0, y1, c01);
      c02 = Math.fma(x0, y2, c02);
      c03 = Math.fma(x0, y3, c03);
      c10 = Math.fma(x1, y0, c10);
      c11 = Math.fma(x1, y1, c11);
      c12 = Math.fma(x1, y2, c12);
      c13 = Math.fma(x1, y3, c13);
      c20 = Math.fma(x2, y0, c20);
      c21 = Math.fma(x2, y1, c21);
      c22 = Math.fma(x2, y2, c22);
      c23 = Math.fma(x2, y3, c23);
      c30 = Math.fma(x3, y0, c30);
      c31 = Math.fma(x3, y1, c31);
      c32 = Math.fma(x3, y2, c32);
      c33 = Math.fma(x3, y3, c33);
    }
    int g0 = i0 * r + j0;
    int g1 = g0 + r;
    int g2 = g1 + r;
    int g3 = g2 + r;
    acc[g0] += c00;
    acc[g0 + 1] += c01;
    acc[g0 + 2] += c02;
    acc[g0 + 3] += c03;
    acc[g1] += c10;
    acc[g1 + 1] += c11;
    acc[g1 + 2] += c12;
    acc[g1 + 3] += c13;
    acc[g2] += c20;
    acc[g2 + 1] += c21;
    acc[g2 + 2] += c22;
    acc[g2 + 3] += c23;
    acc[g3] += c30;
    acc[g3 + 1] += c31;
    acc[g3 + 2] += c32;
    acc[g3 + 3] += c33;
  }

  /** Sixteen dot products at once with separate multiplies and adds (no FMA unit). */
  private static void tile4x4Plain(double[] p, int len, double[] acc, int r, int i0, int j0) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = i0 * len;
    int a1 = a0 + len;
    int a2 = a1 + len;
    int a3 = a2 + len;
    int b0 = j0 * len;
    int b1 = b0 + len;
    int b2 = b1 + len;
    int b3 = b2 + len;
    for (int s = 0; s < len; s++) {
      double x0 = p[a0 + s];
      double x1 = p[a1 + s];
      double x2 = p[a2 + s];
      double x3 = p[a3 + s];
      double y0 = p[b0 + s];
      double y1 = p[b1 + s];
      double y2 = p[b2 + s];
      double y3 = p[b3 + s];
      c00 += x0 * y0;
      c01 += x0 * y1;
      c02 += x0 * y2;
      c03 += x0 * y3;
      c10 += x1 * y0;
      c11 += x1 * y1;
      c12 += x1 * y2;
      c13 += x1 * y3;
      c20 += x2 * y0;
      c21 += x2 * y1;
      c22 += x2 * y2;
      c23 += x2 * y3;
      c30 += x3 * y0;
      c31 += x3 * y1;
      c32 += x3 * y2;
      c33 += x3 * y3;
    }
    int g0 = i0 * r + j0;
    int g1 = g0 + r;
    int g2 = g1 + r;
    int g3 = g2 + r;
    acc[g0] += c00;
    acc[g0 + 1] += c01;
    acc[g0 + 2] += c02;
    acc[g0 + 3] += c03;
    acc[g1] += c10;
    acc[g1 + 1] += c11;
    acc[g1 + 2] += c12;
    acc[g1 + 3] += c13;
    acc[g2] += c20;
    acc[g2 + 1] += c21;
    acc[g2 + 2] += c22;
    acc[g2 + 3] += c23;
    acc[g3] += c30;
    acc[g3 + 1] += c31;
    acc[g3 + 2] += c32;
    acc[g3 + 3] += c33;
  }

  private static boolean hardwareFma() {
    try {
      return Boolean.parseBoolean(java.lang.management.ManagementFactory
          .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot, or the option is unknown: do not risk emulated FMA
    }
  }
}
