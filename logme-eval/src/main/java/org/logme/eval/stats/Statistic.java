package org.logme.eval.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * A computed statistic, or the reason it is undefined. The value is NaN exactly when it is
 * undefined, and then {@link #reason()} says why (for example "the scores are constant"), so a
 * NaN never travels without an explanation.
 *
 * @param value the value; NaN if undefined
 * @param reason why the value is undefined; null when it is defined
 * @since 0.1
 */
public record Statistic(double value, String reason) {

  /**
   * @param value the value
   * @param reason null if defined; otherwise why not
   * @throws IllegalArgumentException if a defined value is not finite, or an undefined one has
   *     no reason
   */
  public Statistic {
    if (reason == null && !Double.isFinite(value)) {
      throw new IllegalArgumentException("a defined statistic must be finite, got " + value);
    }
    if (reason != null) {
      value = Double.NaN;
    }
  }

  /**
   * @param value a finite value
   * @return the defined statistic
   */
  public static Statistic of(double value) {
    return new Statistic(value, null);
  }

  /**
   * @param reason why there is no value, phrased for the user
   * @return an undefined statistic (NaN)
   */
  public static Statistic undefined(String reason) {
    return new Statistic(Double.NaN, Objects.requireNonNull(reason, "reason"));
  }

  /** @return true if there is a value */
  public boolean defined() {
    return reason == null;
  }

  /** @return the reason it is undefined, or empty if defined */
  public Optional<String> undefinedReason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public String toString() {
    return defined() ? Double.toString(value) : "NaN (" + reason + ")";
  }
}
