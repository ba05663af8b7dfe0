package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value HScoreEstimator#NAME} estimator ({@link HScoreEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class HScoreEstimatorProvider implements EstimatorProvider {
  /** The variant parameter. */
  public static final String VARIANT = "variant";

  @Override
  public String name() {
    return HScoreEstimator.NAME;
  }

  @Override
  public String description() {
    return "H-score: tr(pinv(Cov F) Cov G), the between-class share of the feature "
        + "covariance (Bao et al., ICIP 2019)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.choice(VARIANT, "tllib",
        "tllib: Transfer-Learning-Library h_score (default); parc: dbolya/parc HScore, "
        + "standardised columns and class counts + 1e-8",
        "tllib", "parc"));
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new HScoreEstimator(HScoreEstimator.Variant.valueOf(
        parameters.get(VARIANT).toUpperCase(java.util.Locale.ROOT)));
  }
}
