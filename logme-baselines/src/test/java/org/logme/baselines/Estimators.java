package org.logme.baselines;

import java.util.Map;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;

/** Creates estimators as the application does: providers found by ServiceLoader, by name. */
final class Estimators {
  private static final PluginRegistry<EstimatorProvider> REGISTRY = PluginRegistry.discover(
      "estimator", EstimatorProvider.class, EstimatorProvider::name);

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
