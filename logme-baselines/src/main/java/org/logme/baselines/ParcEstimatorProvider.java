package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value ParcEstimator#NAME} estimator ({@link ParcEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class ParcEstimatorProvider implements EstimatorProvider {

  @Override
  public String name() {
    return ParcEstimator.NAME;
  }

  @Override
  public String description() {
    return "PARC: Spearman correlation of the feature and label dissimilarity matrices, x100"
        + " (Bolya et al., NeurIPS 2021)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return ParcEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new ParcEstimator(parameters);
  }
}
