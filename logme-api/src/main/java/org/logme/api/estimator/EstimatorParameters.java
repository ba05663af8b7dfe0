package org.logme.api.estimator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.logme.api.InvalidParameterException;

/**
 * The resolved hyper-parameters of one estimator: a typed value for every {@link Parameter} it
 * declares, defaults filled in. Unknown keys and invalid values are rejected when resolving, so
 * an estimator that receives an instance reads valid values only. Every
 * {@link EstimateResult} carries the instance it was computed with.
 *
 * <p>Example: {@code EstimatorParameters.resolve("nleep", provider.parameters(),
 * Map.of("seed", "3"))}, then {@code parameters.get(SEED)} in the estimator.
 *
 * @since 0.1
 */
public final class EstimatorParameters {
  private final String estimator;
  private final Map<String, Parameter<?>> declared;
  private final Map<String, Object> values;

  private EstimatorParameters(String estimator, Map<String, Parameter<?>> declared,
      Map<String, Object> values) {
    this.estimator = estimator;
    this.declared = Collections.unmodifiableMap(declared);
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * @param estimator the estimator's name, for messages
   * @param parameters the parameters it declares
   * @param given values written by the user, by key (may be empty)
   * @return every declared parameter's value, defaults filled in
   * @throws InvalidParameterException for an unknown key or a value the parameter does not
   *     accept
   */
  public static EstimatorParameters resolve(String estimator, List<Parameter<?>> parameters,
      Map<String, String> given) {
    Map<String, Parameter<?>> byName = new LinkedHashMap<>();
    parameters.forEach(p -> byName.put(p.name(), p));
    for (String key : new TreeMap<>(given).keySet()) {
      if (!byName.containsKey(key)) {
        throw new InvalidParameterException("estimator '" + estimator + "' has no parameter '" + key
            + "'; " + (byName.isEmpty() ? "it takes none"
            : "it takes: " + String.join(", ", byName.keySet())));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Parameter<?> p : parameters) {
      String text = given.get(p.name());
      values.put(p.name(), text == null ? p.defaultValue() : p.parse(estimator, text));
    }
    return new EstimatorParameters(estimator, byName, values);
  }

  /**
   * @param estimator the estimator's name
   * @param parameters the parameters it declares
   * @return the defaults
   */
  public static EstimatorParameters defaults(String estimator, List<Parameter<?>> parameters) {
    return resolve(estimator, parameters, Map.of());
  }

  /**
   * @param estimator the name of an estimator that takes no parameters
   * @return the empty set of values
   */
  public static EstimatorParameters none(String estimator) {
    return defaults(estimator, List.of());
  }

  /**
   * @param parameter a declared parameter
   * @param value its new value
   * @param <T> its type
   * @return a copy with that value
   * @throws InvalidParameterException if the value is out of the parameter's range
   * @throws IllegalArgumentException if the estimator does not declare the parameter
   */
  public <T> EstimatorParameters with(Parameter<T> parameter, T value) {
    requireDeclared(parameter);
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(parameter.name(), parameter.validate(estimator, value));
    return new EstimatorParameters(estimator, new LinkedHashMap<>(declared), copy);
  }

  /**
   * @param parameter a declared parameter
   * @param <T> its type
   * @return its value
   * @throws IllegalArgumentException if the estimator does not declare it
   */
  public <T> T get(Parameter<T> parameter) {
    requireDeclared(parameter);
    return parameter.type().cast(values.get(parameter.name()));
  }

  private void requireDeclared(Parameter<?> parameter) {
    if (declared.get(parameter.name()) != parameter) {
      throw new IllegalArgumentException("estimator '" + estimator + "' declares no parameter '"
          + parameter.name() + "'");
    }
  }

  /** @return the estimator these values belong to */
  public String estimator() {
    return estimator;
  }

  /** @return the declared parameters, in declaration order */
  public List<Parameter<?>> parameters() {
    return List.copyOf(declared.values());
  }

  /** @return every value as users write it ({@link Parameter#format}), in declaration order */
  public Map<String, String> asText() {
    Map<String, String> text = new LinkedHashMap<>();
    declared.values().forEach(p -> text.put(p.name(), formatted(p)));
    return Collections.unmodifiableMap(text);
  }

  /** @return every value, typed, in declaration order */
  public Map<String, Object> asMap() {
    return values;
  }

  private <T> String formatted(Parameter<T> p) {
    return p.format(p.type().cast(values.get(p.name())));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EstimatorParameters other && estimator.equals(other.estimator)
        && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return estimator.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return asText().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", estimator + "{", "}"));
  }
}
