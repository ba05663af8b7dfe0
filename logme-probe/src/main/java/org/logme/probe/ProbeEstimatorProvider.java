package org.logme.probe;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value ProbeEstimator#NAME} estimator ({@link ProbeEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class ProbeEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return ProbeEstimator.NAME;
  }

  @Override
  public String description() {
    return "Linear probe: cross-validated accuracy of L2 logistic regression (LIBLINEAR) on the"
        + " frozen features; slow, a strong comparator";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return ProbeEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new ProbeEstimator(parameters);
  }
}
