package org.logme.baselines;

import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.ClassMeans;

/**
 * What the H-scores need from streamed {@link FeatureStatistics}: the centred scatter
 * M₂ = Σ(xᵢ − μ)(xᵢ − μ)ᵀ and, per class, the sum of the centred rows Σ_{i∈c}(xᵢ − μ) (column c
 * of the cross scatter with one-vs-rest indicators, or S_c − n_c·μ from raw class sums), on the
 * columns that are not constant and optionally rescaled. A constant column is dropped: its
 * centred values are all 0, so it adds nothing to either covariance, and the in-memory path's
 * pseudo-inverse drops it too.
 *
 * @param n N
 * @param kept the indices of the columns kept
 * @param scatter M₂ on the kept columns, divided by scale_i·scale_j
 * @param classSums the C×k sums of the centred, rescaled rows per class
 * @param counts n_c
 */
record StreamedMoments(long n, int[] kept, Matrix scatter, Matrix classSums, int[] counts) {

  /**
   * @param statistics the streamed statistics, accumulated with the labels
   * @param labels the labels
   * @param scale a divisor per original column (all 1 for none)
   * @param dropConstant true to leave out the exactly constant columns
   * @return the moments on the columns kept
   */
  static StreamedMoments of(FeatureStatistics statistics, Labels labels, double[] scale,
      boolean dropConstant) {
    int d = statistics.dimension();
    int c = labels.classCount();
    int[] counts = labels.counts();
    boolean[] constant = dropConstant ? statistics.constantColumns() : new boolean[d];
    int k = 0;
    for (boolean b : constant) {
      k += b ? 0 : 1;
    }
    int[] kept = new int[k];
    for (int j = 0, at = 0; j < d; j++) {
      if (!constant[j]) {
        kept[at++] = j;
      }
    }
    double[] m2 = statistics.scatter().data();
    double[] s = new double[k * k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        s[a * k + b] = m2[kept[a] * d + kept[b]] / (scale[kept[a]] * scale[kept[b]]);
      }
    }
    double[] cross = statistics.crossScatter().map(Matrix::data).orElse(null);
    double[] mean = statistics.mean();
    double[] raw = cross == null ? statistics.crossProducts().data() : null;
    double[] sums = new double[c * k];
    for (int cls = 0; cls < c; cls++) {
      for (int a = 0; a < k; a++) {
        int j = kept[a];
        double centred = cross != null ? cross[j * c + cls]
            : raw[j * c + cls] - counts[cls] * mean[j];
        sums[cls * k + a] = centred / scale[j];
      }
    }
    return new StreamedMoments(statistics.count(), kept, Matrix.wrap(k, k, s),
        Matrix.wrap(c, k, sums), counts);
  }

  /**
   * @param countEps added to each class count before dividing (dbolya/parc's 1e-8, or 0)
   * @return the class means of the centred rows, with the counts
   */
  ClassMeans classMeans(double countEps) {
    int c = counts.length;
    int k = kept.length;
    double[] means = classSums.data().clone();
    for (int cls = 0; cls < c; cls++) {
      double divisor = counts[cls] + countEps;
      for (int a = 0; a < k; a++) {
        means[cls * k + a] /= divisor;
      }
    }
    return new ClassMeans(counts.clone(), Matrix.wrap(c, k, means));
  }

  /** @return one scale per column of the given statistics: no rescaling */
  static double[] unscaled(FeatureStatistics statistics) {
    double[] one = new double[statistics.dimension()];
    java.util.Arrays.fill(one, 1.0);
    return one;
  }
}
