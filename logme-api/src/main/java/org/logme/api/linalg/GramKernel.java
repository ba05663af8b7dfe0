package org.logme.api.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A blocked, multi-threaded pure-Java kernel for Gram matrices, shared by the pure-Java
 * backends. It computes only the upper triangle, in 4×4 register tiles of dot products, and
 * mirrors it, so the result is exactly symmetric and costs half a general product.
 *
 * <p>For AᵀA the rows of A are taken in blocks of {@value #BLOCK_ROWS}, each transposed into a
 * panel whose rows are contiguous, then accumulated; for AAᵀ the rows of A are the panel. Work
 * is split into stripes of four output rows, scheduled dynamically on the given pool.
 *
 * @since 0.1
 */
public final class GramKernel {
  /** Rows of A per block: a panel of D×256 doubles stays in cache for the tiles. */
  static final int BLOCK_ROWS = 256;
  private static final int TILE = 4;

  private final ForkJoinPool pool;

  /**
   * @param pool the threads to use, or null to run on the calling thread only
   */
  public GramKernel(ForkJoinPool pool) {
    this.pool = pool;
  }

  /**
   * @param a an m×n matrix
   * @return AᵀA (n×n), exactly symmetric
   */
  public Matrix gram(Matrix a) {
    Matrix g = Matrix.zeros(a.cols(), a.cols());
    addGram(g, a);
    return g;
  }

  /**
   * @param a an m×n matrix
   * @return AAᵀ (m×m), exactly symmetric
   */
  public Matrix outerGram(Matrix a) {
    Matrix g = Matrix.zeros(a.rows(), a.rows());
    addRowProducts(a.data(), a.rows(), a.cols(), g.data());
    return Matrices.mirrorUpper(g);
  }

  /**
   * Adds the Gram matrix of a block of rows to an accumulator: G ← G + RᵀR.
   *
   * @param accumulator a symmetric n×n matrix, updated in place and left exactly symmetric
   * @param rows an m×n block of rows
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public void addGram(Matrix accumulator, Matrix rows) {
    int n = rows.cols();
    if (accumulator.rows() != n || accumulator.cols() != n) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    int m = rows.rows();
    double[] panel = new double[n * Math.min(BLOCK_ROWS, Math.max(m, 1))];
    double[] data = rows.data();
    for (int first = 0; first < m; first += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, m - first);
      // transpose the block so that each column of A becomes a contiguous panel row
      for (int s = 0; s < count; s++) {
        int offset = (first + s) * n;
        for (int j = 0; j < n; j++) {
          panel[j * count + s] = data[offset + j];
        }
      }
      addRowProducts(panel, n, count, accumulator.data());
    }
    Matrices.mirrorUpper(accumulator);
  }

  /** acc[i][j] += Σ_s p[i][s]·p[j][s] for j ≥ i, p being r rows of length len. */
  private void addRowProducts(double[] p, int r, int len, double[] acc) {
    int stripes = (r + TILE - 1) / TILE;
    if (pool == null || stripes < 2) {
      for (int stripe = 0; stripe < stripes; stripe++) {
        stripe(p, r, len, acc, stripe * TILE);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, stripes).parallel()
        .forEach(stripe -> stripe(p, r, len, acc, stripe * TILE))).join();
  }

  private static void stripe(double[] p, int r, int len, double[] acc, int i0) {
    int i1 = Math.min(i0 + TILE, r);
    for (int j0 = i0; j0 < r; j0 += TILE) {
      int j1 = Math.min(j0 + TILE, r);
      if (i1 - i0 == TILE && j1 - j0 == TILE) {
        tile4x4(p, len, acc, r, i0, j0);
      } else {
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
  }

  /** Sixteen dot products at once; the JIT keeps the accumulators in registers. */
  private static void tile4x4(double[] p, int len, double[] acc, int r, int i0, int j0) {
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
}
