package org.logme.api.estimator;

import java.util.List;

/**
 * One hyper-parameter an estimator accepts, as shown by {@code logme list --verbose} and set
 * with {@code --param name=value}.
 *
 * @param name the key
 * @param defaultValue the value used when none is given
 * @param description what it controls, in one line
 * @param choices the accepted values if the parameter is an enumeration, else empty
 * @since 0.1
 */
public record ParameterSpec(String name, String defaultValue, String description,
    List<String> choices) {
  /** Copies the choices. */
  public ParameterSpec {
    choices = List.copyOf(choices);
  }

  /**
   * @param name the key
   * @param defaultValue the default
   * @param description what it controls
   * @return a free-form parameter
   */
  public static ParameterSpec of(String name, String defaultValue, String description) {
    return new ParameterSpec(name, defaultValue, description, List.of());
  }

  /**
   * @param name the key
   * @param defaultValue the default, one of the choices
   * @param description what it controls
   * @param choices the accepted values
   * @return an enumerated parameter
   */
  public static ParameterSpec choice(String name, String defaultValue, String description,
      String... choices) {
    return new ParameterSpec(name, defaultValue, description, List.of(choices));
  }
}
