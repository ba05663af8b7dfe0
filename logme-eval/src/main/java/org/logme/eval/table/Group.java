package org.logme.eval.table;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The models of one group of a {@link ResultsTable} (for example one target dataset), with
 * their ground truth and scores. Values may be missing: a model without a ground truth, or an
 * estimator that could not score a model.
 *
 * @since 0.1
 */
public final class Group {
  private final String name;
  private final List<String> models;
  private final double[] truth; // NaN marks a missing value; null if the table has no truth
  private final double[][] scores; // [column][model], NaN marks a missing value

  Group(String name, List<String> models, double[] truth, double[][] scores) {
    this.name = name;
    this.models = List.copyOf(models);
    this.truth = truth;
    this.scores = scores;
  }

  /** @return the group's name ({@code all} when the table has no group column) */
  public String name() {
    return name;
  }

  /** @return the model names, in table order */
  public List<String> models() {
    return models;
  }

  /** @return the number of models */
  public int size() {
    return models.size();
  }

  /**
   * @param model a model index in {@link #models()}
   * @return its ground truth, or empty if it has none
   */
  public OptionalDouble truth(int model) {
    return truth == null || Double.isNaN(truth[model]) ? OptionalDouble.empty()
        : OptionalDouble.of(truth[model]);
  }

  /**
   * @param column a column index in {@link ResultsTable#columns()}
   * @param model a model index in {@link #models()}
   * @return the score, or empty if the model has none in that column
   */
  public OptionalDouble score(int column, int model) {
    double v = scores[column][model];
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** @return the indices of the models that have a ground truth */
  public int[] modelsWithTruth() {
    List<Integer> with = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      if (truth(i).isPresent()) {
        with.add(i);
      }
    }
    return with.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Raw ground truth (NaN for missing), or null; shared, not copied. */
  double[] truthValues() {
    return truth;
  }

  /** Raw scores of one column (NaN for missing); shared, not copied. */
  double[] scoreValues(int column) {
    return scores[column];
  }

  /** A copy with another ground truth. */
  Group withTruth(double[] values) {
    return new Group(name, models, values, scores);
  }

  /** A copy without the named models (the others keep their order). */
  Group without(java.util.Set<String> removed) {
    int[] kept = java.util.stream.IntStream.range(0, models.size())
        .filter(m -> !removed.contains(models.get(m))).toArray();
    double[][] keptScores = new double[scores.length][kept.length];
    for (int c = 0; c < scores.length; c++) {
      for (int k = 0; k < kept.length; k++) {
        keptScores[c][k] = scores[c][kept[k]];
      }
    }
    double[] keptTruth = null;
    if (truth != null) {
      keptTruth = new double[kept.length];
      for (int k = 0; k < kept.length; k++) {
        keptTruth[k] = truth[kept[k]];
      }
    }
    return new Group(name, java.util.Arrays.stream(kept).mapToObj(models::get).toList(),
        keptTruth, keptScores);
  }

  /** A copy with more score columns appended. */
  Group withColumns(double[][] extra) {
    double[][] all = new double[scores.length + extra.length][];
    System.arraycopy(scores, 0, all, 0, scores.length);
    System.arraycopy(extra, 0, all, scores.length, extra.length);
    return new Group(name, models, truth, all);
  }
}
