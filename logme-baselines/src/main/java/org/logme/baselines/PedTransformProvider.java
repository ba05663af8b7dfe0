package org.logme.baselines;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.transform.FeatureTransform;
import org.logme.api.transform.FeatureTransformProvider;

/**
 * Registers the {@value PedTransform#NAME} feature transform ({@link PedTransform}) with
 * {@link java.util.ServiceLoader}; its paper composes it with LogME and SFDA, listed as
 * {@code ped+logme} and {@code ped+sfda}.
 *
 * @since 0.2
 */
public final class PedTransformProvider implements FeatureTransformProvider {
  @Override
  public String name() {
    return PedTransform.NAME;
  }

  @Override
  public String description() {
    return "PED: potential-energy descent pushing overlapping classes apart before scoring"
        + " (Li et al., ICCV 2023)";
  }

  @Override
  public List<Parameter<?>> parameters() {
    return PedTransform.PARAMETERS;
  }

  @Override
  public List<String> publishedWith() {
    return List.of("logme", "sfda");
  }

  @Override
  public FeatureTransform create(EstimatorParameters parameters) {
    return new PedTransform(parameters);
  }
}
