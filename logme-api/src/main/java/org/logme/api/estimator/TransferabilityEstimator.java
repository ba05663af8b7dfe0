package org.logme.api.estimator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Scores how well a pre-trained model is expected to transfer to a target task, from the
 * model's outputs on the target data alone (no fine-tuning). Scores of one estimator are
 * comparable across models on the same target data; {@link #higherIsBetter()} gives the
 * direction.
 *
 * <p>Implementations are immutable and thread-safe: one instance may score many models
 * concurrently.
 *
 * @since 0.1
 */
public interface TransferabilityEstimator {

  /** @return the estimator's name, as its provider declares it */
  String name();

  /**
   * The combinations of inputs the estimator can work from. It runs if every kind in at least
   * one of the sets is present; for example LogME accepts {FEATURES, LABELS} or
   * {FEATURES, TARGETS}.
   *
   * @return the accepted combinations, in order of preference
   */
  List<Set<InputKind>> acceptedInputs();

  /**
   * @return true if the estimator can work from {@link EstimationInput#featureStatistics()}
   *     (N, FᵀF, Fᵀ1, FᵀY) in place of the features themselves, so that features can be
   *     streamed; false by default
   */
  default boolean acceptsFeatureStatistics() {
    return false;
  }

  /** @return true if a higher score predicts better transfer (true for every estimator so far) */
  default boolean higherIsBetter() {
    return true;
  }

  /**
   * @return true if a model's score depends on the other candidate models (the estimator is a
   *     {@link CandidateSetEstimator}); false by default
   * @since 0.2
   */
  default boolean setDependent() {
    return false;
  }

  /**
   * @return the hyper-parameters this instance was configured with (recorded in every
   *     {@link EstimateResult}); none by default
   */
  default EstimatorParameters parameters() {
    return EstimatorParameters.none(name());
  }

  /**
   * What is missing for the estimator to run when the given kinds of input are available.
   *
   * @param available the kinds at hand
   * @return empty if at least one accepted combination is covered; otherwise the kinds missing
   *     from the accepted combination that lacks the fewest (the first such in order of
   *     preference). Render the full requirement with {@link InputKind#describe}.
   */
  default Set<InputKind> missingInputs(Set<InputKind> available) {
    Set<InputKind> nearest = null;
    for (Set<InputKind> combination : acceptedInputs()) {
      Set<InputKind> missing = EnumSet.noneOf(InputKind.class);
      missing.addAll(combination);
      missing.removeAll(available);
      if (missing.isEmpty()) {
        return Set.of();
      }
      if (nearest == null || missing.size() < nearest.size()) {
        nearest = missing;
      }
    }
    return nearest == null ? Set.of() : Collections.unmodifiableSet(nearest);
  }

  /**
   * What is missing for the estimator to run on an input; sufficient statistics count as
   * features for an estimator that {@link #acceptsFeatureStatistics() accepts them}.
   *
   * @param input the available data
   * @return empty if the estimator can run, else the missing kinds (see
   *     {@link #missingInputs(Set)})
   */
  default Set<InputKind> missingInputs(EstimationInput input) {
    Set<InputKind> present = EnumSet.noneOf(InputKind.class);
    present.addAll(input.present());
    if (acceptsFeatureStatistics() && input.featureStatistics().isPresent()) {
      present.add(InputKind.FEATURES);
    }
    return missingInputs(present);
  }

  /**
   * Fails unless the estimator can run on an input; estimators call it first in
   * {@link #estimate}.
   *
   * @param input the available data
   * @throws org.logme.api.InvalidInputException naming, in plain words, what the estimator
   *     needs
   */
  default void requireInputs(EstimationInput input) {
    if (!missingInputs(input).isEmpty()) {
      throw new org.logme.api.InvalidInputException("estimator '" + name() + "' needs "
          + InputKind.describe(acceptedInputs(), InputKind::label));
    }
  }

  /**
   * Computes the score.
   *
   * @param input the data; must satisfy one of {@link #acceptedInputs()}
   * @param backend the linear algebra to use
   * @return the score with diagnostics
   * @throws org.logme.api.InvalidInputException if the input lacks what the estimator needs
   *     or is unsuitable for it
   * @throws org.logme.api.NumericalException if no trustworthy score can be computed
   */
  EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend);
}
