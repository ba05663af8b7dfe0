package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value LeepEstimator#NAME} estimator ({@link LeepEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class LeepEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return LeepEstimator.NAME;
  }

  @Override
  public String description() {
    return "LEEP: log expected empirical prediction of the target labels through the source "
        + "model's probabilities (Nguyen et al., ICML 2020)";
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new LeepEstimator();
  }
}
