package org.logme.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.logme.api.InvalidParameterException;
import org.logme.io.StatisticsEngine;

/**
 * {@code logme score --engine spark}: the statistics of a Parquet table's feature column,
 * computed by {@link SparkStatistics} on the session of {@link SparkSessions} (local mode unless
 * a master is given or {@code spark-submit} configured one). The estimators then run on the
 * driver.
 *
 * @since 0.1
 */
public final class SparkEngine implements StatisticsEngine {
  /** The name users select it by. */
  public static final String NAME = "spark";

  /** Creates the engine (sessions are created when statistics are asked for). */
  public SparkEngine() {
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Result statistics(Request request) {
    TableColumn features = TableColumn.parse(request.features(), "--features");
    String targetSpec = request.labels() != null ? request.labels() : request.targets();
    if (targetSpec == null) {
      throw new InvalidParameterException("the Spark engine needs --labels or --targets");
    }
    TableColumn target = TableColumn.parse(targetSpec,
        request.labels() != null ? "--labels" : "--targets");
    if (!target.table().equals(features.table())) {
      throw new InvalidParameterException("with --engine spark the features and the "
          + (request.labels() != null ? "labels" : "targets") + " must be columns of one table"
          + " (" + features.table() + " and " + target.table() + " differ): a table's rows have"
          + " no order to align two tables by; join them into one table first");
    }
    long start = System.nanoTime();
    SparkSession spark = SparkSessions.getOrCreate(request.master());
    Dataset<Row> table = features.read(spark);
    SparkStatistics.Result r = request.labels() != null
        ? SparkStatistics.ofLabels(table, List.of(features.column()), target.column(),
            features.table())
        : SparkStatistics.ofTargets(table, List.of(features.column()), target.column(),
            request.multiLabel(), features.table());
    String description = String.format(java.util.Locale.ROOT, "computed on Spark %s (master %s,"
        + " %d partitions): centred statistics per partition, merged by treeAggregate in %.1f s",
        spark.version(), spark.sparkContext().master(), r.partitions(),
        (System.nanoTime() - start) / 1e9)
        + (r.classNames().isEmpty() ? "" : "; classes in sorted order: "
        + String.join(", ", r.classNames()));
    return new Result(r.statistics().get(features.column()), r.labels(), r.targets(),
        description);
  }
}
