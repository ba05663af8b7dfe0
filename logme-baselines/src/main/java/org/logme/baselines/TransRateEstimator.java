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
 *   <li>Cost: the smaller Gram matrix of each Z_c, O(n_c·D·min(n_c, D)), and a Cholesky
 *       factorisation of I + Gram/(nε) for each, O(min(n, D)³/3); log det = 2·Σ log Lᵢᵢ. By
 *       Sylvester's identity det(I + XᵀX/s) = det(I + XXᵀ/s), so the smaller Gram matrix
 *       serves. With N ≥ D, ZᵀZ is the sum of the classes' D×D Gram matrices, so a class
 *       large enough to take its own (n_c ≳ 0.68·D) costs no Gram matrix of Z: N·D²/2 in all
 *       rather than twice that. The matrix has every eigenvalue ≥ 1, so the factorisation is perfectly
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
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int c = labels.classCount();
    int n = f.rows();
    int d = f.cols();
    int[] counts = labels.counts();
    // the centred rows Z = F − 1μᵀ of each class, gathered and centred in one pass
    double[] mu = Covariance.columnMeans(f);
    double[][] rows = new double[c][];
    int[] filled = new int[c];
    for (int k = 0; k < c; k++) {
      rows[k] = new double[counts[k] * d];
    }
    double[] data = f.data();
    for (int i = 0; i < n; i++) {
      int k = labels.classIndex(i);
      double[] out = rows[k];
      int at = filled[k] * d;
      int from = i * d;
      for (int j = 0; j < d; j++) {
        out[at + j] = data[from + j] - mu[j];
      }
      filled[k]++;
    }
    double[] perClass = new double[c];
    double whole;
    if (n < d) {
      whole = codingRate(Covariance.minusRow(f, mu), backend);
      for (int k = 0; k < c; k++) {
        perClass[k] = codingRate(Matrix.wrap(counts[k], d, rows[k]), backend);
      }
    } else {
      // ZᵀZ = Σ_c Z_cᵀZ_c: the D×D Gram matrices of the large classes serve twice
      double[] sum = new double[d * d];
      int rest = 0;
      for (int k = 0; k < c; k++) {
        rest += ownGram(counts[k], d) ? 0 : counts[k];
      }
      double[] others = new double[rest * d];
      int at = 0;
      for (int k = 0; k < c; k++) {
        Matrix classRows = Matrix.wrap(counts[k], d, rows[k]);
        if (ownGram(counts[k], d)) {
          Matrix gram = backend.gram(classRows);
          add(sum, gram.data());
          perClass[k] = logDetRate(gram, counts[k], backend);
        } else {
          System.arraycopy(rows[k], 0, others, at, rows[k].length);
          at += rows[k].length;
          perClass[k] = codingRate(classRows, backend);
        }
      }
      if (rest > 0) {
        add(sum, backend.gram(Matrix.wrap(rest, d, others)).data());
      }
      whole = logDetRate(Matrix.wrap(d, d, sum), n, backend);
    }
    double mean = 0;
    for (int k = 0; k < c; k++) {
      mean += perClass[k];
    }
    mean /= c;
    return EstimateResult.builder(NAME, whole - mean)
        .detail("eps", eps)
        .detail("coding_rate", whole)
        .detail("class_coding_rates", perClass);
  }

  /**
   * Whether a class of n rows takes its D×D Gram matrix (which then also serves the whole's):
   * when its Cholesky factorisation, D³/3, costs less than the n'×n' Gram matrix and factor it
   * would need instead (n' = min(n, D)), n'²·D/2 + n'³/3, that is for n' ≳ 0.68·D.
   */
  private static boolean ownGram(int n, int d) {
    double m = Math.min(n, d);
    return (double) d * d * d / 3 < m * m * d / 2 + m * m * m / 3;
  }

  private static void add(double[] sum, double[] gram) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += gram[i];
    }
  }

  /** ½·log det(I + Gram/(nε)) = Σ log Lᵢᵢ, with the smaller Gram matrix of x. */
  private double codingRate(Matrix x, LinearAlgebraBackend backend) {
    return logDetRate(x.rows() < x.cols() ? backend.outerGram(x) : backend.gram(x), x.rows(),
        backend);
  }

  /** ½·log det(I + gram/(nε)) = Σ log Lᵢᵢ; overwrites gram. */
  private double logDetRate(Matrix gram, int n, LinearAlgebraBackend backend) {
    int k = gram.rows();
    double scale = n * eps;
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
