package org.logme.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.Matrix;

/**
 * The sufficient statistics of a Spark {@link Dataset}'s feature columns with its labels or
 * targets, computed where the data lives: each partition summarises its rows
 * ({@code mapPartitions}: blocks centred at their own means, merged pairwise), and the partial
 * statistics are merged on the way to the driver by {@code treeAggregate} with
 * {@link FeatureStatistics.Accumulator} (Chan, Golub &amp; LeVeque's update), so the result does
 * not depend on the partitioning beyond rounding. Only O(D² + D·C) per partition travels; the
 * features never leave the executors.
 *
 * <p>Two passes over the table: the labels alone ({@code groupBy(label).count()}, to fix the
 * class order, C values) or the targets ({@code collect} of the target column, N·K values), then
 * the features. The driver keeps the labels as N class ids sorted by class (their order no
 * longer matters once the statistics are summed): 4 bytes per row.
 *
 * <p>Feature columns: {@code array<float|double|int|...>} or Spark ML / MLlib {@code Vector}.
 * Labels: integer (non-negative) or string columns; string classes are numbered in sorted order.
 * Targets: numeric or numeric array columns.
 *
 * @since 0.1
 */
public final class SparkStatistics {
  /** The depth of the aggregation tree: partitions merge in √P groups before the driver. */
  static final int TREE_DEPTH = 2;

  private SparkStatistics() {
  }

  /**
   * Statistics of one or several feature columns with the labels or targets they were
   * accumulated with.
   *
   * @param statistics by feature column, in the order asked for
   * @param labels the class labels, or null
   * @param targets the targets, or null
   * @param classNames for string labels, the name of each class index; empty otherwise
   * @param partitions the number of partitions aggregated
   */
  public record Result(Map<String, FeatureStatistics> statistics, Labels labels, Targets targets,
      List<String> classNames, int partitions) {

    /**
     * @param column a feature column
     * @return the estimators' input for that column
     * @throws IllegalArgumentException if the column was not summarised
     */
    public EstimationInput input(String column) {
      FeatureStatistics s = statistics.get(column);
      if (s == null) {
        throw new IllegalArgumentException("no statistics of column '" + column + "'; there are: "
            + statistics.keySet());
      }
      return EstimationInput.builder().featureStatistics(s).labels(labels).targets(targets)
          .build();
    }
  }

  /**
   * @param data the table
   * @param featureColumns one feature column per model (one pass for all of them)
   * @param labelColumn the class labels
   * @param origin the table, for messages (e.g. its path)
   * @return the statistics with one-vs-rest indicator targets
   * @throws InvalidInputException if a column is missing, malformed or holds NaN
   */
  public static Result ofLabels(Dataset<Row> data, List<String> featureColumns,
      String labelColumn, String origin) {
    return SparkErrors.unwrapped(() -> {
      ColumnValues label = ColumnValues.of(data.schema(), labelColumn, origin);
      if (label.vectors()) {
        throw new InvalidInputException(label.origin() + ": labels must be one integer or string"
            + " per row, not an array");
      }
      Classes classes = Classes.of(data, label);
      Result r = aggregate(data, featureColumns, label, classes.index(), 1, origin);
      Labels labels = classes.labels(label.origin());
      return new Result(r.statistics(), labels, null, classes.names(), r.partitions());
    });
  }

  /**
   * @param data the table
   * @param featureColumns one feature column per model
   * @param targetColumn a numeric column (one output) or numeric array column (K outputs)
   * @param multiLabel true if the targets are 0/1 label indicators
   * @param origin the table, for messages
   * @return the statistics with the target columns
   * @throws InvalidInputException if a column is missing, malformed or holds NaN
   */
  public static Result ofTargets(Dataset<Row> data, List<String> featureColumns,
      String targetColumn, boolean multiLabel, String origin) {
    return SparkErrors.unwrapped(() -> {
      ColumnValues target = ColumnValues.of(data.schema(), targetColumn, origin);
      if (target.kind() == ColumnValues.Kind.STRING) {
        throw new InvalidInputException(target.origin() + ": targets must be numbers; for class"
            + " names use --labels");
      }
      List<Row> rows = data.select(targetColumn).collectAsList();
      if (rows.isEmpty()) {
        throw new InvalidInputException(origin + ": the table has no rows");
      }
      int k = target.vectors() ? target.length(rows.get(0), 0, "row 0") : 1;
      double[] y = new double[Math.multiplyExact(rows.size(), k)];
      for (int i = 0; i < rows.size(); i++) {
        if (target.vectors()) {
          target.vector(rows.get(i), 0, y, i * k, k, "row " + i);
        } else {
          y[i] = target.number(rows.get(i), 0, "row " + i);
        }
      }
      Matrix ym = Matrix.wrap(rows.size(), k, y);
      Targets targets = multiLabel ? Targets.multiLabel(ym, target.origin())
          : Targets.regression(ym, target.origin());
      Result r = aggregate(data, featureColumns, target, null, k, origin);
      return new Result(r.statistics(), null, targets, List.of(), r.partitions());
    });
  }

