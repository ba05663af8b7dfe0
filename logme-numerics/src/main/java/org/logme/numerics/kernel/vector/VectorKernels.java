package org.logme.numerics.kernel.vector;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.logme.numerics.kernel.Kernels;

/**
 * The kernels on the JDK's Vector API ({@code jdk.incubator.vector}), in the widest vectors the
 * processor has ({@link DoubleVector#SPECIES_PREFERRED}). Loaded by name, and only when the
 * module is in the boot layer, by {@link Kernels#vector()}; nothing else refers to this class.
 *
 * <p>The Gram matrix PᵀP is computed as GotoBLAS does a matrix product: the rows of P are taken
 * {@value #KC} at a time and packed into panels of {@code NR} = 3 vectors of columns, contiguous
 * per row; each {@value #MR}×{@code NR} block of the output is a sum of outer products, a
 * broadcast element of one panel times the vectors of another, held in 12 vector registers
 * ({@link DoubleVector#fma}). Row panels of the output are the units of parallel work, taken
 * largest first.
 */
public final class VectorKernels implements Kernels {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Output columns per panel: three vectors. */
  private static final int NR = 3 * L;
  /** Output rows per register block. */
  private static final int MR = 4;
  /** Rows of P packed at a time. */
  static final int KC = 256;

  /**
   * The kernels; called reflectively by {@link Kernels#vector()}.
   *
   * @throws IllegalStateException if the preferred vectors hold fewer than four doubles (128-bit
   *     vectors, as on NEON or x86 without AVX): the {@value #MR}-row register blocks tile a
   *     panel of {@code NR} = 3·L rows only when L is a multiple of 4, and the scalar kernels
   *     are used instead
   */
  public VectorKernels() {
    if (L < MR || NR % MR != 0) {
      throw new IllegalStateException(S.vectorBitSize() + "-bit vectors hold " + L
          + " doubles; the Gram kernel's register blocks need a multiple of " + MR);
    }
  }

  @Override
  public String description() {
    return "Vector API, " + S.vectorBitSize() + "-bit vectors of " + L + " doubles";
  }

  @Override
  public String toString() {
    return description();
  }

