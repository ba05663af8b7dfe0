package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.ArrayFiles;
import org.logme.io.NpyWriter;
import org.logme.spark.SparkSessions;

/**
 * The acceptance path through the command line: a Parquet table written by Spark (a
 * directory of snappy part files; {@code label} int, {@code features} array&lt;float&gt;) scored
 * with {@code --engine spark} (local mode), and read by the local engine, give the score of the
 * same data as {@code .npy} to 1e-9.
 */
class SparkEngineThroughCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path table;
  static Path npy;
  static Path labels;

  @BeforeAll
  static void writeTable() throws Exception {
    Path fixture = SharedFixtures.fixture("cls-digits");
    Matrix f = ArrayFiles.load(fixture.resolve("features.npy").toString()).asMatrix();
    double[] y = ArrayFiles.load(fixture.resolve("labels.npy").toString()).data();
    // float32, as the table stores it, so that both paths see the same values
    double[] rounded = f.data().clone();
    for (int i = 0; i < rounded.length; i++) {
      rounded[i] = (float) rounded[i];
    }
    npy = dir.resolve("features.npy");
    NpyWriter.write(npy, Matrix.wrap(f.rows(), f.cols(), rounded), NpyWriter.Type.FLOAT32, false);
    labels = dir.resolve("labels.npy");
    NpyWriter.write(labels, Matrix.column(y), NpyWriter.Type.FLOAT64, true);
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    StructType schema = new StructType()
        .add("label", DataTypes.IntegerType)
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < f.rows(); i++) {
      List<Float> values = new ArrayList<>();
      for (int j = 0; j < f.cols(); j++) {
        values.add((float) rounded[i * f.cols() + j]);
      }
      rows.add(RowFactory.create((int) y[i], values));
    }
    table = dir.resolve("digits.parquet");
    spark.createDataFrame(rows, schema).repartition(3).write().option("compression", "snappy")
        .parquet(table.toString());
  }

  private static JsonNode json(String... args) throws Exception {
    CliRunner.Run run = CliRunner.run(args);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    return JSON.readTree(run.out()).get("results");
  }

  @Test
  void sparkLocalAndNpyGiveTheSameScore() throws Exception {
    try (var parts = Files.list(table)) {
      assertThat(parts.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".snappy.parquet"));
    }
    JsonNode reference = json("score", "--features", npy.toString(), "--labels",
        labels.toString(), "--json");
    JsonNode spark = json("score", "--engine", "spark", "--master", "local[2]", "--features",
        table + ":features", "--labels", table + ":label", "--json");
    JsonNode local = json("score", "--features", table + ":features", "--labels",
        table + ":label", "--json");
    double expected = reference.get(0).get("score").asDouble();
    assertThat(relative(spark.get(0).get("score").asDouble(), expected))
        .isLessThanOrEqualTo(1e-9);
    assertThat(relative(local.get(0).get("score").asDouble(), expected))
        .isLessThanOrEqualTo(1e-12);
    assertThat(spark.get(0).get("feature_input").asText()).startsWith("computed on Spark");
    assertThat(spark.get(0).get("n").asInt()).isEqualTo(reference.get(0).get("n").asInt());
    JsonNode hscores = json("score", "--engine", "spark", "--master", "local[2]", "--features",
        table + ":features", "--labels", table + ":label", "--estimator",
        "hscore,hscore-shrinkage", "--json");
    JsonNode memory = json("score", "--features", npy.toString(), "--labels",
        labels.toString(), "--estimator", "hscore,hscore-shrinkage", "--read", "memory",
        "--json");
    for (int k = 0; k < 2; k++) {
      assertThat(relative(hscores.get(k).get("score").asDouble(),
          memory.get(k).get("score").asDouble())).isLessThanOrEqualTo(1e-9);
    }
  }

  private static double relative(double a, double b) {
    return Math.abs(a - b) / Math.abs(b);
  }
}
