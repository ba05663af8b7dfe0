package org.logme.eval.table;

import java.util.function.BiFunction;
import org.logme.eval.stats.Correlation;
import org.logme.eval.stats.ModelSelection;
import org.logme.eval.stats.Statistic;

/**
 * The metrics of a {@link CorrelationTable}, each comparing one column's scores with the
 * ground truth over the models of a group. The {@link #key()}s are the JSON field names.
 *
 * @since 0.1
 */
public enum Metric {
  /** Weighted Kendall τ, {@link Correlation#weightedTau} (the LogME paper's measure). */
  WEIGHTED_TAU("weighted_tau", "weighted Kendall tau", true, Correlation::weightedTau),
  /** Kendall τ-b, {@link Correlation#kendallTauB}. */
  KENDALL_TAU_B("kendall_tau_b", "Kendall tau-b", true, Correlation::kendallTauB),
  /** Spearman ρ, {@link Correlation#spearman}. */
  SPEARMAN("spearman", "Spearman rho", true, Correlation::spearman),
  /** Pearson r, {@link Correlation#pearson}. */
  PEARSON("pearson", "Pearson r", true, Correlation::pearson),
  /** {@link ModelSelection#top1RelativeAccuracy}. */
  TOP1_RELATIVE_ACCURACY("top1_relative_accuracy", "top-1 relative accuracy", true,
      ModelSelection::top1RelativeAccuracy),
  /** {@link ModelSelection#regret}; lower is better. */
  REGRET("regret", "regret: best ground truth minus the top-scored model's", false,
      ModelSelection::regret);

  private final String key;
  private final String label;
  private final boolean higherIsBetter;
  private final BiFunction<double[], double[], Statistic> compute;

  Metric(String key, String label, boolean higherIsBetter,
      BiFunction<double[], double[], Statistic> compute) {
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
   * @param truth the ground truth
   * @return the metric
   */
  public Statistic compute(double[] scores, double[] truth) {
    return compute.apply(scores, truth);
  }
}