  @Override
  public void columnSums(double[] x, int offset, int rows, int cols, double[] high,
      double[] low, double[] min, double[] max) {
    int bound = S.loopBound(cols);
    for (int i = 0; i < rows; i++) {
      int row = offset + i * cols;
      int j = 0;
      for (; j < bound; j += L) {
        DoubleVector v = DoubleVector.fromArray(S, x, row + j);
        DoubleVector s = DoubleVector.fromArray(S, high, j);
        DoubleVector t = s.add(v);
        DoubleVector z = t.sub(s);
        DoubleVector e = s.sub(t.sub(z)).add(v.sub(z));
        DoubleVector.fromArray(S, low, j).add(e).intoArray(low, j);
        t.intoArray(high, j);
        DoubleVector.fromArray(S, min, j).min(v).intoArray(min, j);
        DoubleVector.fromArray(S, max, j).max(v).intoArray(max, j);
      }
      for (; j < cols; j++) {
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
    DoubleVector norm = DoubleVector.zero(S);
    int k = from;
    for (; k + L <= to; k += L) {
      DoubleVector u = DoubleVector.fromArray(S, x, offset + k)
          .sub(DoubleVector.fromArray(S, high, k)).sub(DoubleVector.fromArray(S, low, k));
      u.intoArray(x, offset + k);
      DoubleVector v = u.add(DoubleVector.fromArray(S, shift, k));
      norm = v.fma(v, norm);
    }
    double sum = norm.reduceLanes(VectorOperators.ADD);
    for (; k < to; k++) {
      double u = (x[offset + k] - high[k]) - low[k];
      x[offset + k] = u;
      double v = u + shift[k];
      sum += v * v;
    }
    return sum;
  }

  @Override
  public double rankTwoRowDot(double[] a, int offset, double vi, double[] w, double wi,
      double[] v, int from, double[] next, int nextFrom, int count) {
    DoubleVector sum = DoubleVector.zero(S);
    DoubleVector bv = DoubleVector.broadcast(S, vi);
    DoubleVector bw = DoubleVector.broadcast(S, wi);
    int k = 0;
    for (; k + L <= count; k += L) {
      DoubleVector t = DoubleVector.fromArray(S, v, from + k).fma(bw,
          DoubleVector.fromArray(S, w, from + k).mul(bv));
      DoubleVector u = DoubleVector.fromArray(S, a, offset + k).sub(t);
      u.intoArray(a, offset + k);
      sum = u.fma(DoubleVector.fromArray(S, next, nextFrom + k), sum);
    }
    double total = sum.reduceLanes(VectorOperators.ADD);
    for (; k < count; k++) {
      double updated = a[offset + k] - (vi * w[from + k] + wi * v[from + k]);
      a[offset + k] = updated;
      total += updated * next[nextFrom + k];
    }
    return total;
  }

  @Override
  public void axpy(double a, double[] x, int xOffset, double[] y, int yOffset, int count) {
    DoubleVector va = DoubleVector.broadcast(S, a);
    int k = 0;
    for (; k + L <= count; k += L) {
      DoubleVector.fromArray(S, x, xOffset + k)
          .fma(va, DoubleVector.fromArray(S, y, yOffset + k)).intoArray(y, yOffset + k);
    }
    for (; k < count; k++) {
      y[yOffset + k] += a * x[xOffset + k];
    }
  }

  @Override
  public void addGram(double[] x, int m, int r, boolean transposed, double[] acc,
      ForkJoinPool pool) {
    if (m == 0 || r == 0) {
      return;
    }
    int panels = (r + NR - 1) / NR;
    int depth = Math.min(KC, m);
    double[] packed = new double[panels * depth * NR];
    for (int s0 = 0; s0 < m; s0 += KC) {
      int kc = Math.min(KC, m - s0);
      int first = s0;
      run(pool, panels, p -> pack(x, m, r, transposed, first, kc, p, packed, depth));
      AtomicInteger next = new AtomicInteger();
      run(pool, panels, ignored -> {
        // the row panel with the most output (the first) is taken first
        for (int p = next.getAndIncrement(); p < panels; p = next.getAndIncrement()) {
          rowPanel(packed, depth, kc, r, panels, p, acc);
        }
      });
    }
  }

  /**
   * Packs panel p: columns p·NR.. of rows first..first+kc of P, row by row, NR values per row,
   * zero beyond column r.
   */
  private static void pack(double[] x, int m, int r, boolean transposed, int first, int kc,
      int p, double[] packed, int depth) {
    int base = p * depth * NR;
    int c0 = p * NR;
    int width = Math.min(NR, r - c0);
    for (int s = 0; s < kc; s++) {
      int to = base + s * NR;
      if (transposed) {
        // P[first + s][c0 + t] = x[(c0 + t)·m + first + s]
        for (int t = 0; t < width; t++) {
          packed[to + t] = x[(c0 + t) * m + first + s];
        }
      } else {
        System.arraycopy(x, (first + s) * r + c0, packed, to, width);
      }
      for (int t = width; t < NR; t++) {
        packed[to + t] = 0;
      }
    }
  }

  /** The output rows of panel p against panels p.. (its upper part, diagonal block whole). */
  private static void rowPanel(double[] packed, int depth, int kc, int r, int panels, int p,
      double[] acc) {
    double[] tile = null;
    for (int q = p; q < panels; q++) {
      for (int strip = 0; strip < NR; strip += MR) {
        int row0 = p * NR + strip;
        if (row0 >= r) {
          break;
        }
        tile = block(packed, depth, kc, r, p, strip, q, acc, tile);
      }
    }
  }

  /**
   * One MR×NR block of the output: rows p·NR + strip.., columns q·NR.., summed over kc rows of
   * P and added to acc. Returns the scratch tile used at the edges.
   */
  private static double[] block(double[] packed, int depth, int kc, int r, int p, int strip,
      int q, double[] acc, double[] tile) {
    int aBase = p * depth * NR + strip;
    int bBase = q * depth * NR;
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c02 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c12 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c22 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    DoubleVector c32 = c00;
    for (int s = 0; s < kc; s++) {
      int bo = bBase + s * NR;
      DoubleVector b0 = DoubleVector.fromArray(S, packed, bo);
      DoubleVector b1 = DoubleVector.fromArray(S, packed, bo + L);
      DoubleVector b2 = DoubleVector.fromArray(S, packed, bo + 2 * L);
      int ao = aBase + s * NR;
      DoubleVector a = DoubleVector.broadcast(S, packed[ao]);
      c00 = a.fma(b0, c00);
      c01 = a.fma(b1, c01);
      c02 = a.fma(b2, c02);
      a = DoubleVector.broadcast(S, packed[ao + 1]);
      c10 = a.fma(b0, c10);
      c11 = a.fma(b1, c11);
      c12 = a.fma(b2, c12);
      a = DoubleVector.broadcast(S, packed[ao + 2]);
      c20 = a.fma(b0, c20);
      c21 = a.fma(b1, c21);
      c22 = a.fma(b2, c22);
      a = DoubleVector.broadcast(S, packed[ao + 3]);
      c30 = a.fma(b0, c30);
      c31 = a.fma(b1, c31);
      c32 = a.fma(b2, c32);
    }
    int row0 = p * NR + strip;
    int col0 = q * NR;
    if (row0 + MR <= r && col0 + NR <= r) {
      addRow(acc, row0 * r + col0, c00, c01, c02);
      addRow(acc, (row0 + 1) * r + col0, c10, c11, c12);
      addRow(acc, (row0 + 2) * r + col0, c20, c21, c22);
      addRow(acc, (row0 + 3) * r + col0, c30, c31, c32);
      return tile;
    }
    // at the edge of the matrix: through a scratch tile, only what lies inside
    double[] t = tile != null ? tile : new double[MR * NR];
    c00.intoArray(t, 0);
    c01.intoArray(t, L);
    c02.intoArray(t, 2 * L);
    c10.intoArray(t, NR);
    c11.intoArray(t, NR + L);
    c12.intoArray(t, NR + 2 * L);
    c20.intoArray(t, 2 * NR);
    c21.intoArray(t, 2 * NR + L);
    c22.intoArray(t, 2 * NR + 2 * L);
    c30.intoArray(t, 3 * NR);
    c31.intoArray(t, 3 * NR + L);
    c32.intoArray(t, 3 * NR + 2 * L);
    for (int i = 0; i < MR && row0 + i < r; i++) {
      for (int j = 0; j < NR && col0 + j < r; j++) {
        acc[(row0 + i) * r + col0 + j] += t[i * NR + j];
      }
    }
    return t;
  }

  private static void addRow(double[] acc, int at, DoubleVector v0, DoubleVector v1,
      DoubleVector v2) {
    DoubleVector.fromArray(S, acc, at).add(v0).intoArray(acc, at);
    DoubleVector.fromArray(S, acc, at + L).add(v1).intoArray(acc, at + L);
    DoubleVector.fromArray(S, acc, at + 2 * L).add(v2).intoArray(acc, at + 2 * L);
  }

  /** Runs body(i) for i in [0, count) on the pool, or on this thread without one. */
  private static void run(ForkJoinPool pool, int count, java.util.function.IntConsumer body) {
    if (pool == null || count < 2) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).join();
  }
}
