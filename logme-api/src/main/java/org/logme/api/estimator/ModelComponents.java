package org.logme.api.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.NumericalException;

/**
 * One candidate model's own values for a {@link CandidateSetEstimator}: the per-model
 * components (for NCTI its three terms, for ETran its energy and LDA terms) that the estimator
 * then combines over the whole candidate set. Computed from that model's input alone, so the
 * candidates of a zoo can be processed one at a time and in parallel.
 *
 * @since 0.2
 */
public final class ModelComponents {
  private final String estimator;
  private final Map<String, Double> values;
  private final List<String> warnings;
  private final Map<String, Object> details;

  /**
   * @param estimator the estimator's name
   * @param values the components by name, in a fixed order; all finite
   * @param warnings warnings for the user about this model (fallbacks, deviations)
   * @param details estimator-specific diagnostics (numbers, strings, booleans, lists or
   *     arrays of them)
   * @throws NumericalException if a component is NaN or infinite
   */
  public ModelComponents(String estimator, Map<String, Double> values, List<String> warnings,
      Map<String, Object> details) {
    for (var e : values.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        throw new NumericalException("estimator '" + estimator + "' produced a non-finite "
            + e.getKey() + " (" + e.getValue() + "); the input is degenerate for this"
            + " estimator (for example constant features)");
      }
    }
    this.estimator = estimator;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.warnings = List.copyOf(warnings);
    Map<String, Object> copy = new LinkedHashMap<>();
    details.forEach((k, v) -> copy.put(k, v instanceof double[] d
        ? Arrays.stream(d).boxed().toList() : v));
    this.details = Collections.unmodifiableMap(copy);
  }

  /** @return the estimator's name */
  public String estimator() {
    return estimator;
  }

  /** @return the components by name, in order */
  public Map<String, Double> values() {
    return values;
  }

  /**
   * @param name a component's name
   * @return its value
   * @throws IllegalArgumentException if there is no such component
   */
  public double value(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("estimator '" + estimator + "' has no component '"
          + name + "'; it has " + values.keySet());
    }
    return v;
  }

  /** @return warnings for the user about this model */
  public List<String> warnings() {
    return warnings;
  }

  /** @return estimator-specific diagnostics */
  public Map<String, Object> details() {
    return details;
  }

  /**
   * Min-max normalises one component over a candidate set, as NCTI's and ETran's reference
   * code do: (v − min)/(max − min). When every candidate has the same value the component
   * cannot order them; the reference then divides 0 by 0 (NaN), here every candidate gets 0
   * and a warning is added to {@code warnings}.
   *
   * @param candidates the candidates' components
   * @param name the component
   * @param warnings receives a line when the component is constant over the set
   * @return the normalised values, in candidate order, in [0, 1]
   */
  public static double[] minMax(List<ModelComponents> candidates, String name,
      List<String> warnings) {
    double[] v = new double[candidates.size()];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v.length; i++) {
      v[i] = candidates.get(i).value(name);
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    double[] out = new double[v.length];
    if (max == min) {
      warnings.add("component '" + name + "' is the same for every candidate (" + min
          + "), so it cannot order them: it counts as 0 for each (the reference divides 0 by 0)");
      return out;
    }
    for (int i = 0; i < v.length; i++) {
      out[i] = (v[i] - min) / (max - min);
    }
    return out;
  }

  /**
   * @return a copy of the details and the components, for a result's details: every
   *     component under its name, then the details
   */
  public Map<String, Object> asDetails() {
    Map<String, Object> out = new LinkedHashMap<>(values);
    out.putAll(details);
    return out;
  }

  /**
   * @param extra warnings to add
   * @return these components with more warnings
   */
  public ModelComponents withWarnings(List<String> extra) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(extra);
    return new ModelComponents(estimator, values, all, details);
  }

  @Override
  public String toString() {
    return estimator + values;
  }
}
