package org.logme.eval.stats;

import java.util.Optional;
import org.logme.api.InvalidInputException;

/** Checks shared by the coefficients: equal lengths, finite values, enough variation. */
final class Samples {
  private Samples() {
  }

  /**
   * @throws InvalidInputException if the lengths differ or a value is not finite
   */
  static void requireValid(double[] scores, double[] truth) {
    if (scores.length != truth.length) {
      throw new InvalidInputException(scores.length + " scores but " + truth.length
          + " ground-truth values; give one of each per model");
    }
    requireFinite(scores, "score");
    requireFinite(truth, "ground-truth value");
  }

  static void requireFinite(double[] values, String what) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidInputException("the " + what + " of model " + i + " is " + values[i]
            + "; every value must be a finite number");
      }
    }
  }

  /**
   * @return why a coefficient between the two is undefined: fewer than two models, or either
   *     side constant; empty if it is defined
   */
  static Optional<String> whyUndefined(double[] scores, double[] truth) {
    if (scores.length < 2) {
      return Optional.of("fewer than 2 models (" + scores.length + ")");
    }
    if (constant(scores)) {
      return Optional.of("every model has the same score (" + scores[0] + ")");
    }
    if (constant(truth)) {
      return Optional.of("every model has the same ground-truth value (" + truth[0] + ")");
    }
    return Optional.empty();
  }

  static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }
}
