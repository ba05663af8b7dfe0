package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value GbcEstimator#NAME} estimator ({@link GbcEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class GbcEstimatorProvider implements EstimatorProvider {

  @Override
  public String name() {
    return GbcEstimator.NAME;
  }

  @Override
  public String description() {
    return "GBC: minus the sum of Bhattacharyya coefficients between spherical class "
        + "Gaussians (Pandy et al., CVPR 2022)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return GbcEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new GbcEstimator(parameters);
  }
}
