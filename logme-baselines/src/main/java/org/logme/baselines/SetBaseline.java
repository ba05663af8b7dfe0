package org.logme.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.NumericalException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * What every set-level baseline shares: its name, inputs and parameters, the check that the
 * inputs are present, failures attributed to the estimator, and the combination step's
 * bookkeeping (one result per candidate, flagged set-dependent, with the candidate's own
 * components and the normalised ones in its details). Subclasses implement
 * {@link #computeComponents} and {@link #score}.
 */
abstract class SetBaseline implements CandidateSetEstimator {
  private static final String DEGENERATE_FEATURES = "the features are degenerate for this"
      + " estimator (constant, all-zero or collinear columns?): check them, or use another"
      + " estimator such as logme";

  private final String name;
  private final List<Set<InputKind>> accepted;
  private final EstimatorParameters parameters;

  SetBaseline(String name, List<Set<InputKind>> accepted, EstimatorParameters parameters) {
    this.name = name;
    this.accepted = List.copyOf(accepted);
    this.parameters = parameters;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final List<Set<InputKind>> acceptedInputs() {
    return accepted;
  }

  @Override
  public final EstimatorParameters parameters() {
    return parameters;
  }

  @Override
  public final ModelComponents components(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    try {
      ModelComponents components = computeComponents(input, backend);
      Labels labels = input.labels().orElse(null);
      if (labels != null && labels.remapped()) {
        Map<String, Object> details = new LinkedHashMap<>(components.details());
        details.put("class_ids", Arrays.stream(labels.classIds()).boxed().toList());
        return new ModelComponents(name, components.values(), components.warnings(), details);
      }
      return components;
    } catch (NumericalException e) {
      throw e.attributedTo(name, DEGENERATE_FEATURES);
    }
  }

  @Override
  public final List<EstimateResult> combine(List<ModelComponents> candidates) {
    requireCandidates(candidates.size());
    for (ModelComponents c : candidates) {
      if (!c.estimator().equals(name)) {
        throw new IllegalArgumentException("components of '" + c.estimator() + "' given to '"
            + name + "'");
      }
    }
    List<String> setWarnings = new ArrayList<>();
    List<Map<String, Double>> normalised = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      normalised.add(new LinkedHashMap<>());
    }
    for (String component : candidates.get(0).values().keySet()) {
      double[] v = ModelComponents.minMax(candidates, component, setWarnings);
      for (int i = 0; i < v.length; i++) {
        normalised.get(i).put(component, v[i]);
      }
    }
    List<EstimateResult> results = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      ModelComponents c = candidates.get(i);
      EstimateResult.Builder b = EstimateResult.builder(name, score(normalised.get(i)))
          .higherIsBetter(higherIsBetter()).setDependent(true).parameters(parameters)
          .warnings(c.warnings()).warnings(setWarnings);
      c.asDetails().forEach(b::detail);
      normalised.get(i).forEach((k, v) -> b.detail(k + "_normalised", v));
      b.detail("candidates", candidates.size());
      results.add(b.build());
    }
    return results;
  }

  /**
   * @param input an input that satisfies {@link #acceptedInputs()}
   * @param backend the linear algebra
   * @return the candidate's own components
   */
  abstract ModelComponents computeComponents(EstimationInput input,
      LinearAlgebraBackend backend);

  /**
   * @param normalised each component min-max normalised over the set, by name
   * @return the candidate's score
   */
  abstract double score(Map<String, Double> normalised);

  /** @return a message prefix naming this estimator */
  final String prefix() {
    return "estimator '" + name + "': ";
  }
}
