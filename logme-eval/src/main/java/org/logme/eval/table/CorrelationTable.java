package org.logme.eval.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Statistic;

/**
 * Every {@link Metric} for every group and score column of a {@link ResultsTable}, and the mean
 * over groups: the table of the LogME paper (estimators as rows, datasets as columns).
 *
 * <p>Only models with a ground truth take part (the others are listed in {@link #notes()}).
 * A metric is undefined, with its reason, when a model lacks a score, when fewer than two
 * models remain, or when a side is constant; the mean is undefined if the metric is undefined
 * in any group.
 *
 * @since 0.1
 */
public final class CorrelationTable {
  private final ResultsTable table;
  private final Map<String, Map<String, Map<Metric, Statistic>>> values;
  private final Map<String, Map<Metric, Statistic>> means;
  private final List<String> notes;

  private CorrelationTable(ResultsTable table,
      Map<String, Map<String, Map<Metric, Statistic>>> values,
      Map<String, Map<Metric, Statistic>> means, List<String> notes) {
    this.table = table;
    this.values = values;
    this.means = means;
    this.notes = List.copyOf(notes);
  }

  /**
   * @param table a table with a ground truth
   * @return the metrics
   * @throws InvalidParameterException if the table has no ground truth
   */
  public static CorrelationTable compute(ResultsTable table) {
    if (table.truthName().isEmpty()) {
      throw new InvalidParameterException(table.origin() + " has no ground truth (for example"
          + " fine-tuned accuracy), so there is nothing to correlate the scores with");
    }
    List<String> notes = new ArrayList<>();
    Map<String, Map<String, Map<Metric, Statistic>>> values = new LinkedHashMap<>();
    for (Group group : table.groups()) {
      int[] models = group.modelsWithTruth();
      if (models.length < group.size()) {
        notes.add(leftOut(table, group));
      }
      Map<String, Map<Metric, Statistic>> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < table.columns().size(); c++) {
        ScoreColumn column = table.columns().get(c);
        byColumn.put(column.name(), metrics(ColumnSample.of(group, c, column, models)));
      }
      values.put(group.name(), byColumn);
    }
    Map<String, Map<Metric, Statistic>> means = new LinkedHashMap<>();
    for (ScoreColumn column : table.columns()) {
      Map<Metric, Statistic> mean = new EnumMap<>(Metric.class);
      for (Metric metric : Metric.values()) {
        mean.put(metric, mean(values, column.name(), metric));
      }
      means.put(column.name(), mean);
    }
    return new CorrelationTable(table, values, means, notes);
  }

  private static String leftOut(ResultsTable table, Group group) {
    List<String> without = new ArrayList<>();
    for (int m = 0; m < group.size(); m++) {
      if (group.truth(m).isEmpty()) {
        without.add(group.models().get(m));
      }
    }
    return (table.groups().size() > 1 ? "group '" + group.name() + "': " : "")
        + without.size() + " model" + (without.size() == 1 ? "" : "s") + " without "
        + table.truthName().orElseThrow() + " left out of the correlations: "
        + String.join(", ", without);
  }

  static Map<Metric, Statistic> metrics(ColumnSample sample) {
    Map<Metric, Statistic> out = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      out.put(metric, sample.defined() ? metric.compute(sample.scores, sample.truth)
          : Statistic.undefined(sample.undefinedReason));
    }
    return out;
  }

  private static Statistic mean(Map<String, Map<String, Map<Metric, Statistic>>> values,
      String column, Metric metric) {
    double sum = 0;
    List<String> undefinedIn = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<Metric, Statistic>>> group : values.entrySet()) {
      Statistic s = group.getValue().get(column).get(metric);
      if (s.defined()) {
        sum += s.value();
      } else {
        undefinedIn.add(group.getKey());
      }
    }
    return undefinedIn.isEmpty() ? Statistic.of(sum / values.size())
        : Statistic.undefined("undefined in group" + (undefinedIn.size() == 1 ? " " : "s ")
            + String.join(", ", undefinedIn));
  }

  /** @return the table the metrics were computed from */
  public ResultsTable table() {
    return table;
  }

  /** @return the group names, in table order */
  public List<String> groups() {
    return List.copyOf(values.keySet());
  }

  /** @return the score columns, in table order */
  public List<ScoreColumn> columns() {
    return table.columns();
  }

  /**
   * @param group a group name
   * @param column a column name
   * @param metric the metric
   * @return its value in that group
   * @throws IllegalArgumentException for an unknown group or column
   */
  public Statistic get(String group, String column, Metric metric) {
    Map<String, Map<Metric, Statistic>> byColumn = values.get(group);
    if (byColumn == null || !byColumn.containsKey(column)) {
      throw new IllegalArgumentException("no group '" + group + "' with column '" + column
          + "'");
    }
    return byColumn.get(column).get(metric);
  }

  /**
   * @param column a column name
   * @param metric the metric
   * @return its mean over the groups
   * @throws IllegalArgumentException for an unknown column
   */
  public Statistic mean(String column, Metric metric) {
    Map<Metric, Statistic> byMetric = means.get(column);
    if (byMetric == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    return byMetric.get(metric);
  }

  /** @return remarks about the computation, such as models left out for lacking a truth */
  public List<String> notes() {
    return notes;
  }

  /**
   * Every undefined value with its reason, for warnings, one line per group, column and
   * reason, for example {@code "Aircraft / leep: every model has the same score (0.5)
   * [weighted_tau, kendall_tau_b, spearman, pearson]"}; groups in order, then the means (as
   * group {@code mean}).
   *
   * @return the lines, empty if every value is defined
   */
  public List<String> undefinedValues() {
    List<String> lines = new ArrayList<>();
    values.forEach((group, byColumn) -> byColumn.forEach((column, byMetric) ->
        describeUndefined(group + " / " + column, byMetric, lines)));
    means.forEach((column, byMetric) -> describeUndefined("mean / " + column, byMetric, lines));
    return lines;
  }

  private static void describeUndefined(String where, Map<Metric, Statistic> byMetric,
      List<String> lines) {
    Map<String, List<String>> metricsByReason = new LinkedHashMap<>();
    byMetric.forEach((metric, s) -> s.undefinedReason().ifPresent(reason ->
        metricsByReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(metric.key())));
    metricsByReason.forEach((reason, metrics) -> lines.add(where + ": " + reason + " "
        + metrics));
  }
}
