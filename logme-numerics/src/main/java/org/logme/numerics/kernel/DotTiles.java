package org.logme.numerics.kernel;

/**
 * Sixteen dot products at once: rows i0..i0+3 with rows j0..j0+3 of a row-major array, the
 * accumulators held in registers, added to a 4×4 block of an output. The scalar Gram kernel
 * ({@link ScalarKernels}) and the pair products of kNN and PARC share it. With {@link Math#fma}
 * only where the JIT compiles it to one instruction ({@link #HARDWARE_FMA}): emulated, it is far
 * slower than a multiply and an add. The tile is symmetric to the bit: the product of rows a
 * and b is the same number as that of b and a.
 *
 * @since 0.2
 */
public final class DotTiles {
  /** Whether this JVM compiles {@link Math#fma} to a hardware instruction. */
  public static final boolean HARDWARE_FMA = hardwareFma();

  private DotTiles() {
  }

  /**
   * out[o + a·w + b] += Σ_s p[(i0 + a)·len + s]·p[(j0 + b)·len + s] for a, b in 0..3.
   *
   * @param p the rows, row-major, len per row
   * @param len the row length
   * @param i0 the first of four rows
   * @param j0 the first of the four rows they are multiplied with
   * @param out the output
   * @param o the index in out of the block's first value
   * @param w the output's row stride
   * @param fused whether to accumulate with {@link Math#fma}
   */
  public static void add4x4(double[] p, int len, int i0, int j0, double[] out, int o, int w,
      boolean fused) {
    add4x4(p, len, len, i0, j0, out, o, w, fused);
  }

  /**
   * As {@link #add4x4(double[], int, int, int, double[], int, int, boolean)} over the first
   * {@code count} values of rows {@code stride} apart: out[o + a·w + b] += Σ_{s &lt; count}
   * p[(i0 + a)·stride + s]·p[(j0 + b)·stride + s]. The blocked Cholesky factorisation takes
   * its dot products over the leading columns of its rows this way.
   *
   * @param p the rows, row-major
   * @param stride the distance between rows
   * @param count how many leading values of each row enter the products, ≤ stride
   * @param i0 the first of four rows
   * @param j0 the first of the four rows they are multiplied with
   * @param out the output
   * @param o the index in out of the block's first value
   * @param w the output's row stride
   * @param fused whether to accumulate with {@link Math#fma}
   */
  public static void add4x4(double[] p, int stride, int count, int i0, int j0, double[] out,
      int o, int w, boolean fused) {
    if (fused) {
      addFused(p, stride, count, i0, j0, out, o, w);
    } else {
      addPlain(p, stride, count, i0, j0, out, o, w);
    }
  }

  /**
   * Sixteen dot products at once; the JIT keeps the accumulators in registers and compiles
   * {@link Math#fma} to one instruction, about 1.8 times faster than multiply-then-add.
   */
  private static void addFused(double[] p, int len, int count, int i0, int j0, double[] out,
      int o, int w) {
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
    for (int s = 0; s < count; s++) {
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
    int g0 = o;
    int g1 = g0 + w;
    int g2 = g1 + w;
    int g3 = g2 + w;
    out[g0] += c00;
    out[g0 + 1] += c01;
    out[g0 + 2] += c02;
    out[g0 + 3] += c03;
    out[g1] += c10;
    out[g1 + 1] += c11;
    out[g1 + 2] += c12;
    out[g1 + 3] += c13;
    out[g2] += c20;
    out[g2 + 1] += c21;
    out[g2 + 2] += c22;
    out[g2 + 3] += c23;
    out[g3] += c30;
    out[g3 + 1] += c31;
    out[g3 + 2] += c32;
    out[g3 + 3] += c33;
  }

  /** Sixteen dot products at once with separate multiplies and adds (no FMA unit). */
  private static void addPlain(double[] p, int len, int count, int i0, int j0, double[] out,
      int o, int w) {
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
    for (int s = 0; s < count; s++) {
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
    int g0 = o;
    int g1 = g0 + w;
    int g2 = g1 + w;
    int g3 = g2 + w;
    out[g0] += c00;
    out[g0 + 1] += c01;
    out[g0 + 2] += c02;
    out[g0 + 3] += c03;
    out[g1] += c10;
    out[g1 + 1] += c11;
    out[g1 + 2] += c12;
    out[g1 + 3] += c13;
    out[g2] += c20;
    out[g2 + 1] += c21;
    out[g2 + 2] += c22;
    out[g2 + 3] += c23;
    out[g3] += c30;
    out[g3 + 1] += c31;
    out[g3 + 2] += c32;
    out[g3 + 3] += c33;
  }

  private static boolean hardwareFma() {
    try {
      return Boolean.parseBoolean(java.lang.management.ManagementFactory
          .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .getVMOption("UseFMA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot, or the option is unknown: do not risk emulated FMA
    }
  }}
