package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * Registers the {@value ParcEstimator#NAME} estimator ({@link ParcEstimator}) with
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class ParcEstimatorProvider implements EstimatorProvider {
  /** The n_dims parameter. */
  public static final String N_DIMS = "n_dims";
  /** The seed parameter. */
  public static final String SEED = "seed";

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
  public List<ParameterSpec> parameters() {
    return List.of(ParameterSpec.of(N_DIMS, "32",
        "PCA dimension before the comparison (randomized PCA as scikit-learn), or none"),
        ParameterSpec.of(SEED, "1919",
        "seed of the randomized PCA (the reference uses 1919)"));
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters parameters) {
    return new ParcEstimator(ParameterValues.optionalDimensions(parameters, name(), N_DIMS),
        ParameterValues.seed(parameters, name(), SEED));
  }
}
