package org.logme.api.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * A feature transform followed by a set-level estimator: each candidate's features are
 * transformed before its components are computed; the combination is the estimator's.
 */
final class ComposedSetEstimator implements CandidateSetEstimator {
  private final String name;
  private final EstimatorParameters parameters;
  private final FeatureTransform transform;
  private final CandidateSetEstimator estimator;
  private final List<Set<InputKind>> accepted;

  ComposedSetEstimator(String name, EstimatorParameters parameters, FeatureTransform transform,
      CandidateSetEstimator estimator) {
    this.name = name;
    this.parameters = parameters;
    this.transform = transform;
    this.estimator = estimator;
    this.accepted = ComposedEstimatorProvider.accepted(transform, estimator);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Set<InputKind>> acceptedInputs() {
    return accepted;
  }

  @Override
  public boolean higherIsBetter() {
    return estimator.higherIsBetter();
  }

  @Override
  public EstimatorParameters parameters() {
    return parameters;
  }

  @Override
  public int minimumCandidates() {
    return estimator.minimumCandidates();
  }

  @Override
  public ModelComponents components(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    Transformed transformed = transform.apply(input, backend);
    ModelComponents inner = estimator.components(input.withFeatures(transformed.features()),
        backend);
    List<String> warnings = new ArrayList<>(inner.warnings());
    transformed.warnings().forEach(w -> warnings.add(transform.name() + ": " + w));
    Map<String, Object> details = new LinkedHashMap<>(inner.details());
    transformed.details().forEach((k, v) -> details.put(transform.name() + "." + k, v));
    return new ModelComponents(name, inner.values(), warnings, details);
  }

  @Override
  public List<EstimateResult> combine(List<ModelComponents> candidates) {
    List<ModelComponents> inner = new ArrayList<>();
    for (ModelComponents c : candidates) {
      inner.add(new ModelComponents(estimator.name(), c.values(), c.warnings(), c.details()));
    }
    List<EstimateResult> out = new ArrayList<>();
    for (EstimateResult r : estimator.combine(inner)) {
      out.add(r.toBuilder(name).parameters(parameters).build());
    }
    return out;
  }
}
