package org.logme.api.estimator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;
import org.logme.api.InvalidParameterException;

/**
 * One hyper-parameter of an estimator, declared once with everything that concerns it: its
 * name, type, default, the values it accepts (with the words that describe them) and a
 * one-line description. Providers list their parameters ({@link EstimatorProvider#parameters()});
 * the command line, {@code logme list --verbose} and {@link EstimatorParameters} read them from
 * there, so parsing, range checks and messages live in this one place.
 *
 * <p>Example: a provider declares
 * <pre>{@code
 *   static final Parameter<Integer> RATIO =
 *       Parameter.positiveInt("component_ratio", 5, "mixture components per target class");
 * }</pre>
 * and its estimator reads the resolved value with {@code parameters.get(RATIO)}.
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public final class Parameter<T> {
  /** The word that switches an optional dimension off. */
  public static final String NONE = "none";
  /** The word for leave-one-out cross-validation, as a number of folds. */
  public static final String LEAVE_ONE_OUT = "loo";
  /** The largest seed numpy's {@code RandomState} accepts, 2³² − 1. */
  public static final long MAX_SEED = 0xffffffffL;

  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final String description;
  private final String accepts;
  private final List<String> choices;
  private final Function<String, T> parser;
  private final Predicate<T> valid;
  private final Function<T, String> formatter;

  private Parameter(String name, Class<T> type, T defaultValue, String description,
      String accepts, List<String> choices, Function<String, T> parser, Predicate<T> valid,
      Function<T, String> formatter) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.accepts = accepts;
    this.choices = List.copyOf(choices);
    this.parser = parser;
    this.valid = valid;
    this.formatter = formatter;
    if (!valid.test(defaultValue)) {
      throw new IllegalArgumentException("the default of parameter '" + name + "', "
          + format(defaultValue) + ", is not " + accepts);
    }
  }

  /**
   * @param name the key
   * @param defaultValue the default, ≥ 1
   * @param description what it controls
   * @return an integer parameter that accepts 1, 2, …
   */
  public static Parameter<Integer> positiveInt(String name, int defaultValue, String description) {
    return new Parameter<>(name, Integer.class, defaultValue, description, "a positive integer",
        List.of(), s -> Integer.valueOf(s.trim()), v -> v >= 1, String::valueOf);
  }

  /**
   * A seed in numpy's range, so that a value given here means what it means to the reference.
   *
   * @param name the key
   * @param defaultValue the default, in 0..{@value #MAX_SEED}
   * @param description what it seeds
   * @return a seed parameter
   */
  public static Parameter<Long> seed(String name, long defaultValue, String description) {
    return new Parameter<>(name, Long.class, defaultValue, description,
        "an integer seed between 0 and " + MAX_SEED + " (numpy's range)", List.of(),
        s -> Long.valueOf(s.trim()), v -> v >= 0 && v <= MAX_SEED, String::valueOf);
  }

  /**
   * @param name the key
   * @param defaultValue the default, &gt; 0
   * @param description what it controls
   * @return a real parameter that accepts finite values &gt; 0
   */
  public static Parameter<Double> positive(String name, double defaultValue, String description) {
    return real(name, defaultValue, description, "a positive number", v -> v > 0);
  }

  /**
   * @param name the key
   * @param defaultValue the default, ≥ 0
   * @param description what it controls
   * @return a real parameter that accepts finite values ≥ 0
   */
  public static Parameter<Double> nonNegative(String name, double defaultValue,
      String description) {
    return real(name, defaultValue, description, "a number >= 0", v -> v >= 0);
  }

  /**
   * @param name the key
   * @param defaultValue the default, in (0, 1)
   * @param description what it controls
   * @return a real parameter that accepts values strictly between 0 and 1
   */
  public static Parameter<Double> openUnit(String name, double defaultValue, String description) {
    return real(name, defaultValue, description, "a number strictly between 0 and 1",
        v -> v > 0 && v < 1);
  }

  private static Parameter<Double> real(String name, double defaultValue, String description,
      String accepts, Predicate<Double> range) {
    return new Parameter<>(name, Double.class, defaultValue, description, accepts, List.of(),
        s -> Double.valueOf(s.trim()), v -> Double.isFinite(v) && range.test(v),
        Parameter::formatReal);
  }

  /**
   * An optional reduction to a number of dimensions, or {@value #NONE} for none.
   *
   * @param name the key
   * @param defaultValue the default: a positive count, or empty for {@value #NONE}
   * @param description what it controls
   * @return the parameter
   */
  public static Parameter<OptionalInt> dimensionsOrNone(String name, OptionalInt defaultValue,
      String description) {
    return new Parameter<>(name, OptionalInt.class, defaultValue, description,
        "a positive integer or '" + NONE + "'", List.of(),
        s -> s.trim().toLowerCase(Locale.ROOT).equals(NONE) ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(s.trim())),
        v -> v.isEmpty() || v.getAsInt() >= 1,
        v -> v.isPresent() ? String.valueOf(v.getAsInt()) : NONE);
  }

  /**
   * A number of cross-validation folds, 2 or more, or {@value #LEAVE_ONE_OUT} for leave-one-out
   * (as many folds as samples).
   *
   * @param name the key
   * @param defaultValue the default: a count ≥ 2, or empty for {@value #LEAVE_ONE_OUT}
   * @param description what it controls
   * @return the parameter
   * @since 0.2
   */
  public static Parameter<OptionalInt> foldsOrLeaveOneOut(String name, OptionalInt defaultValue,
      String description) {
    return new Parameter<>(name, OptionalInt.class, defaultValue, description,
        "an integer >= 2 or '" + LEAVE_ONE_OUT + "' (leave-one-out)", List.of(),
        s -> s.trim().toLowerCase(Locale.ROOT).equals(LEAVE_ONE_OUT) ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(s.trim())),
        v -> v.isEmpty() || v.getAsInt() >= 2,
        v -> v.isPresent() ? String.valueOf(v.getAsInt()) : LEAVE_ONE_OUT);
  }

  /**
   * One of a fixed set of values, named by their ids.
   *
   * @param name the key
   * @param type the enumeration
   * @param defaultValue the default
   * @param id the name users write for each constant, for example {@code fixed-point}
   * @param description what it selects; say what each choice means
   * @param <E> the enumeration
   * @return the parameter
   */
  public static <E extends Enum<E>> Parameter<E> choice(String name, Class<E> type,
      E defaultValue, Function<E, String> id, String description) {
    List<String> ids = Arrays.stream(type.getEnumConstants()).map(id).toList();
    return new Parameter<>(name, type, defaultValue, description,
        "one of " + String.join(", ", ids), ids, s -> {
          for (E e : type.getEnumConstants()) {
            if (id.apply(e).equals(s.trim())) {
              return e;
            }
          }
          throw new IllegalArgumentException(s);
        }, v -> true, id);
  }

  /**
   * The same parameter under another key, for example {@code ped.n_sigma} for PED's
   * {@code n_sigma} inside the composition {@code ped+logme}.
   *
   * @param key the new key
   * @return a parameter with that key and everything else unchanged
   * @since 0.2
   */
  public Parameter<T> renamed(String key) {
    return new Parameter<>(key, type, defaultValue, description, accepts, choices, parser, valid,
        formatter);
  }

  /** @return the key, as in {@code --param KEY=VALUE} */
  public String name() {
    return name;
  }

  /** @return the type of the value */
  public Class<T> type() {
    return type;
  }

  /** @return the value used when none is given */
  public T defaultValue() {
    return defaultValue;
  }

  /** @return what the parameter controls, in one line */
  public String description() {
    return description;
  }

  /** @return the values accepted, in words, e.g. {@code a positive integer} */
  public String accepts() {
    return accepts;
  }

  /** @return the accepted values of an enumerated parameter, else empty */
  public List<String> choices() {
    return choices;
  }

  /**
   * @param estimator the estimator's name, for the message
   * @param text the value as written by the user
   * @return the value
   * @throws InvalidParameterException if the text does not parse or the value is out of range;
   *     the message names the estimator, the parameter and what it accepts
   */
  public T parse(String estimator, String text) {
    T value;
    try {
      value = parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw rejected(estimator, text);
    }
    return check(estimator, value, text);
  }

  /**
   * @param estimator the estimator's name, for the message
   * @param value a value of this parameter's type
   * @return the value
   * @throws InvalidParameterException if the value is out of range
   */
  public T validate(String estimator, T value) {
    return check(estimator, type.cast(value), null);
  }

  private T check(String estimator, T value, String text) {
    if (value == null || !valid.test(value)) {
      throw rejected(estimator, text != null ? text : String.valueOf(value));
    }
    return value;
  }

  private InvalidParameterException rejected(String estimator, String text) {
    return new InvalidParameterException("estimator '" + estimator + "': parameter '" + name
        + "' must be " + accepts + ", not '" + text.trim() + "'");
  }

  /**
   * @param value a value of this parameter
   * @return how users write it: integers without a fraction, reals in their shortest form
   *     ({@code 1e-4}, {@code 0.8}), enumerations by id
   */
  public String format(T value) {
    return formatter.apply(value);
  }

  /** The shortest text that reads back as the same double, with a lower-case exponent. */
  private static String formatReal(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    String s = Double.toString(v);
    int e = s.indexOf('E');
    if (e < 0) {
      return s;
    }
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + s.substring(e + 1);
  }

  @Override
  public String toString() {
    return name + "=" + format(defaultValue) + " (" + accepts + ")";
  }
}
