package org.logme.baselines;

import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value NceEstimator#NAME} estimator ({@link NceEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class NceEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return NceEstimator.NAME;
  }

  @Override
  public String description() {
    return "NCE: negative conditional entropy of the target labels given the source model's "
        + "hard labels (Tran et al., ICCV 2019)";
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new NceEstimator();
  }
}
