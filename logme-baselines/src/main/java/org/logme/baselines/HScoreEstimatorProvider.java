package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value HScoreEstimator#NAME} estimator ({@link HScoreEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class HScoreEstimatorProvider implements EstimatorProvider {

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
  public List<Parameter<?>> parameters() {
    return HScoreEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new HScoreEstimator(parameters);
  }
}