  private static Result aggregate(Dataset<Row> data, List<String> featureColumns,
      ColumnValues target, Map<Object, Integer> classes, int targetCount, String origin) {
    if (featureColumns.isEmpty()) {
      throw new IllegalArgumentException("no feature column given");
    }
    List<ColumnValues> features = new ArrayList<>();
    List<Column> selected = new ArrayList<>();
    for (String column : featureColumns) {
      ColumnValues values = ColumnValues.of(data.schema(), column, origin);
      if (!values.vectors()) {
        throw new InvalidInputException(values.origin() + ": features must be an array or"
            + " Vector column (one vector of D values per row), not "
            + data.schema().apply(column).dataType().simpleString());
      }
      features.add(values);
      selected.add(functions.col(column));
    }
    selected.add(functions.col(target.column()));
    Dataset<Row> rows = data.select(selected.toArray(new Column[0]));
    List<Row> first = rows.limit(1).collectAsList();
    if (first.isEmpty()) {
      throw new InvalidInputException(origin + ": the table has no rows");
    }
    int[] dimensions = new int[features.size()];
    for (int m = 0; m < dimensions.length; m++) {
      dimensions[m] = features.get(m).length(first.get(0), m, "row 0");
      if (dimensions[m] == 0) {
        throw new InvalidInputException(features.get(m).origin() + ": row 0 has no features");
      }
    }
    JavaRDD<Row> rdd = rows.javaRDD();
    PartitionStatistics perPartition = new PartitionStatistics(features, dimensions, target,
        classes, targetCount);
    FeatureStatistics.Accumulator[] zero = new FeatureStatistics.Accumulator[features.size()];
    for (int m = 0; m < zero.length; m++) {
      zero[m] = new FeatureStatistics.Accumulator();
    }
    FeatureStatistics.Accumulator[] totals = rdd.mapPartitions(perPartition).treeAggregate(zero,
        (acc, part) -> {
          for (int m = 0; m < acc.length; m++) {
            acc[m].add(part[m]);
          }
          return acc;
        },
        (a, b) -> {
          for (int m = 0; m < a.length; m++) {
            a[m].addAll(b[m]);
          }
          return a;
        }, TREE_DEPTH);
    Map<String, FeatureStatistics> statistics = new LinkedHashMap<>();
    for (int m = 0; m < features.size(); m++) {
      statistics.put(featureColumns.get(m), totals[m].result(features.get(m).origin()));
    }
    return new Result(statistics, null, null, List.of(), rdd.getNumPartitions());
  }

  /** The classes present, in sorted order, with their counts. */
  private record Classes(List<Object> keys, long[] counts, boolean named) {
    static Classes of(Dataset<Row> data, ColumnValues label) {
      List<Row> groups = data.groupBy(label.column()).count().collectAsList();
      Map<Object, Long> counts = new java.util.TreeMap<>();
      for (Row g : groups) {
        counts.merge(label.label(g, 0, "a row"), g.getLong(1), Long::sum);
      }
      return new Classes(new ArrayList<>(counts.keySet()),
          counts.values().stream().mapToLong(Long::longValue).toArray(),
          label.kind() == ColumnValues.Kind.STRING);
    }

    Map<Object, Integer> index() {
      Map<Object, Integer> index = new HashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        index.put(keys.get(i), i);
      }
      return index;
    }

    List<String> names() {
      return named ? keys.stream().map(Object::toString).toList() : List.of();
    }

    /** N labels sorted by class: the ids (or, for names, the class indices). */
    Labels labels(String origin) {
      long n = 0;
      for (long c : counts) {
        n += c;
      }
      if (n > Integer.MAX_VALUE - 8) {
        throw new InvalidInputException(origin + ": " + n + " rows, more than the "
            + (Integer.MAX_VALUE - 8) + " an estimator can count; score a sample of the rows");
      }
      double[] raw = new double[(int) n];
      int at = 0;
      for (int c = 0; c < counts.length; c++) {
        double id = named ? c : ((Long) keys.get(c)).doubleValue();
        java.util.Arrays.fill(raw, at, at + (int) counts[c], id);
        at += (int) counts[c];
      }
      return Labels.of(raw, origin);
    }
  }
}
