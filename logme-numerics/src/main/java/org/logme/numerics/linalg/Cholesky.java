package org.logme.numerics.linalg;

import org.logme.api.NumericalException;
import org.logme.api.linalg.Matrix;

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
   * The Cholesky factor by the column-oriented (Cholesky–Crout) recurrence; the upper triangle
   * of S is ignored.
   *
   * @param s a symmetric positive-definite n×n matrix
   * @return the lower-triangular L with S = LLᵀ and a positive diagonal (new matrix, zeros
   *     above the diagonal)
   * @throws NumericalException if S is not positive definite to working precision
   * @throws IllegalArgumentException if s is not square
   */
  public static Matrix factor(Matrix s) {
    Matrices.checkSquare(s);
    int n = s.rows();
    double[] a = s.data();
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      if (!(d > 0)) {
        throw new NumericalException("Cholesky factorisation failed: the " + n + "x" + n
            + " matrix is not positive definite (pivot " + j + " is " + d + ")");
      }
      double ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      int i = j + 1;
      // four rows at a time: four independent running sums (each in the order of the
      // one-row loop below, so the same bits) hide the latency of the additions
      for (; i + 3 < n; i += 4) {
        int r0 = i * n;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        double x0 = a[r0 + j];
        double x1 = a[r1 + j];
        double x2 = a[r2 + j];
        double x3 = a[r3 + j];
        for (int k = 0; k < j; k++) {
          double t = l[j * n + k];
          x0 -= l[r0 + k] * t;
          x1 -= l[r1 + k] * t;
          x2 -= l[r2 + k] * t;
          x3 -= l[r3 + k] * t;
        }
        l[r0 + j] = x0 / ljj;
        l[r1 + j] = x1 / ljj;
        l[r2 + j] = x2 / ljj;
        l[r3 + j] = x3 / ljj;
      }
      for (; i < n; i++) {
        double x = a[i * n + j];
        for (int k = 0; k < j; k++) {
          x -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = x / ljj;
      }
    }
    return Matrix.wrap(n, n, l);
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
