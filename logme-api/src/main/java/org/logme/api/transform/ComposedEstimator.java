package org.logme.api.transform;

import java.util.List;
import java.util.Set;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * A feature transform followed by an estimator (see {@link ComposedEstimatorProvider}). The
 * result is the estimator's, under the composed name and parameters, with the transform's
 * diagnostics in its details as {@code TRANSFORM.KEY} and its warnings prefixed with its name.
 */
final class ComposedEstimator implements TransferabilityEstimator {
  private final String name;
  private final EstimatorParameters parameters;
  private final FeatureTransform transform;
  private final TransferabilityEstimator estimator;
  private final List<Set<InputKind>> accepted;

  ComposedEstimator(String name, EstimatorParameters parameters, FeatureTransform transform,
      TransferabilityEstimator estimator) {
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
  public EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    Transformed transformed = transform.apply(input, backend);
    EstimateResult inner = estimator.estimate(input.withFeatures(transformed.features()),
        backend);
    return annotate(inner.toBuilder(name).parameters(parameters), transform.name(), transformed)
        .build();
  }

  /** Adds a transform's warnings and details to a result. */
  static EstimateResult.Builder annotate(EstimateResult.Builder result, String transform,
      Transformed transformed) {
    transformed.warnings().forEach(w -> result.warning(transform + ": " + w));
    transformed.details().forEach((k, v) -> result.detail(transform + "." + k, v));
    return result;
  }
}
