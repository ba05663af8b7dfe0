package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value ShrinkageHScoreEstimator#NAME} estimator
 * ({@link ShrinkageHScoreEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class ShrinkageHScoreEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return ShrinkageHScoreEstimator.NAME;
  }

  @Override
  public String description() {
    return "Shrinkage H-score: H-score on the Ledoit-Wolf covariance (Ibrahim et al., ECML "
        + "PKDD 2022)";
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new ShrinkageHScoreEstimator();
  }
}
