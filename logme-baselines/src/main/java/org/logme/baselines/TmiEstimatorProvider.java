package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value TmiEstimator#NAME} estimator ({@link TmiEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.2
 */
public final class TmiEstimatorProvider implements EstimatorProvider {
  @Override
  public String name() {
    return TmiEstimator.NAME;
  }

  @Override
  public String description() {
    return "TMI: class-conditional k-NN entropy of the normalised features, negated (after Xu"
        + " & Kang, ICCV 2023; from the paper's description, not a verified formula)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return TmiEstimator.PARAMETERS;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new TmiEstimator(parameters);
  }
}
