package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value NctiEstimator#NAME} estimator ({@link NctiEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class NctiEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return NctiEstimator.NAME;
  }

  @Override
  public String description() {
    return "NCTI: neural-collapse index, class separation + nearest-centre accuracy - within-class"
        + " spread of an LDA, normalised over the candidate set (Wang et al., ICCV 2023)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return NctiEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new NctiEstimator(parameters);
  }
}
