package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value NLeepEstimator#NAME} estimator ({@link NLeepEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class NLeepEstimatorProvider implements EstimatorProvider {
  /** The seed parameter. */
  public static final String SEED = "seed";
  /** The component_ratio parameter. */
  public static final String COMPONENT_RATIO = "component_ratio";
  /** The pca_variance parameter. */
  public static final String PCA_VARIANCE = "pca_variance";

  @Override
  public String name() {
    return NLeepEstimator.NAME;
  }

  @Override
  public String description() {
    return "N-LEEP: LEEP through a Gaussian mixture fitted on PCA-reduced features; mean "
        + "probability, stochastic (Li et al., CVPR 2021)";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.of(SEED, "0",
        "seed of the k-means++ initialisation of the Gaussian mixture (0..4294967295)"),
        ParameterSpec.of(COMPONENT_RATIO, "5",
        "mixture components per target class"),
        ParameterSpec.of(PCA_VARIANCE, "0.8",
        "share of the variance the PCA keeps, in (0, 1)"));
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new NLeepEstimator(ParameterValues.seed(parameters, name(), SEED),
        ParameterValues.positiveInt(parameters, name(), COMPONENT_RATIO),
        ParameterValues.openUnit(parameters, name(), PCA_VARIANCE));
  }
}
