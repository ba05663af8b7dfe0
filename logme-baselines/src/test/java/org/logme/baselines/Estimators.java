package org.logme.baselines;

import java.util.Map;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.transform.Compositions;
import org.logme.api.transform.FeatureTransformProvider;

/**
 * Creates estimators as the application does: providers and feature transforms found by
 * ServiceLoader, compositions included, by name.
 */
final class Estimators {
  private static final PluginRegistry<EstimatorProvider> REGISTRY = Compositions.registry(
      PluginRegistry.discover("estimator", EstimatorProvider.class, EstimatorProvider::name)
          .all(),
      PluginRegistry.discover("feature transform", FeatureTransformProvider.class,
          FeatureTransformProvider::name).all());

  private Estimators() {
  }

  static PluginRegistry<EstimatorProvider> registry() {
    return REGISTRY;
  }

  static TransferabilityEstimator create(String name) {
    return create(name, Map.of());
  }

  static TransferabilityEstimator create(String name, Map<String, String> parameters) {
    EstimatorProvider provider = REGISTRY.get(name);
    return provider.create(EstimatorParameters.resolve(name, provider.parameters(), parameters));
  }
}
