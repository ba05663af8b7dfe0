package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value EtranEstimator#NAME} estimator ({@link EtranEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class EtranEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return EtranEstimator.NAME;
  }

  @Override
  public String description() {
    return "ETran: energy + LDA terms, each normalised over the candidate set (Gholami et al.,"
        + " ICCV 2023)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return EtranEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new EtranEstimator(parameters);
  }
}
