package org.logme.api.linalg;

import java.util.Random;

/**
 * Test helpers shared through the test-jar: seeded random matrices and plain triple-loop
 * reference arithmetic to compare backends against.
 */
public final class TestMatrices {
  private TestMatrices() {
  }

  /** @return an m×n matrix of standard normal values drawn from {@code new Random(seed)} */
  public static Matrix gaussian(int m, int n, long seed) {
    Random random = new Random(seed);
    double[] d = new double[m * n];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextGaussian();
    }
    return Matrix.wrap(m, n, d);
  }

  /** @return AB by the definition */
  public static Matrix naiveMultiply(Matrix a, Matrix b) {
    Matrix c = Matrix.zeros(a.rows(), b.cols());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.cols(); j++) {
        double s = 0;
        for (int k = 0; k < a.cols(); k++) {
          s += a.get(i, k) * b.get(k, j);
        }
        c.set(i, j, s);
      }
    }
    return c;
  }

  /** @return the largest absolute element-wise difference */
  public static double maxAbsDiff(Matrix a, Matrix b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
      throw new AssertionError("shapes differ: " + a + " vs " + b);
    }
    double max = 0;
    for (int i = 0; i < a.data().length; i++) {
      max = Math.max(max, Math.abs(a.data()[i] - b.data()[i]));
    }
    return max;
  }

  /** @return the largest absolute element */
  public static double maxAbs(Matrix a) {
    double max = 0;
    for (double v : a.data()) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  /** @return U diag(s) Vᵀ */
  public static Matrix recompose(Matrix u, double[] s, Matrix v) {
    Matrix us = u.copy();
    for (int i = 0; i < us.rows(); i++) {
      for (int j = 0; j < us.cols(); j++) {
        us.set(i, j, us.get(i, j) * s[j]);
      }
    }
    return naiveMultiply(us, v.transpose());
  }

  /** @return ‖QᵀQ − I‖_max for a matrix with (supposedly) orthonormal columns */
  public static double orthonormalityError(Matrix q) {
    return maxAbsDiff(naiveMultiply(q.transpose(), q), Matrix.identity(q.cols()));
  }

  /** @return a matrix with the given columns repeated so that its rank is {@code rank} */
  public static Matrix rankDeficient(int m, int n, int rank, long seed) {
    Matrix basis = gaussian(m, rank, seed);
    Matrix mix = gaussian(rank, n, seed + 1);
    return naiveMultiply(basis, mix);
  }

  /** @return the n×n Hilbert matrix, condition number about 1e13 for n = 10 */
  public static Matrix hilbert(int n) {
    Matrix h = Matrix.zeros(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h.set(i, j, 1.0 / (i + j + 1));
      }
    }
    return h;
  }

  /** @return (A + Aᵀ)/2 of a square matrix, a new matrix */
  public static Matrix symmetrized(Matrix a) {
    int n = a.rows();
    Matrix s = Matrix.zeros(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        s.set(i, j, (a.get(i, j) + a.get(j, i)) / 2);
      }
    }
    return s;
  }

  /** Copies the upper triangle of a square matrix onto its lower one, in place. */
  public static void mirrorUpper(Matrix s) {
    for (int i = 0; i < s.rows(); i++) {
      for (int j = i + 1; j < s.cols(); j++) {
        s.set(j, i, s.get(i, j));
      }
    }
  }
}
