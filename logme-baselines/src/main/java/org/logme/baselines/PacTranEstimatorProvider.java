package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value PacTranEstimator#NAME} estimator ({@link PacTranEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class PacTranEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return PacTranEstimator.NAME;
  }

  @Override
  public String description() {
    return "PACTran: PAC-Bayesian bound on the risk of a classifier on the frozen model,"
        + " Gaussian (features), Dirichlet or Gamma variant; lower is better (Ding et al.,"
        + " ECCV 2022)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return PacTranEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new PacTranEstimator(parameters);
  }
}
