package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value TransRateEstimator#NAME} estimator ({@link TransRateEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class TransRateEstimatorProvider implements EstimatorProvider {

  @Override
  public String name() {
    return TransRateEstimator.NAME;
  }

  @Override
  public String description() {
    return "TransRate: coding rate of the features minus the mean coding rate of the classes"
        + " (Huang et al., ICML 2022)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return TransRateEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new TransRateEstimator(parameters);
  }
}
