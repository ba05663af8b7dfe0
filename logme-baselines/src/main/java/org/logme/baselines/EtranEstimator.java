package org.logme.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.ClassMeans;

/**
 * ETran, energy-based transferability (Gholami, Akbari, Wang &amp; Zhang, "ETran:
 * Energy-Based Transferability Estimation", ICCV 2023), as mgholamikn/ETran computes it for
 * classification (commit d4551ed8): {@code metrics.py::LDA_Score} and {@code Energy_Score}
 * per model, combined over the candidate set by {@code tw.py}. A <b>set-level</b>
 * estimator. The repository has no licence: this is implemented from the formulas, no code
 * was copied.
 *
 * <p>Per model (its components), with F the N×D features:
 * <ul>
 *   <li>lda = (1/N)·Σ_i P[i, y_i], P = softmax_c(x_i·μ_c − ½‖μ_c‖² + ln π_c): the reference's
 *       LDA classifier. Its shrinkage and generalised eigenproblem are dead code: it calls
 *       {@code numpy.linalg.eigh} on the non-symmetric inv(S_w)·S_b, which reads one triangle
 *       and returns an orthogonal V, so its coefficients μVVᵀ are the class means (checked to
 *       5e-15 on every fixture); the classifier is the identity-covariance Gaussian one.</li>
 *   <li>energy = the mean of the smallest ⌊⌊10·p⌋·N/1000⌋ values (p = {@code energy_percent},
 *       0.5: the lowest 0.5 %) of e_i = ln Σ_j exp(F_ij), the log-sum-exp over the feature
 *       dimensions (as {@code evaluate_metric.py} calls it, on the penultimate features).</li>
 * </ul>
 * Over the set, each component is min-max normalised and
 * <pre>
 *   ETran_m = w·energy'_m + (1 − w)·lda'_m,   w = energy_weight = 0.15
 * </pre>
 * The components alone are the estimators {@code etran-lda} and {@code etran-energy}
 * ({@link EtranTermEstimator}), not set-dependent.
 *
 * <ul>
 *   <li>Inputs: features and labels, for at least two candidates on the same samples.
 *       Hyper-parameters: {@code energy_weight} (0.15), {@code energy_percent} (0.5).</li>
 *   <li>Direction: higher is better. Set-dependent. Neither term is invariant to the feature
 *       scale (the reference's behaviour): a model whose features are 3 times larger scores
 *       differently.</li>
 *   <li>Cost per model: O(N·D·C) for the classifier, O(N·D + N log N) for the energy.</li>
 *   <li>Differences from the reference: (1) with fewer than 200 samples the energy slice is
 *       empty and the reference's mean is NaN; here at least one sample is used, with a
 *       warning; (2) a component equal for every candidate counts 0 for each (the reference
 *       divides 0 by 0), with a warning; (3) the classification code's README also names an
 *       SVD-based regression term, which the reference does not use for classification, nor
 *       does this.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class EtranEstimator extends SetBaseline {
  /** The name users select it by. */
  public static final String NAME = "etran";

  /** The weight of the energy term. */
  public static final Parameter<Double> ENERGY_WEIGHT = Parameter.openUnit("energy_weight",
      0.15, "weight of the normalised energy term (the LDA term gets 1 minus it)");
  /** The share of lowest-energy samples averaged, in percent. */
  public static final Parameter<Double> ENERGY_PERCENT = Parameter.positive("energy_percent",
      0.5, "percent of the samples, those of lowest energy, whose energy is averaged");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(ENERGY_WEIGHT, ENERGY_PERCENT);

  static final String ENERGY = "energy";
  static final String LDA = "lda";

  private final double energyWeight;
  private final double energyPercent;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public EtranEstimator(EstimatorParameters parameters) {
    super(NAME, Baseline.FEATURES_AND_LABELS, parameters);
    this.energyWeight = parameters.get(ENERGY_WEIGHT);
    this.energyPercent = parameters.get(ENERGY_PERCENT);
  }

  @Override
  ModelComponents computeComponents(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    List<String> warnings = new ArrayList<>();
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(ENERGY, energy(f, energyPercent, warnings, details));
    values.put(LDA, lda(f, labels, backend));
    return new ModelComponents(NAME, values, warnings, details);
  }

  @Override
  double score(Map<String, Double> normalised) {
    return energyWeight * normalised.get(ENERGY) + (1 - energyWeight) * normalised.get(LDA);
  }

  /** ETran's LDA term: the identity-covariance Gaussian classifier's mean true-class probability. */
  static double lda(Matrix f, Labels labels, LinearAlgebraBackend backend) {
    int n = f.rows();
    int d = f.cols();
    int c = labels.classCount();
    int[] y = labels.classIndices();
    ClassMeans means = ClassMeans.of(f, y, c);
    Matrix mu = means.means();
    double[] bias = new double[c];
    for (int k = 0; k < c; k++) {
      double sq = 0;
      for (int j = 0; j < d; j++) {
        sq += mu.get(k, j) * mu.get(k, j);
      }
      bias[k] = -0.5 * sq + Math.log(means.counts()[k] / (double) n);
    }
    Matrix logits = backend.multiply(f, mu.transpose());
    double[] z = logits.data();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        z[i * c + k] += bias[k];
        max = Math.max(max, z[i * c + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        sum += Math.exp(z[i * c + k] - max);
      }
      total += Math.exp(z[i * c + y[i]] - max) / sum;
    }
    return total / n;
  }

  /** ETran's energy term: the mean of the lowest log-sum-exp values over the features. */
  static double energy(Matrix f, double percent, List<String> warnings,
      Map<String, Object> details) {
    int n = f.rows();
    int d = f.cols();
    double[] e = new double[n];
    double[] fd = f.data();
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < d; j++) {
        max = Math.max(max, fd[i * d + j]);
      }
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += Math.exp(fd[i * d + j] - max);
      }
      e[i] = Math.log(sum) + max;
    }
    Arrays.sort(e);
    long count = (long) Math.floor(percent * 10) * n / 1000;
    if (count < 1) {
      warnings.add("the lowest " + percent + " % of " + n + " samples is none (the reference's"
          + " energy is then NaN); the lowest sample's energy is used");
      count = 1;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += e[i];
    }
    details.put("energy_samples", (int) count);
    return sum / count;
  }
}
