package org.logme.baselines;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.logme.api.NumericalException;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * What every baseline shares: its name, the inputs it accepts, the check that they are present
 * and the record of remapped class ids. Subclasses implement {@link #compute}.
 */
abstract class Baseline implements TransferabilityEstimator {
  /** Features plus class labels: what most baselines need. */
  static final List<Set<InputKind>> FEATURES_AND_LABELS =
      List.of(Set.of(InputKind.FEATURES, InputKind.LABELS));

  /** The hint for a numerical failure that came without one. */
  private static final String DEGENERATE_FEATURES = "the features are degenerate for this"
      + " estimator (constant, all-zero or collinear columns?): check them, or use another"
      + " estimator such as logme";

  private final String name;
  private final List<Set<InputKind>> accepted;

  private final EstimatorParameters parameters;

  /** For an estimator without hyper-parameters. */
  Baseline(String name, List<Set<InputKind>> accepted) {
    this(name, accepted, EstimatorParameters.none(name));
  }

  Baseline(String name, List<Set<InputKind>> accepted, EstimatorParameters parameters) {
    if (!parameters.estimator().equals(name)) {
      throw new IllegalArgumentException("parameters of '" + parameters.estimator()
          + "' given to estimator '" + name + "'");
    }
    this.name = name;
    this.accepted = List.copyOf(accepted);
    this.parameters = parameters;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final EstimatorParameters parameters() {
    return parameters;
  }

  @Override
  public final List<Set<InputKind>> acceptedInputs() {
    return accepted;
  }

  @Override
  public final EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    EstimateResult.Builder result;
    try {
      result = compute(input, backend);
    } catch (NumericalException e) {
      // a failure deep in the linear algebra: say which estimator, and what to look at
      throw e.attributedTo(name, DEGENERATE_FEATURES);
    }
    input.labels().filter(Labels::remapped).ifPresent(labels -> result
        .detail("class_ids", Arrays.stream(labels.classIds()).boxed().toList()));
    input.sourceProbabilities().filter(p -> p.renormalisedRows() > 0).ifPresent(p ->
        result.warning(p.renormalisedRows() + " of " + p.sampleCount() + " rows of " + p.origin()
            + " summed to 1 only within " + SourceProbabilities.ROW_SUM_TOLERANCE + " (rounded"
            + " probabilities?) and were divided by their sum"));
    return result.higherIsBetter(higherIsBetter()).parameters(parameters).build();
  }

  /**
   * @param input an input that satisfies {@link #acceptedInputs()}
   * @param backend the linear algebra
   * @return the result, not yet built
   */
  abstract EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend);

  /** @return a message prefix naming this estimator */
  final String prefix() {
    return "estimator '" + name + "': ";
  }
}
