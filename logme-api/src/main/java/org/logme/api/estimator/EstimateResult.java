package org.logme.api.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.NumericalException;

/**
 * The outcome of one estimate: the score, its direction, the hyper-parameters it was computed
 * with, the value per target (class or output) where the estimator has one, and diagnostics:
 * iterations, warnings and estimator-specific details (for LogME, α and β per class). Built
 * with {@link #builder}; a non-finite score is
 * refused, so NaN never passes for a result.
 *
 * @since 0.1
 */
public final class EstimateResult {
  private final String estimator;
  private final double score;
  private final boolean higherIsBetter;
  private final boolean setDependent;
  private final EstimatorParameters parameters;
  private final List<String> targetNames;
  private final double[] targetScores;
  private final int[] iterations;
  private final List<String> warnings;
  private final Map<String, Object> details;

  private EstimateResult(Builder b) {
    this.estimator = b.estimator;
    this.score = b.score;
    this.higherIsBetter = b.higherIsBetter;
    this.setDependent = b.setDependent;
    this.parameters = b.parameters != null ? b.parameters : EstimatorParameters.none(b.estimator);
    this.targetNames = List.copyOf(b.targetNames);
    this.targetScores = b.targetScores.clone();
    this.iterations = b.iterations.clone();
    this.warnings = List.copyOf(b.warnings);
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
  }

  /**
   * @param estimator the estimator's name
   * @param score the score
   * @return a builder
   */
  public static Builder builder(String estimator, double score) {
    return new Builder(estimator, score);
  }

  /** @return the estimator's name */
  public String estimator() {
    return estimator;
  }

  /** @return the score */
  public double score() {
    return score;
  }

  /** @return true if a higher score predicts better transfer */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * @return true if the score depends on the other candidate models it was computed with (a
   *     {@link CandidateSetEstimator} normalises over the set): it changes when a model is
   *     added or removed, and compares models only within that set
   * @since 0.2
   */
  public boolean setDependent() {
    return setDependent;
  }

  /**
   * A builder holding everything this result holds, under another estimator name (for an
   * estimator that wraps another, such as a feature transform composed with an estimator).
   *
   * @param name the estimator name of the new result
   * @return the builder, ready to add to
   * @since 0.2
   */
  public Builder toBuilder(String name) {
    Builder b = new Builder(name, score).higherIsBetter(higherIsBetter).setDependent(setDependent)
        .parameters(parameters).iterations(iterations).warnings(warnings);
    b.targetNames = targetNames;
    b.targetScores = targetScores.clone();
    b.details.putAll(details);
    return b;
  }

  /** @return the hyper-parameters the score was computed with, defaults included */
  public EstimatorParameters parameters() {
    return parameters;
  }

  /** @return the name of each target (class id or output column), parallel to targetScores */
  public List<String> targetNames() {
    return targetNames;
  }

  /** @return the value per target (a copy); empty if the estimator has none */
  public double[] targetScores() {
    return targetScores.clone();
  }

  /** @return iterations used per target (a copy); empty for closed-form estimators */
  public int[] iterations() {
    return iterations.clone();
  }

  /** @return warnings the user should see (non-convergence, fallbacks); empty normally */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * @return estimator-specific values, in insertion order: numbers, strings, booleans or lists
   *     of them
   */
  public Map<String, Object> details() {
    return details;
  }

  @Override
  public String toString() {
    return estimator + "=" + score + (warnings.isEmpty() ? "" : " " + warnings);
  }

  /**
   * Assembles an {@link EstimateResult}.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String estimator;
    private final double score;
    private boolean higherIsBetter = true;
    private boolean setDependent;
    private EstimatorParameters parameters;
    private List<String> targetNames = List.of();
    private double[] targetScores = new double[0];
    private int[] iterations = new int[0];
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Builder(String estimator, double score) {
      this.estimator = estimator;
      this.score = score;
    }

    /**
     * @param value true if a higher score predicts better transfer (the default)
     * @return this builder
     */
    public Builder higherIsBetter(boolean value) {
      this.higherIsBetter = value;
      return this;
    }

    /**
     * @param value true if the score depends on the other candidates it was computed with
     *     (false by default)
     * @return this builder
     * @since 0.2
     */
    public Builder setDependent(boolean value) {
      this.setDependent = value;
      return this;
    }

    /**
     * @param value the hyper-parameters the score was computed with (none by default)
     * @return this builder
     */
    public Builder parameters(EstimatorParameters value) {
      this.parameters = value;
      return this;
    }

    /**
     * @param names the name of each target
     * @param scores the value per target
     * @return this builder
     */
    public Builder targets(List<String> names, double[] scores) {
      if (names.size() != scores.length) {
        throw new IllegalArgumentException(names.size() + " target names for " + scores.length
            + " target scores");
      }
      this.targetNames = List.copyOf(names);
      this.targetScores = scores.clone();
      return this;
    }

    /**
     * @param value iterations used per target
     * @return this builder
     */
    public Builder iterations(int[] value) {
      this.iterations = value.clone();
      return this;
    }

    /**
     * @param message a warning for the user
     * @return this builder
     */
    public Builder warning(String message) {
      warnings.add(message);
      return this;
    }

    /**
     * @param messages warnings for the user
     * @return this builder
     */
    public Builder warnings(List<String> messages) {
      warnings.addAll(messages);
      return this;
    }

    /**
     * @param key a short snake_case name
     * @param value a number, string, boolean, or a list or array of those
     * @return this builder
     */
    public Builder detail(String key, Object value) {
      details.put(key, value instanceof double[] d ? Arrays.stream(d).boxed().toList() : value);
      return this;
    }

    /**
     * @return the result
     * @throws NumericalException if the score is NaN or infinite
     */
    public EstimateResult build() {
      if (!Double.isFinite(score)) {
        throw new NumericalException("estimator '" + estimator + "' produced a non-finite score ("
            + score + "); the input is degenerate for this estimator (for example constant"
            + " features or a class that cannot be separated numerically)");
      }
      return new EstimateResult(this);
    }
  }
}
