package org.logme.numerics.stats;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Column means, centring, standardising and covariance matrices of a data matrix whose rows are
 * samples, with the divisor stated explicitly: {@code ddof = 1} gives numpy's {@code cov}
 * (N − 1), {@code ddof = 0} the population covariance (N).
 *
 * @since 0.1
 */
public final class Covariance {
  private Covariance() {
  }

  /**
   * @param x an N×D matrix
   * @return the D column means
   */
  public static double[] columnMeans(Matrix x) {
    int n = x.rows();
    int d = x.cols();
    double[] data = x.data();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += data[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    return mean;
  }

  /**
   * @param x an N×D matrix
   * @return a new matrix X − 1μᵀ with centred columns
   */
  public static Matrix centred(Matrix x) {
    return minusRow(x, columnMeans(x));
  }

  /**
   * @param x an N×D matrix
   * @param row a vector of length D
   * @return a new matrix whose row i is xᵢ − row
   */
  public static Matrix minusRow(Matrix x, double[] row) {
    int d = x.cols();
    if (row.length != d) {
      throw new IllegalArgumentException("a row of " + row.length + " values for " + x);
    }
    double[] in = x.data();
    double[] out = new double[in.length];
    for (int r = 0, at = 0; r < x.rows(); r++, at += d) {
      for (int j = 0; j < d; j++) {
        out[at + j] = in[at + j] - row[j];
      }
    }
    return Matrix.wrap(x.rows(), d, out);
  }

  /**
   * Standardises each column with its mean and population standard deviation, as
   * scikit-learn's {@code StandardScaler} (version 1.2) does: a column whose variance is within
   * rounding of zero keeps scale 1, so it stays (nearly) 0. "Within rounding" is scikit-learn's
   * {@code _is_constant_feature} bound for the two-pass variance, var ≤ N·ε·var + (N·|mean|·ε)²;
   * without it a constant column shifted by an offset, whose computed mean is off by an ulp,
   * would be blown up to ±1.
   *
   * @param x an N×D matrix
   * @return a new standardised matrix
   */
  public static Matrix standardized(Matrix x) {
    int n = x.rows();
    int d = x.cols();
    double[] mean = columnMeans(x);
    Matrix centred = minusRow(x, mean);
    double[] c = centred.data();
    double[] scale = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        scale[j] += c[i * d + j] * c[i * d + j];
      }
    }
    double eps = Math.ulp(1.0);
    for (int j = 0; j < d; j++) {
      double variance = scale[j] / n;
      double bound = n * eps * variance + Math.pow(n * Math.abs(mean[j]) * eps, 2);
      double sd = Math.sqrt(variance);
      scale[j] = variance <= bound || sd == 0 ? 1.0 : sd;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= scale[i % d];
    }
    return centred;
  }

  /**
   * The covariance matrix X̄ᵀX̄ / (N − ddof) of the columns, X̄ the centred X.
   *
   * @param x an N×D matrix
   * @param ddof 0 (population, divisor N) or 1 (sample, divisor N − 1)
   * @param backend the linear algebra
   * @return the D×D covariance, exactly symmetric
   * @throws IllegalArgumentException if N − ddof ≤ 0
   */
  public static Matrix of(Matrix x, int ddof, LinearAlgebraBackend backend) {
    int divisor = x.rows() - ddof;
    if (divisor <= 0 || ddof < 0) {
      throw new IllegalArgumentException("a covariance with ddof=" + ddof + " needs more than "
          + ddof + " rows, got " + x.rows());
    }
    Matrix g = backend.gram(centred(x));
    double[] data = g.data();
    for (int i = 0; i < data.length; i++) {
      data[i] /= divisor;
    }
    return g;
  }
}
