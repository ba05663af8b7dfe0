package org.logme.eval.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The paired values one metric is computed from: the scores of one column (negated if lower is
 * better, so higher is always better) and the ground truth, over the models of a group that
 * have a ground truth. Undefined, with a reason, if one of those models has no score.
 */
final class ColumnSample {
  final double[] scores;
  final double[] truth;
  final String undefinedReason;

  private ColumnSample(double[] scores, double[] truth, String undefinedReason) {
    this.scores = scores;
    this.truth = truth;
    this.undefinedReason = undefinedReason;
  }

  static ColumnSample of(Group group, int column, ScoreColumn spec, int[] models) {
    double[] raw = group.scoreValues(column);
    double[] allTruth = group.truthValues();
    double[] scores = new double[models.length];
    double[] truth = new double[models.length];
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < models.length; k++) {
      double v = raw[models[k]];
      if (Double.isNaN(v)) {
        missing.add(group.models().get(models[k]));
      }
      scores[k] = spec.higherIsBetter() ? v : -v;
      truth[k] = allTruth[models[k]];
    }
    String reason = missing.isEmpty() ? null
        : "no '" + spec.name() + "' score for " + String.join(", ", missing);
    return new ColumnSample(scores, truth, reason);
  }

  /** The same column restricted to some of its models, repeats allowed (a bootstrap draw). */
  ColumnSample resample(int[] draw) {
    double[] s = new double[draw.length];
    double[] t = new double[draw.length];
    for (int k = 0; k < draw.length; k++) {
      s[k] = scores[draw[k]];
      t[k] = truth[draw[k]];
    }
    return new ColumnSample(s, t, undefinedReason);
  }

  boolean defined() {
    return undefinedReason == null;
  }
}
