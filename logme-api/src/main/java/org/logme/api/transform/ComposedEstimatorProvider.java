package org.logme.api.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.InvalidParameterException;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;

/**
 * The estimator {@code TRANSFORM+ESTIMATOR}: a feature transform applied to a model's
 * features, then an estimator scoring the transformed features. Its parameters are the
 * transform's and the estimator's, each prefixed with its owner's name and a dot
 * ({@code ped.n_sigma}, {@code logme.algorithm}); its direction is the estimator's.
 *
 * @since 0.2
 */
public final class ComposedEstimatorProvider implements EstimatorProvider {
  /** Joins the transform's name and the estimator's. */
  public static final String SEPARATOR = "+";

  private final FeatureTransformProvider transform;
  private final EstimatorProvider estimator;
  private final List<Parameter<?>> parameters;

  /**
   * @param transform the transform
   * @param estimator an estimator that takes features
   * @throws InvalidParameterException if the estimator does not take features
   */
  public ComposedEstimatorProvider(FeatureTransformProvider transform,
      EstimatorProvider estimator) {
    this.transform = transform;
    this.estimator = estimator;
    boolean takesFeatures = estimator.create().acceptedInputs().stream()
        .anyMatch(c -> c.contains(InputKind.FEATURES));
    if (!takesFeatures) {
      throw new InvalidParameterException("estimator '" + estimator.name() + "' does not take"
          + " features, so the feature transform '" + transform.name() + "' cannot be composed"
          + " with it; compose it with an estimator that takes --features");
    }
    if (accepted(transform.create(EstimatorParameters.defaults(transform.name(),
        transform.parameters())), estimator.create()).isEmpty()) {
      throw new InvalidParameterException("the feature transform '" + transform.name()
          + "' needs inputs that estimator '" + estimator.name() + "' cannot take with its"
          + " features, so they cannot be composed");
    }
    List<Parameter<?>> all = new ArrayList<>();
    transform.parameters().forEach(p -> all.add(p.renamed(transform.name() + "." + p.name())));
    estimator.parameters().forEach(p -> all.add(p.renamed(estimator.name() + "." + p.name())));
    this.parameters = List.copyOf(all);
  }

  @Override
  public String name() {
    return transform.name() + SEPARATOR + estimator.name();
  }

  @Override
  public String description() {
    return transform.description() + ", then " + estimator.description();
  }

  @Override
  public List<Parameter<?>> parameters() {
    return parameters;
  }

  /** @return the transform's provider */
  public FeatureTransformProvider transform() {
    return transform;
  }

  /** @return the estimator's provider */
  public EstimatorProvider estimator() {
    return estimator;
  }

  @Override
  public TransferabilityEstimator create(EstimatorParameters values) {
    Map<String, String> text = values.asText();
    FeatureTransform t = transform.create(EstimatorParameters.resolve(transform.name(),
        transform.parameters(), part(text, transform.name())));
    TransferabilityEstimator e = estimator.create(EstimatorParameters.resolve(estimator.name(),
        estimator.parameters(), part(text, estimator.name())));
    if (e instanceof CandidateSetEstimator set) {
      return new ComposedSetEstimator(name(), values, t, set);
    }
    return new ComposedEstimator(name(), values, t, e);
  }

  /** The values whose key starts with {@code owner.}, without that prefix. */
  private static Map<String, String> part(Map<String, String> text, String owner) {
    Map<String, String> out = new LinkedHashMap<>();
    String prefix = owner + ".";
    text.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /**
   * @param transform a transform
   * @param estimator an estimator
   * @return the combinations of inputs the composition accepts: the estimator's that include
   *     features, each with what the transform needs, leaving out those that would need both
   *     labels and targets (an input has one or the other)
   */
  static List<Set<InputKind>> accepted(FeatureTransform transform,
      TransferabilityEstimator estimator) {
    List<Set<InputKind>> out = new ArrayList<>();
    for (Set<InputKind> combination : estimator.acceptedInputs()) {
      if (combination.contains(InputKind.FEATURES)) {
        Set<InputKind> union = java.util.EnumSet.copyOf(combination);
        union.addAll(transform.requiredInputs());
        if (!(union.contains(InputKind.LABELS) && union.contains(InputKind.TARGETS))) {
          out.add(Set.copyOf(union));
        }
      }
    }
    return List.copyOf(out);
  }
}
