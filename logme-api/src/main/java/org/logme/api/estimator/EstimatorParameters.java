package org.logme.api.estimator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.logme.api.InvalidParameterException;

/**
 * Hyper-parameter values for one estimator, checked against its {@link ParameterSpec}s: unknown
 * keys and values outside a parameter's choices are rejected, missing keys take their default.
 *
 * @since 0.1
 */
public final class EstimatorParameters {
  private final String estimator;
  private final Map<String, String> values;

  private EstimatorParameters(String estimator, Map<String, String> values) {
    this.estimator = estimator;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * @param estimator the estimator's name, for messages
   * @param specs the parameters it accepts
   * @param given the values set by the user (may be empty)
   * @return the full set of values, defaults filled in
   * @throws InvalidParameterException for an unknown key or a value outside the choices
   */
  public static EstimatorParameters resolve(String estimator, List<ParameterSpec> specs,
      Map<String, String> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    specs.forEach(s -> byName.put(s.name(), s));
    for (String key : new TreeMap<>(given).keySet()) {
      if (!byName.containsKey(key)) {
        throw new InvalidParameterException("estimator '" + estimator + "' has no parameter '" + key
            + "'; " + (byName.isEmpty() ? "it takes none"
            : "it takes: " + String.join(", ", byName.keySet())));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      String value = given.getOrDefault(spec.name(), spec.defaultValue());
      if (!spec.choices().isEmpty() && !spec.choices().contains(value)) {
        throw new InvalidParameterException("estimator '" + estimator + "': parameter '"
            + spec.name() + "' must be one of " + String.join(", ", spec.choices())
            + ", not '" + value + "'");
      }
      values.put(spec.name(), value);
    }
    return new EstimatorParameters(estimator, values);
  }

  /**
   * @param key a declared parameter
   * @return its value
   */
  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("estimator '" + estimator + "' declares no parameter '"
          + key + "'");
    }
    return value;
  }

  /**
   * @param key a declared parameter
   * @return its value as a double
   * @throws InvalidParameterException if it does not parse as a finite number
   */
  public double getDouble(String key) {
    String value = get(key);
    try {
      double d = Double.parseDouble(value.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
        + "' must be a finite number, not '" + value + "'");
  }

  /**
   * @param key a declared parameter
   * @return its value as an int
   * @throws InvalidParameterException if it does not parse as an integer
   */
  public int getInt(String key) {
    String value = get(key);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("estimator '" + estimator + "': parameter '" + key
          + "' must be an integer, not '" + value + "'");
    }
  }

  /** @return every value, defaults included, in declaration order */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", estimator + "{", "}"));
  }
}
