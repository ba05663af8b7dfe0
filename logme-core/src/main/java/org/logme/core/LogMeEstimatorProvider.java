package org.logme.core;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@code logme} estimator with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class LogMeEstimatorProvider implements EstimatorProvider {
  /** The parameter selecting the evidence-maximisation procedure. */
  public static final String ALGORITHM = "algorithm";

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
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.choice(ALGORITHM, LogMeAlgorithm.FIXED_POINT.id(),
        "fixed-point: JMLR fixed point, exact evidence (default); mackay: the ICML 2021 procedure",
        LogMeAlgorithm.FIXED_POINT.id(), LogMeAlgorithm.MACKAY.id()));
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new LogMeEstimator(LogMeAlgorithm.fromId(parameters.get(ALGORITHM)));
  }
}
