package org.logme.numerics.linalg;

import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;

/**
 * The cyclic Jacobi eigenvalue method for symmetric matrices (Golub &amp; Van Loan, Matrix
 * Computations, 4th ed., §8.5): slow, O(n³) per sweep, but it converges for every symmetric
 * matrix and is accurate to working precision. Backends use it as the last resort when their own
 * eigensolver fails, so that {@link LinearAlgebraBackend#symmetricEigen} never fails on valid
 * input.
 *
 * @since 0.1
 */
public final class JacobiEigen {
  private static final int MAX_SWEEPS = 100;

  private JacobiEigen() {
  }

  /**
   * @param s a symmetric matrix (its upper triangle is read)
   * @param warnings warnings to attach to the result
   * @return the eigendecomposition, eigenvalues descending
   */
  public static SymmetricEigen decompose(Matrix s, List<String> warnings) {
    Matrices.checkSquare(s);
    int n = s.rows();
    double[] a = Matrices.symmetrized(s).data();
    double[] v = Matrix.identity(n).data();
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      double total = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double x = a[i * n + j] * a[i * n + j];
          total += x;
          if (i != j) {
            off += x;
          }
        }
      }
      if (off <= 1e-32 * total || off == 0) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(a, v, n, p, q);
        }
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = a[i * n + i];
    }
    return Matrices.sortedDescending(values, Matrix.wrap(n, n, v), warnings);
  }

  /** Annihilates a[p][q] with one rotation applied on both sides, accumulating it in v. */
  private static void rotate(double[] a, double[] v, int n, int p, int q) {
    double apq = a[p * n + q];
    if (apq == 0) {
      return;
    }
    double app = a[p * n + p];
    double aqq = a[q * n + q];
    double theta = (aqq - app) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double akp = a[k * n + p];
      double akq = a[k * n + q];
      a[k * n + p] = c * akp - s * akq;
      a[k * n + q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p * n + k];
      double aqk = a[q * n + k];
      a[p * n + k] = c * apk - s * aqk;
      a[q * n + k] = s * apk + c * aqk;
    }
    a[p * n + q] = 0;
    a[q * n + p] = 0;
    for (int k = 0; k < n; k++) {
      double vkp = v[k * n + p];
      double vkq = v[k * n + q];
      v[k * n + p] = c * vkp - s * vkq;
      v[k * n + q] = s * vkp + c * vkq;
    }
  }
}
