package org.logme.baselines;

import java.util.List;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.Covariance;

/**
 * TransRate (Huang, Huang, Xu, Wang &amp; Gao, "Frustratingly Easy Transferability Estimation",
 * ICML 2022), as thuml/Transfer-Learning-Library {@code tllib/ranking/transrate.py::transrate}
 * (commit c4aa59eb) computes it: the coding rate of the centred features minus the mean coding
 * rate of the classes,
 * <pre>
 *   Z = F − 1μᵀ  (centred once, globally)
 *   R(X) = ½·log det(I + XᵀX / (n_X·ε)) = ½·Σ_k log(1 + σ_k² / (n_X·ε))
 *   TransRate = R(Z) − (1/C)·Σ_c R(Z_c)
 * </pre>
 * where Z_c are the rows of Z of class c, <em>not</em> re-centred, and n_X the rows of X.
 *
 * <ul>
 *   <li>Inputs: features and labels.</li>
 *   <li>Hyper-parameter {@code eps}: ε, default 1e-4 as in the reference.</li>
 *   <li>Direction: higher is better. Depends on the feature scale; invariant to rotations and
 *       translations of the features and to relabelling.</li>
 *   <li>Quirks kept from the reference: classes are averaged uniformly (1/C), not weighted by
 *       n_c/N; the factor is 1/(nε), with no D and ε not squared. Other public copies that
 *       normalise Z or apply PCA first give different numbers.</li>
 *   <li>Cost: the smaller Gram matrix of Z and of each Z_c, O(N·D·min(N, D)), and a Cholesky
 *       factorisation of I + Gram/(nε) for each, O(min(n, D)³/3); log det = 2·Σ log Lᵢᵢ. By
 *       Sylvester's identity det(I + XᵀX/s) = det(I + XXᵀ/s), so the smaller Gram matrix
 *       serves. The matrix has every eigenvalue ≥ 1, so the factorisation is perfectly
 *       conditioned; the reference takes the LU-based {@code slogdet} of the D×D matrix and the
 *       two agree to rounding.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class TransRateEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "transrate";

  private final double eps;

  /** The distortion ε of the coding rate (the reference uses 1e-4). */
  public static final Parameter<Double> EPS = Parameter.positive("eps", 1e-4,
      "the distortion eps of the coding rate R = 1/2 log det(I + Z'Z/(n eps))");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(EPS);

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public TransRateEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.eps = parameters.get(EPS);
  }


  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix z = Covariance.centred(input.features().orElseThrow().matrix());
    Labels labels = input.labels().orElseThrow();
    int c = labels.classCount();
    int d = z.cols();
    double whole = codingRate(z, backend);
    int[] counts = labels.counts();
    double[][] rows = new double[c][];
    int[] filled = new int[c];
    for (int k = 0; k < c; k++) {
      rows[k] = new double[counts[k] * d];
    }
    double[] data = z.data();
    for (int i = 0; i < z.rows(); i++) {
      int k = labels.classIndex(i);
      System.arraycopy(data, i * d, rows[k], filled[k] * d, d);
      filled[k]++;
    }
    double[] perClass = new double[c];
    double mean = 0;
    for (int k = 0; k < c; k++) {
      perClass[k] = codingRate(Matrix.wrap(counts[k], d, rows[k]), backend);
      mean += perClass[k];
    }
    mean /= c;
    return EstimateResult.builder(NAME, whole - mean)
        .detail("eps", eps)
        .detail("coding_rate", whole)
        .detail("class_coding_rates", perClass);
  }

  /** ½·log det(I + Gram/(nε)) = Σ log Lᵢᵢ, with the smaller Gram matrix of x. */
  private double codingRate(Matrix x, LinearAlgebraBackend backend) {
    Matrix gram = x.rows() < x.cols() ? backend.outerGram(x) : backend.gram(x);
    int k = gram.rows();
    double scale = x.rows() * eps;
    double[] g = gram.data();
    for (int i = 0; i < g.length; i++) {
      g[i] /= scale;
    }
    for (int i = 0; i < k; i++) {
      g[i * k + i] += 1;
    }
    Matrix l = backend.cholesky(gram);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += Math.log(l.get(i, i));
    }
    return sum;
  }
}
