package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value EmmsEstimator#NAME} estimator ({@link EmmsEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class EmmsEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return EmmsEstimator.NAME;
  }

  @Override
  public String description() {
    return "EMMS: negated residual of regressing text-encoder embeddings of the class names on"
        + " the features (Meng et al., NeurIPS 2023)";
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new EmmsEstimator();
  }
}
