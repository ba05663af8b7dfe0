package org.logme.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.testing.SharedFixtures;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;

/**
 * The paper's comparison from the shipped benchmark. Expected values from scipy 1.17.1:
 * {@code scipy.stats.weightedtau(accuracy, score).statistic} per dataset.
 */
class ImageNet10BenchmarkTest {

  @Test
  void reproducesLogMesPublishedWeightedTau() {
    CorrelationTable table = CorrelationTable.compute(ImageNet10Benchmark.table());
    assertThat(table.get("Aircraft", "logme", Metric.WEIGHTED_TAU).value())
        .isCloseTo(0.5445, within(1e-4));
    assertThat(table.get("Cars", "logme", Metric.WEIGHTED_TAU).value())
        .isCloseTo(0.6541, within(1e-4));
    assertThat(table.get("CIFAR10", "logme", Metric.WEIGHTED_TAU).value())
        .isCloseTo(0.7846, within(1e-4));
  }

  static Stream<Arguments> scipyValues() {
    return Stream.of(
        Arguments.of("logme", "Aircraft", 0.5445061644763582),
        Arguments.of("logme", "Caltech101", 0.6968191603064926),
        Arguments.of("logme", "CIFAR10", 0.7846427033798395),
        Arguments.of("logme", "CIFAR100", 0.7827681586560071),
        Arguments.of("logme", "Cars", 0.6540976200771027),
        Arguments.of("logme", "DTD", 0.4710894338316097),
        Arguments.of("logme", "Pet", 0.604043414773668),
        Arguments.of("logme", "SUN397", 0.8632134981763999),
        Arguments.of("logme", "mean", 0.6751475192096847),
        Arguments.of("imagenet_top1", "Aircraft", 0.4201478270032667),
        Arguments.of("imagenet_top1", "CIFAR100", 0.9323187162233363),
        Arguments.of("imagenet_top1", "mean", 0.7244100893654005));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("scipyValues")
  void matchesScipyOnEveryDataset(String column, String group, double expected) {
    CorrelationTable table = CorrelationTable.compute(ImageNet10Benchmark.table());
    double actual = group.equals("mean") ? table.mean(column, Metric.WEIGHTED_TAU).value()
        : table.get(group, column, Metric.WEIGHTED_TAU).value();
    assertThat(actual).isCloseTo(expected, within(1e-12));
  }

  @Test
  void hasEightDatasetsOfTenModelsAndMarksTheStaticBaselines() {
    ResultsTable table = ImageNet10Benchmark.table();
    assertThat(table.groups()).extracting(Group::name).containsExactly("Aircraft", "Caltech101",
        "CIFAR10", "CIFAR100", "Cars", "DTD", "Pet", "SUN397");
    assertThat(table.groups()).allSatisfy(g -> assertThat(g.size()).isEqualTo(10));
    assertThat(table.columns()).containsExactly(ScoreColumn.estimator("hscore"),
        ScoreColumn.estimator("leep"), ScoreColumn.estimator("logme"),
        ScoreColumn.estimator("nce"), ScoreColumn.staticBaseline("imagenet_top1"),
        ScoreColumn.staticBaseline("params"));
  }

  @Test
  void theShippedFilesAreThoseOfTheSharedData() throws Exception {
    for (String name : new String[] {ImageNet10Benchmark.BENCHMARK_RESOURCE,
        ImageNet10Benchmark.MODELS_RESOURCE}) {
      try (InputStream in = ImageNet10Benchmark.class.getResourceAsStream(name)) {
        assertThat(in.readAllBytes()).as(name)
            .isEqualTo(Files.readAllBytes(SharedFixtures.root().resolve("data").resolve(name)));
      }
    }
  }
}
