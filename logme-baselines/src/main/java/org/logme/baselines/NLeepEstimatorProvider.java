package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value NLeepEstimator#NAME} estimator ({@link NLeepEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class NLeepEstimatorProvider implements EstimatorProvider {

  @Override
  public String name() {
    return NLeepEstimator.NAME;
  }

  @Override
  public String description() {
    return "N-LEEP: LEEP through a Gaussian mixture fitted on PCA-reduced features; mean "
        + "probability, stochastic (Li et al., CVPR 2021)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return NLeepEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new NLeepEstimator(parameters);
  }
}
