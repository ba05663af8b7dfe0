package org.logme.core;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@code logme} estimator with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class LogMeEstimatorProvider implements EstimatorProvider {

  @Override
  public String name() {
    return LogMeEstimator.NAME;
  }

  @Override
  public String description() {
    return "LogME: maximum log evidence of a Bayesian linear model on the features"
        + " (You et al., ICML 2021; JMLR 2022)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return LogMeEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new LogMeEstimator(parameters);
  }
}
