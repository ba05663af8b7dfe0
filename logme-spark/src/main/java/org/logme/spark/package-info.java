/**
 * LogME and the statistics-based estimators on Apache Spark: {@link org.logme.spark.SparkStatistics}
 * computes the mergeable sufficient statistics of a {@code Dataset}'s feature columns
 * ({@code mapPartitions} + {@code treeAggregate}), {@link org.logme.spark.SparkScorer} scores one
 * model or a zoo from them on the driver, {@link org.logme.spark.SparkEngine} is
 * {@code logme score --engine spark}, and {@link org.logme.spark.ParquetFormat} lets the
 * single-machine commands read {@code table.parquet:COLUMN}. Spark (4.x, Scala 2.13) is a
 * provided dependency.
 *
 * @since 0.1
 */
package org.logme.spark;
