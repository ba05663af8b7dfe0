package org.logme.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.core.LogMeEstimator;
import org.logme.core.testing.LogMeCase;
import org.logme.numerics.linalg.GramKernel;
import org.logme.numerics.stats.BlockStatistics;

/**
 * Spark local mode against the in-memory path: LogME on every fixture to 1e-9, the same score
 * for 1, 3 and 7 partitions to 1e-12, the statistics of the partitions merged equal to those of
 * the whole table, H-score and a zoo in one pass, and clean errors.
 */
class SparkStatisticsTest {
  private static final LinearAlgebraBackend BACKEND = Backends.all().get(0);
  private static final TransferabilityEstimator LOGME = LogMeEstimator.withDefaults();

  static List<String> cases() {
    return LogMeCase.names();
  }

  private static Dataset<Row> table(LogMeCase c, int partitions) {
    return LocalSpark.table(c.features().matrix(),
        c.regression() ? null : labelsOf(c), c.regression() ? c.targets().matrix() : null,
        c.name().contains("float32"), partitions);
  }

  private static double[] labelsOf(LogMeCase c) {
    return org.logme.io.ArrayFiles.load(c.dir().resolve("labels.npy").toString()).data();
  }

  private static SparkStatistics.Result statistics(LogMeCase c, Dataset<Row> table) {
    return c.regression()
        ? SparkStatistics.ofTargets(table, List.of("features"), "target", false, c.name())
        : SparkStatistics.ofLabels(table, List.of("features"), "label", c.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logMeOnSparkEqualsInMemory(String name) {
    LogMeCase c = LogMeCase.load(name);
    double memory = LOGME.estimate(c.input(), BACKEND).score();
    SparkStatistics.Result r = statistics(c, table(c, 3));
    double spark = LOGME.estimate(r.input("features"), BACKEND).score();
    assertThat(relative(spark, memory)).as("%s: Spark %s, in memory %s", name, spark, memory)
        .isLessThanOrEqualTo(1e-9);
    assertThat(relative(spark, c.logme().get("exact_score").asDouble())).isLessThan(1e-6);
    assertThat(r.partitions()).isEqualTo(3);
  }

  @Test
  void theScoreDoesNotDependOnThePartitioning() {
    LogMeCase c = LogMeCase.load("cls-digits");
    double[] scores = new double[3];
    int[] partitions = {1, 3, 7};
    FeatureStatistics whole = BlockStatistics.ofClasses(c.features().matrix(),
        c.labels().classIndices(), 0, c.labels().classCount(), new GramKernel(null)::addGram,
        "whole");
    for (int k = 0; k < 3; k++) {
      SparkStatistics.Result r = statistics(c, table(c, partitions[k]));
      assertThat(r.partitions()).isEqualTo(partitions[k]);
      scores[k] = LOGME.estimate(r.input("features"), BACKEND).score();
      // the merge law: partitions merged (in Spark's order and grouping) = the whole table
      FeatureStatistics merged = r.statistics().get("features");
      assertThat(merged.count()).isEqualTo(whole.count());
      assertThat(maxRelative(merged.scatter().data(), whole.scatter().data())).isLessThan(1e-12);
      assertThat(maxRelative(merged.mean(), whole.mean())).isLessThan(1e-12);
    }
    assertThat(relative(scores[1], scores[0])).isLessThanOrEqualTo(1e-12);
    assertThat(relative(scores[2], scores[0])).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void hScoresAndAZooInOnePass() {
    Map<String, String> none = Map.of();
    LogMeCase c = LogMeCase.load("cls-blobs");
    Dataset<Row> t = table(c, 4).withColumn("doubled", org.apache.spark.sql.functions.expr(
        "transform(features, x -> 2 * x + 1)"));
    List<TransferabilityEstimator> estimators = List.of(LOGME,
        baseline("hscore", none), baseline("hscore-shrinkage", none));
    Map<String, Map<String, EstimateResult>> zoo = new SparkScorer(estimators, BACKEND)
        .scoreLabelled(t, List.of("features", "doubled"), "label");
    assertThat(zoo.keySet()).containsExactly("features", "doubled");
    for (TransferabilityEstimator e : estimators) {
      double memory = e.estimate(c.input(), BACKEND).score();
      assertThat(relative(zoo.get("features").get(e.name()).score(), memory)).as(e.name())
          .isLessThanOrEqualTo(1e-9);
    }
    // H-score is invariant to an affine map of the features
    assertThat(relative(zoo.get("doubled").get("hscore").score(),
        zoo.get("features").get("hscore").score())).isLessThan(1e-9);
    assertThatThrownBy(() -> new SparkScorer(List.of(baseline("sfda", none)), BACKEND))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'sfda' needs");
  }

  @Test
  void stringLabelsAndMlVectorsAreRead() {
    LogMeCase c = LogMeCase.load("cls-blobs");
    Dataset<Row> t = table(c, 2).selectExpr(
        "features", "concat('class-', cast(label as string)) as label");
    Dataset<Row> vectors = new org.apache.spark.ml.feature.VectorAssembler()
        .setInputCols(new String[] {"f0", "f1"}).setOutputCol("vector")
        .transform(table(c, 2).selectExpr("features[0] as f0", "features[1] as f1", "label"));
    SparkStatistics.Result named = SparkStatistics.ofLabels(t, List.of("features"), "label", "t");
    assertThat(named.classNames()).startsWith("class-0", "class-1");
    double memory = LOGME.estimate(c.input(), BACKEND).score();
    assertThat(relative(LOGME.estimate(named.input("features"), BACKEND).score(), memory))
        .isLessThan(1e-9);
    SparkStatistics.Result v = SparkStatistics.ofLabels(vectors, List.of("vector"), "label",
        "v");
    assertThat(v.statistics().get("vector").dimension()).isEqualTo(2);
  }

  @Test
  void badRowsFailWithTheirPlace() {
    Matrix f = Matrix.wrap(6, 2, new double[] {0, 1, 2, 3, Double.NaN, 5, 6, 7, 8, 9, 10, 11});
    Dataset<Row> t = LocalSpark.table(f, new double[] {0, 1, 0, 1, 0, 1}, null, false, 1);
    assertThatThrownBy(() -> SparkStatistics.ofLabels(t, List.of("features"), "label", "tbl"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("tbl:features: 1 value is NaN or infinite; the first (NaN) is at row 2 of"
            + " partition 0, position 0. Values must be finite: re-extract them, or drop or"
            + " impute the affected rows");
    assertThatThrownBy(() -> SparkStatistics.ofLabels(t, List.of("emb"), "label", "tbl"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("tbl: no column 'emb'; the table has: features, label");
    assertThatThrownBy(() -> SparkStatistics.ofLabels(t, List.of("features"), "features", "tbl"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an array");
  }

  private static TransferabilityEstimator baseline(String name, Map<String, String> params) {
    var provider = org.logme.api.PluginRegistry.discover("estimator",
        org.logme.api.estimator.EstimatorProvider.class,
        org.logme.api.estimator.EstimatorProvider::name).get(name);
    return provider.create(EstimatorParameters.resolve(name, provider.parameters(), params));
  }

  static double relative(double a, double b) {
    return Math.abs(a - b) / Math.abs(b);
  }

  private static double maxRelative(double[] a, double[] b) {
    double scale = 0;
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      scale = Math.max(scale, Math.abs(b[i]));
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst / scale;
  }
}
