package org.logme.numerics.linalg;

import java.util.Arrays;
import org.logme.api.NumericalException;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.kernel.DotTiles;

/**
 * The Cholesky factorisation S = LLᵀ of a symmetric positive-definite matrix and forward
 * substitution with its factor, in plain Java, for backends whose library lacks them (or whose
 * version would change the reference figures). Cost: n³/3 multiply-adds for the factor,
 * n²·m/2 for a solve with m right-hand sides.
 *
 * <p>Example, whitening a block B with the covariance S: {@code Cholesky.solveLower(
 * Cholesky.factor(s), b)} gives L⁻¹B without forming an inverse.
 *
 * @since 0.1
 */
public final class Cholesky {
  private Cholesky() {
  }

  /**
   * The Cholesky factor, left-looking by blocks of four columns; the upper triangle of S is
   * ignored. Each entry is l_ij = (s_ij − Σ_{k&lt;j} l_ik·l_jk)/l_jj (and l_jj the square root
   * of the same difference): for the rows below a block of four columns, the part of the sum
   * over the columns before the block comes from sixteen dot products at once
   * ({@link DotTiles}, 4×4 tiles of rows of L, about four times as fast as one dot product at a
   * time), the few terms inside the block are subtracted after it.
   *
   * @param s a symmetric positive-definite n×n matrix
   * @return the lower-triangular L with S = LLᵀ and a positive diagonal (new matrix, zeros
   *     above the diagonal)
   * @throws NumericalException if S is not positive definite to working precision, or holds
   *     NaN or an infinity in its lower triangle
   * @throws IllegalArgumentException if s is not square
   */
  public static Matrix factor(Matrix s) {
    Matrices.checkSquare(s);
    int n = s.rows();
    double[] a = s.data();
    double[] l = new double[n * n];
    double[] tile = new double[16];
    for (int j0 = 0; j0 < n; j0 += 4) {
      int width = Math.min(4, n - j0);
      for (int j = j0; j < j0 + width; j++) {
        double d = a[j * n + j] - dot(l, j * n, j * n, j);
        // NaN, or an infinity in S, is refused here too: it reaches a diagonal entry
        if (!(d > 0 && d < Double.POSITIVE_INFINITY)) {
          throw notPositiveDefinite(n, j, d);
        }
        double ljj = Math.sqrt(d);
        l[j * n + j] = ljj;
        for (int i = j + 1; i < j0 + width; i++) {
          l[i * n + j] = (a[i * n + j] - dot(l, i * n, j * n, j)) / ljj;
        }
      }
      int i0 = j0 + width;
      // a block narrower than four is the last one: no rows below it
      for (; i0 + 3 < n; i0 += 4) {
        Arrays.fill(tile, 0);
        DotTiles.add4x4(l, n, j0, i0, j0, tile, 0, 4, DotTiles.HARDWARE_FMA);
        for (int r = 0; r < 4; r++) {
          int row = (i0 + r) * n;
          for (int c = 0; c < 4; c++) {
            int j = j0 + c;
            double x = a[row + j] - tile[r * 4 + c];
            for (int k = j0; k < j; k++) {
              x -= l[row + k] * l[j * n + k];
            }
            l[row + j] = x / l[j * n + j];
          }
        }
      }
      for (; i0 < n; i0++) {
        int row = i0 * n;
        for (int j = j0; j < j0 + width; j++) {
          l[row + j] = (a[row + j] - dot(l, row, j * n, j)) / l[j * n + j];
        }
      }
    }
    return Matrix.wrap(n, n, l);
  }

  /**
   * The refusal of a matrix that is not positive definite, worded alike by every backend.
   *
   * @param n the matrix's order
   * @param pivot the first pivot that failed
   * @param value its value: not positive, NaN or infinite
   * @return the exception to throw
   */
  public static NumericalException notPositiveDefinite(int n, int pivot, double value) {
    return new NumericalException("Cholesky factorisation failed: the " + n + "x" + n
        + " matrix is not positive definite (pivot " + pivot + " is " + value + ")");
  }

  /** Σ_{k &lt; count} l[x + k]·l[y + k]. */
  private static double dot(double[] l, int x, int y, int count) {
    double sum = 0;
    for (int k = 0; k < count; k++) {
      sum += l[x + k] * l[y + k];
    }
    return sum;
  }

  /**
   * Solves LX = B by forward substitution; entries of L above the diagonal are ignored.
   *
   * @param l an n×n lower-triangular matrix with a non-zero diagonal
   * @param b an n×m right-hand side
   * @return X, n×m (new matrix)
   * @throws IllegalArgumentException if the shapes do not fit
   * @throws NumericalException if a diagonal entry of L is zero
   */
  public static Matrix solveLower(Matrix l, Matrix b) {
    Matrices.checkSquare(l);
    Matrices.checkMultiply(l, b);
    int n = l.rows();
    int m = b.cols();
    double[] x = b.data().clone();
    double[] ld = l.data();
    for (int i = 0; i < n; i++) {
      int row = i * m;
      for (int k = 0; k < i; k++) {
        double f = ld[i * n + k];
        if (f != 0) {
          int other = k * m;
          for (int j = 0; j < m; j++) {
            x[row + j] -= f * x[other + j];
          }
        }
      }
      double pivot = ld[i * n + i];
      if (pivot == 0) {
        throw new NumericalException("cannot solve a triangular system: diagonal entry " + i
            + " of its " + n + "x" + n + " matrix is zero");
      }
      for (int j = 0; j < m; j++) {
        x[row + j] /= pivot;
      }
    }
    return Matrix.wrap(n, m, x);
  }
}
