package org.logme.numerics.stats;

import org.logme.api.linalg.Matrix;

/**
 * Per-class sample counts and means of a data matrix.
 *
 * @param counts n_c, the number of rows in each class
 * @param means the C×D matrix whose row c is the mean μ_c of the rows of class c
 * @since 0.1
 */
public record ClassMeans(int[] counts, Matrix means) {

  /**
   * @param x an N×D matrix
   * @param classes the class index 0..C−1 of each row
   * @param classCount C
   * @return the counts and means; the mean of an empty class is 0
   * @throws IllegalArgumentException if the lengths disagree or a class index is out of range
   */
  public static ClassMeans of(Matrix x, int[] classes, int classCount) {
    return of(x, classes, classCount, 0.0);
  }

  /**
   * Class means with a regularised divisor, Σ_{i∈c} xᵢ / (n_c + eps), as dbolya/parc's H-score
   * computes them.
   *
   * @param x an N×D matrix
   * @param classes the class index 0..C−1 of each row
   * @param classCount C
   * @param eps added to each count before dividing (0 for plain means)
   * @return the counts and means
   */
  public static ClassMeans of(Matrix x, int[] classes, int classCount, double eps) {
    int n = x.rows();
    int d = x.cols();
    if (classes.length != n) {
      throw new IllegalArgumentException(classes.length + " class indices for " + x);
    }
    int[] counts = new int[classCount];
    double[] sums = new double[classCount * d];
    double[] data = x.data();
    for (int i = 0; i < n; i++) {
      int c = classes[i];
      if (c < 0 || c >= classCount) {
        throw new IllegalArgumentException("class index " + c + " at row " + i + " is outside 0.."
            + (classCount - 1));
      }
      counts[c]++;
      for (int j = 0; j < d; j++) {
        sums[c * d + j] += data[i * d + j];
      }
    }
    for (int c = 0; c < classCount; c++) {
      double divisor = counts[c] + eps;
      if (divisor != 0) {
        for (int j = 0; j < d; j++) {
          sums[c * d + j] /= divisor;
        }
      }
    }
    return new ClassMeans(counts, Matrix.wrap(classCount, d, sums));
  }

  /** @return C */
  public int classCount() {
    return counts.length;
  }

  /**
   * The between-class covariance Cov(G) of the N×D matrix G whose row i is μ_{y_i}, without
   * forming G: Σ_c n_c (μ_c − ḡ)(μ_c − ḡ)ᵀ / (N − ddof), with ḡ = Σ_c n_c μ_c / N. It is
   * returned in factored form: the C×D matrix B with rows √n_c (μ_c − ḡ) / √(N − ddof), so that
   * Cov(G) = BᵀB.
   *
   * @param ddof 0 or 1 (numpy's {@code cov} uses 1)
   * @return B
   */
  public Matrix betweenFactor(int ddof) {
    int c = counts.length;
    int d = means.cols();
    long n = 0;
    for (int count : counts) {
      n += count;
    }
    double[] m = means.data();
    double[] grand = new double[d];
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) {
        grand[j] += counts[k] * m[k * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      grand[j] /= n;
    }
    double[] b = new double[c * d];
    for (int k = 0; k < c; k++) {
      double w = Math.sqrt(counts[k] / (double) (n - ddof));
      for (int j = 0; j < d; j++) {
        b[k * d + j] = w * (m[k * d + j] - grand[j]);
      }
    }
    return Matrix.wrap(c, d, b);
  }
}
