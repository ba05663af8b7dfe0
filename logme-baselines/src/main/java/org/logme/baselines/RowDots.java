package org.logme.baselines;

import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Dot products between two blocks of rows of a row-major matrix, in pure Java: 4×4 register
 * tiles (sixteen running sums, eight loads per step along the row) over squares of
 * {@value #SQUARE}×{@value #SQUARE} products whose rows stay in cache, one strip of squares per
 * task on the backend's threads. {@link Math#fma} is used where the JIT has a hardware
 * instruction for it (it is emulated, and slow, elsewhere). The pairs' products are what
 * kNN's distances and PARC's correlations are made of, without forming an N×N matrix.
 */
final class RowDots {
  private static final int TILE = 4;
  private static final int SQUARE = 64;
  private static final boolean FMA = hardwareFma();

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

  private static void tile(double[] x, int d, int i, int j, double[] out, int o, int w) {
    if (FMA) {
      tileFused(x, d, i, j, out, o, w);
    } else {
      tilePlain(x, d, i, j, out, o, w);
    }
  }

  private static void tileFused(double[] x, int d, int i, int j, double[] out, int o, int w) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = i * d;
    int a1 = a0 + d;
    int a2 = a1 + d;
    int a3 = a2 + d;
    int b0 = j * d;
    int b1 = b0 + d;
    int b2 = b1 + d;
    int b3 = b2 + d;
    for (int s = 0; s < d; s++) {
      double x0 = x[a0 + s];
      double x1 = x[a1 + s];
      double x2 = x[a2 + s];
      double x3 = x[a3 + s];
      double y0 = x[b0 + s];
      double y1 = x[b1 + s];
      double y2 = x[b2 + s];
      double y3 = x[b3 + s];
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
    store(out, o, w, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31,
        c32, c33);
  }

  private static void tilePlain(double[] x, int d, int i, int j, double[] out, int o, int w) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = i * d;
    int a1 = a0 + d;
    int a2 = a1 + d;
    int a3 = a2 + d;
    int b0 = j * d;
    int b1 = b0 + d;
    int b2 = b1 + d;
    int b3 = b2 + d;
    for (int s = 0; s < d; s++) {
      double x0 = x[a0 + s];
      double x1 = x[a1 + s];
      double x2 = x[a2 + s];
      double x3 = x[a3 + s];
      double y0 = x[b0 + s];
      double y1 = x[b1 + s];
      double y2 = x[b2 + s];
      double y3 = x[b3 + s];
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
    store(out, o, w, c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31,
        c32, c33);
  }

  private static void store(double[] out, int o, int w, double c00, double c01, double c02,
      double c03, double c10, double c11, double c12, double c13, double c20, double c21,
      double c22, double c23, double c30, double c31, double c32, double c33) {
    out[o] = c00;
    out[o + 1] = c01;
    out[o + 2] = c02;
    out[o + 3] = c03;
    out[o + w] = c10;
    out[o + w + 1] = c11;
    out[o + w + 2] = c12;
    out[o + w + 3] = c13;
    out[o + 2 * w] = c20;
    out[o + 2 * w + 1] = c21;
    out[o + 2 * w + 2] = c22;
    out[o + 2 * w + 3] = c23;
    out[o + 3 * w] = c30;
    out[o + 3 * w + 1] = c31;
    out[o + 3 * w + 2] = c32;
    out[o + 3 * w + 3] = c33;
  }

  /** @return whether the products are accumulated with {@link Math#fma} */
  static boolean fused() {
    return FMA;
  }

  private static boolean hardwareFma() {
    try {
      return Boolean.parseBoolean(java.lang.management.ManagementFactory
          .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
