package org.logme.baselines;

import java.util.Locale;
import java.util.OptionalInt;
import org.logme.api.InvalidParameterException;
import org.logme.api.estimator.EstimatorParameters;

/** Range-checked readings of estimator parameters. */
final class ParameterValues {
  /** The value that switches off an optional dimension reduction. */
  static final String NONE = "none";

  private ParameterValues() {
  }

  static int positiveInt(EstimatorParameters parameters, String estimator, String key) {
    int value = parameters.getInt(key);
    if (value < 1) {
      throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
          + "' must be a positive integer, not " + value);
    }
    return value;
  }

  static long seed(EstimatorParameters parameters, String estimator, String key) {
    String raw = parameters.get(key).trim();
    try {
      long value = Long.parseLong(raw);
      if (value >= 0 && value <= 0xffffffffL) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
        + "' must be an integer seed between 0 and 4294967295 (numpy's range), not '" + raw + "'");
  }

  static double positiveDouble(EstimatorParameters parameters, String estimator, String key) {
    double value = parameters.getDouble(key);
    if (!(value > 0)) {
      throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
          + "' must be a positive number, not " + value);
    }
    return value;
  }

  static double openUnit(EstimatorParameters parameters, String estimator, String key) {
    double value = parameters.getDouble(key);
    if (!(value > 0 && value < 1)) {
      throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
          + "' must be strictly between 0 and 1, not " + value);
    }
    return value;
  }

  /** A positive integer, or empty for {@value #NONE}. */
  static OptionalInt optionalDimensions(EstimatorParameters parameters, String estimator,
      String key) {
    String raw = parameters.get(key).trim();
    if (raw.toLowerCase(Locale.ROOT).equals(NONE)) {
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1) {
        return OptionalInt.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
        + "' must be a positive integer or '" + NONE + "', not '" + raw + "'");
  }
}
