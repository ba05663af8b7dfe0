package org.logme.numerics.stats;

import org.logme.api.data.FeatureStatistics;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.linalg.Matrices;

/**
 * The {@link FeatureStatistics} of one block of rows, centred at the block's own mean (two
 * passes over the block: its mean, then the deviations u = x − μ_block), with the norm moments
 * and column ranges. Blocks are then merged with {@link FeatureStatistics.Accumulator}, the
 * pairwise update of Chan, Golub &amp; LeVeque, so that no sum of squares ever holds the features'
 * common offset.
 *
 * <p>Cost per block of m rows: the Gram matrix of the deviations, m·D² multiply-adds (by the
 * given kernel), plus O(m·D·C).
 *
 * @since 0.1
 */
public final class BlockStatistics {
  private BlockStatistics() {
  }

  /** Adds RᵀR to the upper triangle of an accumulator, as {@code LinearAlgebraBackend#addGram}. */
  @FunctionalInterface
  public interface GramUpdate {
    /**
     * @param accumulator an n×n matrix whose upper triangle is updated in place
     * @param rows an m×n block of rows
     */
    void addGram(Matrix accumulator, Matrix rows);
  }

  /**
   * Statistics of a block of rows with class labels (one-vs-rest indicator targets).
   *
   * @param rows the m×D block, finite values
   * @param classes the class index 0..C−1 of every row, from {@code classes[offset]} on
   * @param offset the index in {@code classes} of the block's first row
   * @param classCount C
   * @param gram the Gram kernel for the deviations
   * @param origin where the rows came from
   * @return the block's statistics
   */
  public static FeatureStatistics ofClasses(Matrix rows, int[] classes, int offset,
      int classCount, GramUpdate gram, String origin) {
    int m = rows.rows();
    int d = rows.cols();
    Centred u = centre(rows, gram);
    double[] ud = u.deviations;
    int[] counts = new int[classCount];
    double[] classSums = new double[classCount * d];
    for (int i = 0; i < m; i++) {
      int k = classes[offset + i];
      counts[k]++;
      int at = k * d;
      int row = i * d;
      for (int j = 0; j < d; j++) {
        classSums[at + j] += ud[row + j];
      }
    }
    // C[:, k] = Σ_{i∈k} uᵢ − (m_k/m)·Σᵢ uᵢ, where Σᵢ uᵢ is rounding-level but kept exact
    double[] residual = new double[d];
    for (int k = 0; k < classCount; k++) {
      for (int j = 0; j < d; j++) {
        residual[j] += classSums[k * d + j];
      }
    }
    double[] means = new double[classCount];
    double[] cross = new double[d * classCount];
    for (int k = 0; k < classCount; k++) {
      means[k] = (double) counts[k] / m;
      for (int j = 0; j < d; j++) {
        cross[j * classCount + k] = classSums[k * d + j] - means[k] * residual[j];
      }
    }
    return u.builder(m, origin, null).targets(means, Matrix.wrap(d, classCount, cross)).build();
  }

  /**
   * Statistics of a block of rows with real-valued targets.
   *
   * @param rows the m×D block, finite values
   * @param targets the m×K targets of the same rows
   * @param gram the Gram kernel for the deviations
   * @param origin where the rows came from
   * @return the block's statistics
   */
  public static FeatureStatistics ofTargets(Matrix rows, Matrix targets, GramUpdate gram,
      String origin) {
    int m = rows.rows();
    int d = rows.cols();
    int k = targets.cols();
    if (targets.rows() != m) {
      throw new IllegalArgumentException(targets + " targets for a block of " + m + " rows");
    }
    Centred u = centre(rows, gram);
    double[] ud = u.deviations;
    double[] y = targets.data();
    double[] means = new double[k];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < k; c++) {
        means[c] += y[i * k + c];
      }
    }
    for (int c = 0; c < k; c++) {
      means[c] /= m;
    }
    double[] low = new double[k];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < k; c++) {
        low[c] += y[i * k + c] - means[c];
      }
    }
    for (int c = 0; c < k; c++) {
      low[c] /= m;
    }
    double[] cross = new double[d * k];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        double v = ud[i * d + j];
        for (int c = 0; c < k; c++) {
          cross[j * k + c] += v * ((y[i * k + c] - means[c]) - low[c]);
        }
      }
    }
    return u.builder(m, origin, low).targets(means, Matrix.wrap(d, k, cross)).build();
  }

  /** A block centred at its mean, with the parts that do not depend on the targets. */
  private record Centred(double[] mean, double[] low, double[] deviations, Matrix scatter,
      double[] cubes, double fourth, double[] min, double[] max) {
    FeatureStatistics.Builder builder(int m, String origin, double[] targetLow) {
      return FeatureStatistics.centred(m, mean, scatter, origin).normMoments(cubes, fourth)
          .range(min, max).meanCorrections(low, targetLow);
    }
  }

  private static Centred centre(Matrix rows, GramUpdate gram) {
    int m = rows.rows();
    int d = rows.cols();
    if (m == 0) {
      throw new IllegalArgumentException("an empty block has no statistics");
    }
    double[] x = rows.data();
    double[] mean = new double[d];
    double[] min = new double[d];
    double[] max = new double[d];
    System.arraycopy(x, 0, min, 0, d);
    System.arraycopy(x, 0, max, 0, d);
    for (int i = 0; i < m; i++) {
      int row = i * d;
      for (int j = 0; j < d; j++) {
        double v = x[row + j];
        mean[j] += v;
        min[j] = Math.min(min[j], v);
        max[j] = Math.max(max[j], v);
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= m;
    }
    // the rounded mean is off by up to half an ulp of the offset; its residual, the mean of the
    // (exactly computed) differences, is the low part of the mean
    double[] low = new double[d];
    for (int i = 0; i < m; i++) {
      int row = i * d;
      for (int j = 0; j < d; j++) {
        low[j] += x[row + j] - mean[j];
      }
    }
    for (int j = 0; j < d; j++) {
      low[j] /= m;
    }
    double[] u = new double[m * d];
    double[] cubes = new double[d];
    double fourth = 0;
    for (int i = 0; i < m; i++) {
      int row = i * d;
      double norm2 = 0;
      for (int j = 0; j < d; j++) {
        double v = (x[row + j] - mean[j]) - low[j];
        u[row + j] = v;
        norm2 += v * v;
      }
      for (int j = 0; j < d; j++) {
        cubes[j] += norm2 * u[row + j];
      }
      fourth += norm2 * norm2;
    }
    Matrix scatter = Matrix.zeros(d, d);
    gram.addGram(scatter, Matrix.wrap(m, d, u));
    Matrices.mirrorUpper(scatter);
    return new Centred(mean, low, u, scatter, cubes, fourth, min, max);
  }
}
