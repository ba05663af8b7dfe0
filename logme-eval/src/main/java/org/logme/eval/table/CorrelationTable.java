package org.logme.eval.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Statistic;

/**
 * Every {@link Metric} for every group and score column of a {@link ResultsTable}, and the mean
 * over groups: the table of the LogME paper (estimators as rows, datasets as columns).
 *
 * <p>Only models with a ground truth take part (the others are listed in {@link #notes()}).
 * Values are pairwise-complete: a model without a score in a column is left out of that
 * column only, and {@link #models} says how many models each value uses. A metric is
 * undefined, with its reason, when fewer than two models have both values or when a side is
 * constant. The mean of a metric is over the groups where it is defined: a group where it is
 * undefined for every column (say, a group with one model) drops out of every mean, and a
 * column whose mean covers fewer groups than the others says so ({@link #meanGroups}).
 *
 * @since 0.1
 */
public final class CorrelationTable {
  private final ResultsTable table;
  private final Map<String, Map<String, Map<Metric, Statistic>>> values;
  private final Map<String, Map<String, Integer>> models;
  private final Map<String, Map<Metric, Statistic>> means;
  private final Map<String, Map<Metric, Integer>> meanGroups;
  private final List<String> notes;

  private CorrelationTable(ResultsTable table,
      Map<String, Map<String, Map<Metric, Statistic>>> values,
      Map<String, Map<String, Integer>> models, Map<String, Map<Metric, Statistic>> means,
      Map<String, Map<Metric, Integer>> meanGroups, List<String> notes) {
    this.table = table;
    this.values = values;
    this.models = models;
    this.means = means;
    this.meanGroups = meanGroups;
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
    List<String> notes = new ArrayList<>(table.notes());
    Map<String, Map<String, Map<Metric, Statistic>>> values = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> used = new LinkedHashMap<>();
    int emptyCells = 0;
    for (Group group : table.groups()) {
      int[] withTruth = group.modelsWithTruth();
      if (withTruth.length < group.size()) {
        notes.add(leftOut(table, group));
      }
      Map<String, Map<Metric, Statistic>> byColumn = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int c = 0; c < table.columns().size(); c++) {
        ColumnSample sample = ColumnSample.of(table, group, c, withTruth);
        emptyCells += sample.missing.size();
        byColumn.put(table.columns().get(c).name(), metrics(sample));
        counts.put(table.columns().get(c).name(), sample.used());
      }
      values.put(group.name(), byColumn);
      used.put(group.name(), counts);
    }
    if (emptyCells > 0) {
      notes.add(emptyCells + " score cell" + (emptyCells == 1 ? " is" : "s are") + " empty:"
          + " each value uses the models that have both a score and a ground truth"
          + " (pairwise-complete; the count is shown beside each value)");
    }
    Map<String, Map<Metric, Statistic>> means = new LinkedHashMap<>();
    Map<String, Map<Metric, Integer>> meanGroups = new LinkedHashMap<>();
    Set<String> droppedEverywhere = new LinkedHashSet<>();
    for (ScoreColumn column : table.columns()) {
      Map<Metric, Statistic> mean = new EnumMap<>(Metric.class);
      Map<Metric, Integer> counted = new EnumMap<>(Metric.class);
      for (Metric metric : Metric.values()) {
        Set<String> eligible = groupsDefinedForSomeColumn(values, metric);
        table.groups().stream().map(Group::name).filter(g -> !eligible.contains(g))
            .forEach(droppedEverywhere::add);
        List<String> undefinedIn = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (String group : eligible) {
          Statistic s = values.get(group).get(column.name()).get(metric);
          if (s.defined()) {
            sum += s.value();
            count++;
          } else {
            undefinedIn.add(group);
          }
        }
        counted.put(metric, count);
        mean.put(metric, count == 0 ? Statistic.undefined("undefined in every group")
            : Statistic.of(sum / count));
        if (count > 0 && !undefinedIn.isEmpty()) {
          notes.add("mean / " + column.name() + " / " + metric.key() + ": over " + count + " of "
              + eligible.size() + " groups (undefined in " + String.join(", ", undefinedIn)
              + ")");
        }
      }
      means.put(column.name(), mean);
      meanGroups.put(column.name(), counted);
    }
    // with one group there is no mean to be left out of
    droppedEverywhere.stream().filter(g -> table.groups().size() > 1).forEach(g -> notes.add("group '" + g + "' is left out of the means of the"
        + " metrics that are undefined there for every column (" + reasonIn(values, g) + ")"));
    return new CorrelationTable(table, values, used, means, meanGroups, notes);
  }

  /** The groups where a metric is defined for at least one column. */
  private static Set<String> groupsDefinedForSomeColumn(
      Map<String, Map<String, Map<Metric, Statistic>>> values, Metric metric) {
    Set<String> groups = new LinkedHashSet<>();
    values.forEach((group, byColumn) -> {
      if (byColumn.values().stream().anyMatch(m -> m.get(metric).defined())) {
        groups.add(group);
      }
    });
    return groups;
  }

  private static String reasonIn(Map<String, Map<String, Map<Metric, Statistic>>> values,
      String group) {
    return values.get(group).values().stream().flatMap(m -> m.values().stream())
        .map(Statistic::undefinedReason).flatMap(java.util.Optional::stream).findFirst()
        .orElse("undefined");
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
      out.put(metric, sample.compute(metric));
    }
    return out;
  }

  /**
   * @param group a group name
   * @param column a column name
   * @return how many models the group's values of that column use: those with both a score
   *     and a ground truth
   * @throws IllegalArgumentException for an unknown group or column
   */
  public int models(String group, String column) {
    Map<String, Integer> byColumn = models.get(group);
    if (byColumn == null || !byColumn.containsKey(column)) {
      throw new IllegalArgumentException("no group '" + group + "' with column '" + column
          + "'");
    }
    return byColumn.get(column);
  }

  /**
   * @param column a column name
   * @param metric the metric
   * @return how many groups its mean is over
   * @throws IllegalArgumentException for an unknown column
   */
  public int meanGroups(String column, Metric metric) {
    Map<Metric, Integer> byMetric = meanGroups.get(column);
    if (byMetric == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    return byMetric.get(metric);
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
