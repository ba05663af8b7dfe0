package org.logme.eval.table;

import org.logme.eval.stats.Correlation;
import org.logme.eval.stats.ModelSelection;
import org.logme.eval.stats.Statistic;
import org.logme.eval.stats.Ties;

/**
 * The metrics of a {@link CorrelationTable}, each comparing one column's scores with the
 * ground truth over the models of a group. The {@link #key()}s are the JSON field names.
 *
 * @since 0.1
 */
public enum Metric {
  /** Weighted Kendall τ, {@link Correlation#weightedTau} (the LogME paper's measure). */
  WEIGHTED_TAU("weighted_tau", "weighted Kendall tau", true,
      (s, t, higher, ties) -> Correlation.weightedTau(s, t)),
  /** Kendall τ-b, {@link Correlation#kendallTauB}. */
  KENDALL_TAU_B("kendall_tau_b", "Kendall tau-b", true,
      (s, t, higher, ties) -> Correlation.kendallTauB(s, t)),
  /** Spearman ρ, {@link Correlation#spearman}. */
  SPEARMAN("spearman", "Spearman rho", true, (s, t, higher, ties) -> Correlation.spearman(s, t)),
  /** Pearson r, {@link Correlation#pearson}. */
  PEARSON("pearson", "Pearson r", true, (s, t, higher, ties) -> Correlation.pearson(s, t)),
  /** {@link ModelSelection#top1RelativeAccuracy}. */
  TOP1_RELATIVE_ACCURACY("top1_relative_accuracy", "top-1 relative accuracy", true,
      ModelSelection::top1RelativeAccuracy),
  /** {@link ModelSelection#regret}; lower is better. */
  REGRET("regret", "regret: best ground truth minus the top-scored model's", false,
      (s, t, higher, ties) -> ModelSelection.regret(s, t, ties));

  /** A metric's computation from oriented scores and truth. */
  @FunctionalInterface
  private interface Computation {
    Statistic apply(double[] scores, double[] truth, boolean truthHigherIsBetter, Ties ties);
  }

  private final String key;
  private final String label;
  private final boolean higherIsBetter;
  private final Computation compute;

  Metric(String key, String label, boolean higherIsBetter, Computation compute) {
    this.key = key;
    this.label = label;
    this.higherIsBetter = higherIsBetter;
    this.compute = compute;
  }

  /** @return the snake_case name used in JSON and CSV */
  public String key() {
    return key;
  }

  /** @return a short human-readable name */
  public String label() {
    return label;
  }

  /** @return true if a higher value means a better estimator (false for regret) */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * @param scores the scores, oriented so that higher is better
   * @param truth the ground truth (higher is better)
   * @return the metric, ties at the top averaged
   */
  public Statistic compute(double[] scores, double[] truth) {
    return compute(scores, truth, true, Ties.AVERAGE);
  }

  /**
   * @param scores the scores, oriented so that higher is better
   * @param truth the ground truth, oriented so that higher is better (negated if it is an
   *     error)
   * @param truthHigherIsBetter false if the ground truth was negated; the ratio of top-1
   *     relative accuracy is then taken in the original unit
   * @param ties which model a tie at the top picks (top-1 relative accuracy, regret)
   * @return the metric
   */
  public Statistic compute(double[] scores, double[] truth, boolean truthHigherIsBetter,
      Ties ties) {
    return compute.apply(scores, truth, truthHigherIsBetter, ties);
  }
}
