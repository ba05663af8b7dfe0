package org.logme.numerics.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.logme.api.NumericalException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;

/**
 * Helpers for implementing {@link LinearAlgebraBackend}: argument checks and the
 * post-processing every backend needs (symmetrising, sorting eigenpairs). Kept here so each
 * backend states only what differs.
 *
 * @since 0.1
 */
public final class Matrices {
  /** The side of the squares that transposing copies work in (32 KB of doubles). */
  private static final int TILE = 64;

  private Matrices() {
  }

  /**
   * @param a left factor
   * @param b right factor
   * @throws IllegalArgumentException unless a.cols == b.rows
   */
  public static void checkMultiply(Matrix a, Matrix b) {
    if (a.cols() != b.rows()) {
      throw new IllegalArgumentException("cannot multiply " + a + " by " + b);
    }
  }

  /**
   * @param a left factor, used transposed
   * @param b right factor
   * @throws IllegalArgumentException unless a.rows == b.rows
   */
  public static void checkMultiplyTransposeA(Matrix a, Matrix b) {
    if (a.rows() != b.rows()) {
      throw new IllegalArgumentException("cannot multiply the transpose of " + a + " by " + b);
    }
  }

  /**
   * @param a a matrix
   * @throws IllegalArgumentException unless a is square
   */
  public static void checkSquare(Matrix a) {
    if (a.rows() != a.cols()) {
      throw new IllegalArgumentException("expected a square matrix, got " + a);
    }
  }

  /**
   * @param s a square matrix
   * @return (S + Sᵀ)/2, a new, exactly symmetric matrix
   */
  public static Matrix symmetrized(Matrix s) {
    checkSquare(s);
    int n = s.rows();
    double[] in = s.data();
    double[] out = new double[n * n];
    // in tiles, so that the transposed reads and writes stay in cache
    for (int i0 = 0; i0 < n; i0 += TILE) {
      for (int j0 = i0; j0 < n; j0 += TILE) {
        int iEnd = Math.min(n, i0 + TILE);
        int jEnd = Math.min(n, j0 + TILE);
        for (int i = i0; i < iEnd; i++) {
          for (int j = Math.max(j0, i); j < jEnd; j++) {
            double v = i == j ? in[i * n + i] : 0.5 * (in[i * n + j] + in[j * n + i]);
            out[i * n + j] = v;
            out[j * n + i] = v;
          }
        }
      }
    }
    return Matrix.wrap(n, n, out);
  }

  /**
   * Copies the upper triangle of a square matrix onto its lower triangle, in place.
   *
   * @param s a square matrix whose upper triangle holds the values
   * @return s
   */
  public static Matrix mirrorUpper(Matrix s) {
    checkSquare(s);
    int n = s.rows();
    double[] d = s.data();
    for (int i0 = 0; i0 < n; i0 += TILE) {
      for (int j0 = i0; j0 < n; j0 += TILE) {
        int iEnd = Math.min(n, i0 + TILE);
        int jEnd = Math.min(n, j0 + TILE);
        for (int i = i0; i < iEnd; i++) {
          for (int j = Math.max(j0, i + 1); j < jEnd; j++) {
            d[j * n + i] = d[i * n + j];
          }
        }
      }
    }
    return s;
  }

  /**
   * Sorts eigenpairs by descending eigenvalue.
   *
   * @param values unsorted eigenvalues
   * @param vectors eigenvectors in columns, column i for values[i]
   * @param warnings warnings to carry
   * @return the sorted decomposition (new arrays)
   */
  public static SymmetricEigen sortedDescending(double[] values, Matrix vectors,
      List<String> warnings) {
    int n = values.length;
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> values[i]).reversed());
    double[] sorted = new double[n];
    Matrix v = Matrix.zeros(vectors.rows(), n);
    for (int k = 0; k < n; k++) {
      sorted[k] = values[order[k]];
      for (int r = 0; r < vectors.rows(); r++) {
        v.set(r, k, vectors.get(r, order[k]));
      }
    }
    return new SymmetricEigen(sorted, v, warnings);
  }

  /**
   * Declares a square system singular when the pivots of its LU factorisation span more than
   * working precision: min |u_ii| ≤ n·2⁻⁵²·max |u_ii|.
   *
   * @param pivots the diagonal of U
   * @throws NumericalException if the system is singular to working precision
   */
  public static void requireNonSingular(double[] pivots) {
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double p : pivots) {
      max = Math.max(max, Math.abs(p));
      min = Math.min(min, Math.abs(p));
    }
    if (!(min > pivots.length * Math.ulp(1.0) * max)) {
      throw new NumericalException("cannot solve a linear system: its " + pivots.length + "x"
          + pivots.length + " matrix is singular to working precision (smallest/largest LU pivot = "
          + (max == 0 ? 0 : min / max) + ")");
    }
  }
}
