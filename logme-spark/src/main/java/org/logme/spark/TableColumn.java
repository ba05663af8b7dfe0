package org.logme.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.logme.api.InvalidInputException;

/**
 * A column of a table named as on the command line: {@code TABLE:COLUMN}, where TABLE is a
 * Parquet file or a directory of part files as Spark writes them ({@code x.parquet}), or a
 * URL Spark's Parquet reader understands ({@code s3a://...}, {@code hdfs://...}).
 *
 * @param table the table's path or URL
 * @param column the column's name
 */
record TableColumn(String table, String column) {

  /**
   * @param spec {@code TABLE:COLUMN}
   * @param option the option it was given to, for messages
   * @return the parsed spec
   * @throws InvalidInputException if no column is named
   */
  static TableColumn parse(String spec, String option) {
    int colon = spec.lastIndexOf(':');
    if (colon <= 0 || colon == spec.length() - 1 || spec.substring(colon).startsWith("://")) {
      throw new InvalidInputException(spec + ": name the column as TABLE:COLUMN for " + option
          + ", e.g. features.parquet:embedding");
    }
    return new TableColumn(spec.substring(0, colon), spec.substring(colon + 1));
  }

  /**
   * @param spark the session
   * @return the table
   * @throws InvalidInputException if it is missing or not Parquet
   */
  Dataset<Row> read(SparkSession spark) {
    if (!table.contains("://") && !Files.exists(Path.of(table))) {
      throw new InvalidInputException(table + ": no such file or directory");
    }
    if (!table.contains("://") && !table.toLowerCase(Locale.ROOT).endsWith(".parquet")
        && !Files.isDirectory(Path.of(table))) {
      throw new InvalidInputException(table + ": not a Parquet table (a .parquet file or a"
          + " directory of part files); the Spark engine reads Parquet");
    }
    return SparkErrors.unwrapped(() -> spark.read().parquet(table));
  }
}
