package org.logme.baselines;

import java.util.List;
import java.util.OptionalInt;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.ClassMeans;
import org.logme.numerics.stats.Pca;

/**
 * GBC, Gaussian Bhattacharyya Coefficient (Pándy, Agostinelli, Uijlings, Ferrari &amp; Mensink,
 * "Transferability Estimation using Bhattacharyya Class Separability", CVPR 2022), with
 * spherical class Gaussians:
 * <ol>
 *   <li>Reduce the features to d = min(n_dims, D, N) dimensions by exact PCA (no reduction
 *       when D ≤ n_dims, or with {@code n_dims = none}).</li>
 *   <li>For each class c: the mean μ_c and the spherical variance
 *       s_c = max(floor, (1/d)·Σⱼ Var₀(x_j | c)), the mean of the per-dimension population
 *       variances, floored at {@code variance_floor}.</li>
 *   <li>Bhattacharyya distance of N(μ₁, s₁I) and N(μ₂, s₂I):
 *       D_B = ‖μ₁ − μ₂‖² / (4(s₁ + s₂)) + (d/2)·ln( (s₁ + s₂) / (2√(s₁s₂)) ),
 *       coefficient BC = exp(−D_B) ∈ (0, 1].</li>
 *   <li>GBC = −Σ_{c ≠ c'} BC(c, c'), over ordered pairs.</li>
 * </ol>
 *
 * <ul>
 *   <li>Inputs: features and labels.</li>
 *   <li>Hyper-parameters: {@code n_dims} (default 64, {@code none} for no PCA) and
 *       {@code variance_floor} (default 1e-4).</li>
 *   <li>Direction: higher is better; GBC ∈ [−C(C−1), 0], near 0 for well-separated classes and
 *       near −C(C−1) when the classes are identically distributed.</li>
 *   <li>Cost: the exact PCA (the eigenvalues of the D×D or N×N Gram matrix and the eigenvectors
 *       of the d components kept, {@link Pca#fit(org.logme.api.linalg.Matrix, int,
 *       LinearAlgebraBackend)}, after an O(N·D·min(N, D)) Gram product), then
 *       O(N·d + C²·d).</li>
 *   <li>No reference implementation was run for this project: the value follows the paper's
 *       formula and is checked by property tests only. The PCA is exact (deterministic), where
 *       the paper does not fix a solver.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class GbcEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "gbc";

  private final OptionalInt dimensions;
  private final double varianceFloor;

  /** The exact PCA dimension before fitting the class Gaussians, or none. */
  public static final Parameter<OptionalInt> N_DIMS = Parameter.dimensionsOrNone("n_dims",
      OptionalInt.of(64), "exact PCA dimension before fitting the class Gaussians, or none");
  /** The smallest spherical class variance. */
  public static final Parameter<Double> VARIANCE_FLOOR = Parameter.positive("variance_floor",
      1e-4, "smallest spherical class variance");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(N_DIMS, VARIANCE_FLOOR);

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public GbcEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.dimensions = parameters.get(N_DIMS);
    this.varianceFloor = parameters.get(VARIANCE_FLOOR);
  }


  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    Matrix x = f;
    List<String> warnings = List.of();
    if (dimensions.isPresent() && f.cols() < dimensions.getAsInt()) {
      warnings = List.of("the features have " + f.cols() + " columns, fewer than the "
          + dimensions.getAsInt() + " PCA dimensions (n_dims=" + dimensions.getAsInt() + "); no"
          + " PCA was done, GBC uses all " + f.cols());
    }
    if (dimensions.isPresent() && f.cols() > dimensions.getAsInt()) {
      int kept = Math.min(dimensions.getAsInt(), Math.min(f.rows(), f.cols()));
      Pca pca = Pca.fit(f, kept, backend);
      x = pca.scores(kept, backend);
      warnings = pca.warnings();
    }
    int n = x.rows();
    int d = x.cols();
    int c = labels.classCount();
    int[] y = labels.classIndices();
    ClassMeans means = ClassMeans.of(x, y, c);
    double[] m = means.means().data();
    double[] variance = new double[c];
    double[] xd = x.data();
    for (int i = 0; i < n; i++) {
      int k = y[i];
      for (int j = 0; j < d; j++) {
        double delta = xd[i * d + j] - m[k * d + j];
        variance[k] += delta * delta;
      }
    }
    int[] counts = means.counts();
    for (int k = 0; k < c; k++) {
      variance[k] = Math.max(varianceFloor, variance[k] / ((double) counts[k] * d));
    }
    double sum = 0;
    for (int a = 0; a < c; a++) {
      for (int b = a + 1; b < c; b++) {
        double distance2 = 0;
        for (int j = 0; j < d; j++) {
          double delta = m[a * d + j] - m[b * d + j];
          distance2 += delta * delta;
        }
        double sa = variance[a];
        double sb = variance[b];
        double bhattacharyya = distance2 / (4 * (sa + sb))
            + 0.5 * d * Math.log((sa + sb) / (2 * Math.sqrt(sa * sb)));
        sum += 2 * Math.exp(-bhattacharyya);
      }
    }
    return EstimateResult.builder(NAME, 0.0 - sum)
        .warnings(warnings)
        .detail("dimensions", d)
        .detail("class_variances", variance);
  }
}
