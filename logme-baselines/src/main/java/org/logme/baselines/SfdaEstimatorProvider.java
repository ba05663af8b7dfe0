package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value SfdaEstimator#NAME} estimator ({@link SfdaEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class SfdaEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return SfdaEstimator.NAME;
  }

  @Override
  public String description() {
    return "SFDA: mean true-class probability of a shrunk LDA refitted on self-challenged "
        + "features (Shao et al., ECCV 2022)";
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new SfdaEstimator();
  }
}
