package org.logme.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * One of ETran's two terms on its own, per model and not normalised over a set (see
 * {@link EtranEstimator} for the formulas and the reference): {@code etran-lda}, the mean
 * true-class probability of the identity-covariance Gaussian classifier, in (0, 1]; or
 * {@code etran-energy}, the mean of the lowest log-sum-exp values of the features. Ranking
 * models by a raw term is ranking them by its min-max normalised value, so these give ETran's
 * two ingredients separately, as the reference's {@code evaluate_metric.py -me lda} and
 * {@code -me energy} do.
 *
 * <ul>
 *   <li>Inputs: features and labels. Hyper-parameter: {@code energy_percent} (0.5) for the
 *       energy term; none for the LDA term.</li>
 *   <li>Direction: higher is better. Not set-dependent.</li>
 *   <li>Cost: O(N·D·C) (lda) or O(N·D + N log N) (energy).</li>
 * </ul>
 *
 * @since 0.2
 */
public final class EtranTermEstimator extends Baseline {
  /** The two terms. */
  public enum Term {
    /** The classifier term. */
    LDA,
    /** The energy term. */
    ENERGY;

    /** @return the estimator's name, {@code etran-lda} or {@code etran-energy} */
    public String estimatorName() {
      return EtranEstimator.NAME + "-" + name().toLowerCase(Locale.ROOT);
    }
  }

  /** The parameters of each term. */
  static List<Parameter<?>> parameters(Term term) {
    return term == Term.ENERGY ? List.of(EtranEstimator.ENERGY_PERCENT) : List.of();
  }

  private final Term term;

  /**
   * @param term which term
   * @param parameters values of {@link #parameters(Term)}
   */
  public EtranTermEstimator(Term term, EstimatorParameters parameters) {
    super(term.estimatorName(), FEATURES_AND_LABELS, parameters);
    this.term = term;
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    if (term == Term.LDA) {
      return EstimateResult.builder(name(), EtranEstimator.lda(f, input.labels().orElseThrow(),
          backend));
    }
    List<String> warnings = new ArrayList<>();
    Map<String, Object> details = new LinkedHashMap<>();
    double energy = EtranEstimator.energy(f, parameters().get(EtranEstimator.ENERGY_PERCENT),
        warnings, details);
    EstimateResult.Builder result = EstimateResult.builder(name(), energy).warnings(warnings);
    details.forEach(result::detail);
    return result;
  }
}
