package org.logme.eval.table;

import java.util.ArrayList;
import java.util.List;
import org.logme.eval.stats.Statistic;
import org.logme.eval.stats.Ties;

/**
 * The paired values one metric is computed from: the scores of one column (negated if lower is
 * better, so higher is always better) and the ground truth (negated if it is an error), over the
 * models of a group that have a ground truth. A model without a score in this column is left
 * out of this column only (pairwise-complete): the metric uses the models that have both
 * values, and says how many ({@link #used()}); it is undefined, with the reason, when fewer
 * than two remain.
 */
final class ColumnSample {
  private final double[] allScores; // NaN where the model has no score
  private final double[] allTruth;
  final double[] scores;
  final double[] truth;
  final boolean truthHigherIsBetter;
  final Ties ties;
  final List<String> missing;
  final String undefinedReason;

  private ColumnSample(double[] allScores, double[] allTruth, boolean truthHigherIsBetter,
      Ties ties, List<String> missing) {
    this.allScores = allScores;
    this.allTruth = allTruth;
    this.truthHigherIsBetter = truthHigherIsBetter;
    this.ties = ties;
    this.missing = List.copyOf(missing);
    int complete = 0;
    for (double v : allScores) {
      complete += Double.isNaN(v) ? 0 : 1;
    }
    this.scores = new double[complete];
    this.truth = new double[complete];
    int k = 0;
    for (int i = 0; i < allScores.length; i++) {
      if (!Double.isNaN(allScores[i])) {
        scores[k] = allScores[i];
        truth[k++] = allTruth[i];
      }
    }
    this.undefinedReason = complete >= 2 ? null
        : "fewer than 2 models with both a score and a ground truth (" + complete + ")";
  }

  static ColumnSample of(ResultsTable table, Group group, int column, int[] models) {
    ScoreColumn spec = table.columns().get(column);
    double[] raw = group.scoreValues(column);
    double[] groupTruth = group.truthValues();
    double[] scores = new double[models.length];
    double[] truth = new double[models.length];
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < models.length; k++) {
      double v = raw[models[k]];
      if (Double.isNaN(v)) {
        missing.add(group.models().get(models[k]));
      }
      scores[k] = spec.higherIsBetter() ? v : -v;
      truth[k] = table.truthHigherIsBetter() ? groupTruth[models[k]] : -groupTruth[models[k]];
    }
    return new ColumnSample(scores, truth, table.truthHigherIsBetter(), table.ties(), missing);
  }

  /**
   * The same column on a bootstrap draw of the group's models with a ground truth (repeats
   * allowed), again pairwise-complete.
   */
  ColumnSample resample(int[] draw) {
    double[] s = new double[draw.length];
    double[] t = new double[draw.length];
    for (int k = 0; k < draw.length; k++) {
      s[k] = allScores[draw[k]];
      t[k] = allTruth[draw[k]];
    }
    return new ColumnSample(s, t, truthHigherIsBetter, ties, List.of());
  }

  /** @return how many models the metric uses: those with both a score and a ground truth */
  int used() {
    return scores.length;
  }

  boolean defined() {
    return undefinedReason == null;
  }

  /** @return the metric on this sample, or undefined with the reason */
  Statistic compute(Metric metric) {
    return defined() ? metric.compute(scores, truth, truthHigherIsBetter, ties)
        : Statistic.undefined(undefinedReason);
  }
}
