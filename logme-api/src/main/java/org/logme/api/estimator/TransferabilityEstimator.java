package org.logme.api.estimator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** @return true if a higher score predicts better transfer (true for every estimator so far) */
  default boolean higherIsBetter() {
    return true;
  }

  /**
   * Says what is missing for this estimator to run on an input.
   *
   * @param input the available data
   * @return empty if the estimator can run, else a message naming the missing options
   */
  default Optional<String> missingInputs(EstimationInput input) {
    Set<InputKind> present = input.present();
    for (Set<InputKind> combination : acceptedInputs()) {
      if (present.containsAll(combination)) {
        return Optional.empty();
      }
    }
    String needs = acceptedInputs().stream()
        .map(c -> c.stream().sorted().map(InputKind::option).collect(Collectors.joining(" + ")))
        .collect(Collectors.joining(" or "));
    return Optional.of("estimator '" + name() + "' needs " + needs);
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
