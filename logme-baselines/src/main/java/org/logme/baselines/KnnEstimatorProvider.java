package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value KnnEstimator#NAME} estimator ({@link KnnEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class KnnEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return KnnEstimator.NAME;
  }

  @Override
  public String description() {
    return "kNN: cross-validated k-nearest-neighbour accuracy or F1 in percent (leave-one-out"
        + " 1-NN: the baseline of Bolya et al., NeurIPS 2021; k = 3, f1: transformer-ranker)";
  }

  @Override
  public java.util.List<org.logme.api.estimator.Parameter<?>> parameters() {
    return KnnEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new KnnEstimator(parameters);
  }
}
