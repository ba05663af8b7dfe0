package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value GbcEstimator#NAME} estimator ({@link GbcEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class GbcEstimatorProvider implements EstimatorProvider {
  /** The n_dims parameter. */
  public static final String N_DIMS = "n_dims";
  /** The variance_floor parameter. */
  public static final String VARIANCE_FLOOR = "variance_floor";

  @Override
  public String name() {
    return GbcEstimator.NAME;
  }

  @Override
  public String description() {
    return "GBC: minus the sum of Bhattacharyya coefficients between spherical class "
        + "Gaussians (Pandy et al., CVPR 2022)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.of(N_DIMS, "64",
        "exact PCA dimension before fitting the class Gaussians, or none"),
        ParameterSpec.of(VARIANCE_FLOOR, "1e-4",
        "smallest spherical class variance"));
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new GbcEstimator(ParameterValues.optionalDimensions(parameters, name(), N_DIMS),
        ParameterValues.positiveDouble(parameters, name(), VARIANCE_FLOOR));
  }
}
