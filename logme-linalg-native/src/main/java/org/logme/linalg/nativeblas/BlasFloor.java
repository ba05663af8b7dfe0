package org.logme.linalg.nativeblas;

import dev.ludovic.netlib.blas.BLAS;
import org.logme.api.InvalidInputException;

/**
 * The practical floor of streamed LogME on the {@code native} backend, for {@code logme bench}:
 * the arithmetic alone, through the same BLAS and LAPACK the backend calls. It times
 * {@code dsyrk} on the whole N×D float64 matrix already in memory (one call: FᵀF, one triangle,
 * N·D²/2 multiply-adds) and {@code dsyevd} on the D×D result (eigenvalues and eigenvectors), and
 * nothing else: no reading, no widening, no centring, no JVM start.
 *
 * @since 0.1
 */
public final class BlasFloor {
  private BlasFloor() {
  }

  /**
   * The floor's two parts, the fastest of the repetitions each.
   *
   * @param gramSeconds {@code dsyrk} on the N×D matrix
   * @param eigenSeconds {@code dsyevd} on the D×D result
   * @param library which BLAS and LAPACK ran them ({@link NativeBackendProvider#description()})
   * @param nativeCode whether both were native code (false: netlib's pure-Java fallback)
   */
  public record Timing(double gramSeconds, double eigenSeconds, String library,
      boolean nativeCode) {
    /** @return the floor: the Gram matrix and its eigendecomposition */
    public double seconds() {
      return gramSeconds + eigenSeconds;
    }
  }

  /**
   * Times the floor on a matrix in memory.
   *
   * @param rows the N×D matrix, row-major (not modified)
   * @param n N
   * @param d D
   * @param repeat how many times to time each part (≥ 1); the fastest is kept
   * @return the timings
   * @throws InvalidInputException if the shape does not match the array or the
   *     eigendecomposition fails
   */
  public static Timing measure(double[] rows, int n, int d, int repeat) {
    if (n < 1 || d < 1 || (long) n * d != rows.length || repeat < 1) {
      throw new InvalidInputException("cannot time the BLAS floor of a " + n + "x" + d
          + " matrix from " + rows.length + " values, " + repeat + " times");
    }
    BLAS blas = NetlibRuntime.BLAS_INSTANCE;
    Lapack lapack = Lapack.on(NetlibRuntime.LAPACK_INSTANCE);
    double[] gram = new double[d * d];
    double bestGram = Double.POSITIVE_INFINITY;
    for (int r = 0; r < repeat; r++) {
      // the row-major N×D array is the column-major D×N matrix Fᵀ, and FᵀF = (Fᵀ)(Fᵀ)ᵀ
      long start = System.nanoTime();
      BigStack.run(() -> blas.dsyrk("L", "N", d, n, 1.0, rows, d, 0.0, gram, d));
      bestGram = Math.min(bestGram, (System.nanoTime() - start) / 1e9);
    }
    double bestEigen = Double.POSITIVE_INFINITY;
    double[] values = new double[d];
    for (int r = 0; r < repeat; r++) {
      double[] a = gram.clone();
      long start = System.nanoTime();
      int info = lapack.dsyevd(d, a, values);
      bestEigen = Math.min(bestEigen, (System.nanoTime() - start) / 1e9);
      if (info != 0) {
        throw new InvalidInputException("dsyevd failed on the " + d + "x" + d + " Gram matrix"
            + " (info = " + info + ")");
      }
    }
    return new Timing(bestGram, bestEigen, NetlibRuntime.DESCRIPTION, NetlibRuntime.nativeCode());
  }
}
