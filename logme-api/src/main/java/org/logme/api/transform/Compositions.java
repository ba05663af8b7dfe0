package org.logme.api.transform;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.logme.api.PluginRegistry;
import org.logme.api.UnknownPluginException;
import org.logme.api.estimator.EstimatorProvider;

/**
 * Builds the registry of estimators with feature transforms composed in: every estimator, the
 * compositions each transform's paper uses ({@link FeatureTransformProvider#publishedWith()},
 * listed), and on request any other {@code TRANSFORM+ESTIMATOR} whose estimator takes
 * features.
 *
 * @since 0.2
 */
public final class Compositions {
  private Compositions() {
  }

  /**
   * @param estimators the estimators by name
   * @param transforms the feature transforms by name
   * @return the registry: the estimators and the published compositions listed, other
   *     compositions resolved by name
   */
  public static PluginRegistry<EstimatorProvider> registry(
      Map<String, EstimatorProvider> estimators, Map<String, FeatureTransformProvider> transforms) {
    Map<String, EstimatorProvider> listed = new TreeMap<>(estimators);
    transforms.values().forEach(t -> t.publishedWith().stream().filter(estimators::containsKey)
        .forEach(e -> {
          ComposedEstimatorProvider composed =
              new ComposedEstimatorProvider(t, estimators.get(e));
          listed.put(composed.name(), composed);
        }));
    Map<String, EstimatorProvider> known = Map.copyOf(listed);
    return new PluginRegistry<>("estimator", known, name -> resolve(name, estimators,
        transforms));
  }

  /** A composition not listed: TRANSFORM+ESTIMATOR, the estimator possibly composed itself. */
  private static Optional<EstimatorProvider> resolve(String name,
      Map<String, EstimatorProvider> estimators, Map<String, FeatureTransformProvider> transforms) {
    int plus = name.indexOf(ComposedEstimatorProvider.SEPARATOR);
    if (plus <= 0 || plus == name.length() - 1) {
      return Optional.empty();
    }
    String t = name.substring(0, plus);
    String rest = name.substring(plus + 1);
    FeatureTransformProvider transform = transforms.get(t);
    if (transform == null) {
      throw new UnknownPluginException("feature transform", t, new TreeMap<>(transforms)
          .keySet());
    }
    EstimatorProvider estimator = estimators.get(rest);
    if (estimator == null) {
      estimator = resolve(rest, estimators, transforms)
          .orElseThrow(() -> new UnknownPluginException("estimator", rest,
              new TreeMap<>(estimators).keySet()));
    }
    return Optional.of(new ComposedEstimatorProvider(transform, estimator));
  }
}
