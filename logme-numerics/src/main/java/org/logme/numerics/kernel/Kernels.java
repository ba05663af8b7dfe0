package org.logme.numerics.kernel;

import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The hot loops of streamed statistics and of the Gram matrix, on plain arrays. Two
 * implementations give the same results to rounding (they may sum in a different order):
 * {@link ScalarKernels}, and one on the JDK's Vector API, available when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}. {@link #best()} picks the second when it can,
 * unless the system property {@value #PROPERTY} is {@code scalar}.
 *
 * <p>Index conventions: matrices are row-major arrays; ranges are half-open.
 *
 * @since 0.1
 */
public interface Kernels {
  /** The system property that forces the scalar kernels: {@code -Dlogme.kernels=scalar}. */
  String PROPERTY = "logme.kernels";

  /**
   * Below this many multiply-adds a computation runs on the scalar kernels
   * ({@link #forWork}): in a fresh JVM the Vector API's code runs slowly, and allocates, until
   * the JIT has compiled it, which costs more than such a computation saves (measured for the
   * Gram matrix of 5000×512 rows: a cold first call 0.78 s against the scalar 0.37 s, warm
   * 0.13 s against 0.23 s).
   */
  long VECTOR_WORK = 1L << 30;

  /** @return the kernels in use: the Vector API's when available, else scalar */
  static Kernels best() {
    return KernelChoice.BEST;
  }

  /**
   * The kernels for a computation of a given size: {@link #scalar()} below
   * {@value #VECTOR_WORK} multiply-adds, {@link #best()} from there on.
   *
   * <p>Example: the kernels for streaming N rows of D features, whose Gram matrix is
   * N·D²/2 multiply-adds: {@code Kernels.forWork((long) n * d * d / 2)}.
   *
   * @param multiplyAdds the computation's multiply-adds
   * @return the kernels to run it on
   */
  static Kernels forWork(long multiplyAdds) {
    return multiplyAdds < VECTOR_WORK ? scalar() : best();
  }

  /** @return the scalar kernels, always available */
  static Kernels scalar() {
    return ScalarKernels.INSTANCE;
  }

  /**
   * @return the Vector API kernels, if the module {@code jdk.incubator.vector} is in the boot
   *     layer and they load
   */
  static Optional<Kernels> vector() {
    return KernelChoice.vector();
  }

  /** @return what these kernels are, e.g. {@code Vector API, 512-bit vectors of 8 doubles} */
  String description();

  /**
   * Accumulates column statistics of rows: for every column j and row i of
   * {@code x[offset + i·cols + j]}, i &lt; rows, the compensated sum high[j] + low[j] (Knuth's
   * TwoSum, the error of each addition kept in low), and the minimum and maximum.
   *
   * @param x the rows, row-major
   * @param offset the index of the first row's first value
   * @param rows how many rows
   * @param cols the length of a row
   * @param high the sums, updated
   * @param low the sums' low parts, updated
   * @param min the minima, updated (NaN, -0.0 need not be ordered as {@link Math#min} does)
   * @param max the maxima, updated
   */
  void columnSums(double[] x, int offset, int rows, int cols, double[] high, double[] low,
      double[] min, double[] max);

  /**
   * Centres part of a row in place and returns the squared norm of the shifted deviations:
   * for k in [from, to), u = (x[offset + k] − high[k]) − low[k] is stored back and
   * Σ (u + shift[k])² returned.
   *
   * @param x the row's array
   * @param offset the index in x of the row's column 0
   * @param high the means' high parts
   * @param low the means' low parts
   * @param shift added to each deviation for the norm
   * @param from the first column
   * @param to the end column
   * @return Σ (u + shift)² over the columns
   */
  double centre(double[] x, int offset, double[] high, double[] low, double[] shift, int from,
      int to);

  /**
   * y[yOffset + k] += a·x[xOffset + k] for k &lt; count.
   *
   * @param a the factor
   * @param x the vector added
   * @param xOffset its first index
   * @param y the vector updated
   * @param yOffset its first index
   * @param count how many elements
   */
  void axpy(double a, double[] x, int xOffset, double[] y, int yOffset, int count);

  /**
   * One row of a symmetric rank-two update fused with the next matrix-vector product, the step
   * of a Householder tridiagonalisation: for k &lt; count,
   * u = a[offset + k] − (vi·w[from + k] + wi·v[from + k]) is stored back and
   * Σ u·next[nextFrom + k] returned.
   *
   * @param a the matrix's array, updated
   * @param offset the index in a of the row part's first value
   * @param vi the row's entry of v
   * @param w the vector w of A ← A − vwᵀ − wvᵀ
   * @param wi the row's entry of w
   * @param v the vector v
   * @param from the index in v and w of the first column
   * @param next the vector of the next product
   * @param nextFrom the index in next of the first column
   * @param count how many columns
   * @return Σ u·next over the columns
   */
  double rankTwoRowDot(double[] a, int offset, double vi, double[] w, double wi, double[] v,
      int from, double[] next, int nextFrom, int count);

  /**
   * Adds a Gram matrix to (at least) the upper triangle of an r×r accumulator:
   * acc[i][j] += Σ_s p[s][i]·p[s][j] for i ≤ j. The strictly lower triangle may be changed too
   * (it is left unspecified). P is m×r; x holds it row-major, or, if {@code transposed}, holds
   * Pᵀ row-major (r rows of length m), so that acc += x·xᵀ.
   *
   * @param x the values of P or Pᵀ
   * @param m the rows of P (the length of each sum)
   * @param r the columns of P (the size of the result)
   * @param transposed whether x holds Pᵀ
   * @param acc the r×r accumulator, row-major
   * @param pool the threads to use, or null for the calling thread only
   */
  void addGram(double[] x, int m, int r, boolean transposed, double[] acc, ForkJoinPool pool);
}
