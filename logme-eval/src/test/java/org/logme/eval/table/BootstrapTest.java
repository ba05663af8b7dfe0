package org.logme.eval.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.eval.ImageNet10Benchmark;

class BootstrapTest {

  /** 12 models; "good" follows the accuracy with a little noise, "noise" does not. */
  private static ResultsTable clean() {
    Random random = new Random(3);
    List<ScoreColumn> columns = List.of(ScoreColumn.estimator("good"),
        ScoreColumn.estimator("noise"));
    ResultsTable.Builder builder = ResultsTable.builder("synthetic", "accuracy", columns);
    for (int i = 0; i < 12; i++) {
      double accuracy = 60 + 2.5 * i;
      builder.add("all", "m" + i, OptionalDouble.of(accuracy), Map.of(
          "good", accuracy + random.nextGaussian(), "noise", random.nextGaussian()));
    }
    return builder.build();
  }

  @Test
  void theSameSeedGivesTheSameResult() {
    ResultsTable table = ImageNet10Benchmark.table();
    BootstrapResult first = Bootstrap.run(table, 200, 1);
    BootstrapResult second = Bootstrap.run(table, 200, 1);
    for (String group : first.groups()) {
      for (String column : first.columns()) {
        assertThat(second.interval(group, column)).isEqualTo(first.interval(group, column));
        for (String other : first.columns()) {
          assertThat(second.share(group, column, other))
              .isEqualTo(first.share(group, column, other));
        }
      }
    }
    BootstrapResult otherSeed = Bootstrap.run(table, 200, 2);
    assertThat(otherSeed.interval("Aircraft", "logme"))
        .isNotEqualTo(first.interval("Aircraft", "logme"));
  }

  @Test
  void aGroupsDrawsDoNotDependOnTheOtherGroups() {
    ResultsTable all = ImageNet10Benchmark.table();
    BootstrapResult full = Bootstrap.run(all, 100, 5);
    ResultsTable.Builder onlyCars = ResultsTable.builder("cars", "accuracy", all.columns());
    Group cars = all.groups().stream().filter(g -> g.name().equals("Cars")).findFirst()
        .orElseThrow();
    for (int m = 0; m < cars.size(); m++) {
      Map<String, Double> values = new java.util.LinkedHashMap<>();
      for (int c = 0; c < all.columns().size(); c++) {
        values.put(all.columns().get(c).name(), cars.score(c, m).getAsDouble());
      }
      onlyCars.add("Cars", cars.models().get(m), cars.truth(m), values);
    }
    assertThat(Bootstrap.run(onlyCars.build(), 100, 5).interval("Cars", "logme"))
        .isEqualTo(full.interval("Cars", "logme"));
  }

  @Test
  void theIntervalOfACleanCaseContainsThePointEstimate() {
    ResultsTable table = clean();
    BootstrapResult result = Bootstrap.run(table, 1000, 42);
    CorrelationTable point = CorrelationTable.compute(table);
    for (String column : List.of("good", "noise")) {
      Interval interval = result.interval("all", column);
      assertThat(interval.resamplesUsed()).isEqualTo(1000);
      assertThat(interval.contains(point.get("all", column, Metric.WEIGHTED_TAU).value()))
          .as(column).isTrue();
    }
    assertThat(result.interval("all", "good").low().value()).isGreaterThan(0.5);
    assertThat(result.share("all", "good", "noise")).isGreaterThan(0.95);
  }

  @Test
  void theSharesOfAPairSumToAtMostOne() {
    BootstrapResult result = Bootstrap.run(ImageNet10Benchmark.table(), 300, 9);
    for (String group : result.groups()) {
      for (String a : result.columns()) {
        for (String b : result.columns()) {
          double ab = result.share(group, a, b);
          double ba = result.share(group, b, a);
          assertThat(ab).isBetween(0.0, 1.0);
          assertThat(ab + ba).isLessThanOrEqualTo(1.0);
        }
        assertThat(result.share(group, a, a)).isZero();
      }
    }
  }

  @Test
  void aColumnWithAMissingScoreIsResampledOnTheModelsThatHaveOne() {
    ResultsTable table = ResultsTable.builder("t", "accuracy",
            List.of(ScoreColumn.estimator("x")))
        .add("all", "a", OptionalDouble.of(1), Map.of("x", 1.0))
        .add("all", "b", OptionalDouble.of(2), Map.of())
        .add("all", "c", OptionalDouble.of(3), Map.of("x", 3.0))
        .add("all", "d", OptionalDouble.of(4), Map.of("x", 4.0))
        .build();
    Interval interval = Bootstrap.run(table, 200, 1).interval("all", "x");
    // every draw with two distinct scored models ranks them as the truth does
    assertThat(interval.defined()).isTrue();
    assertThat(interval.high().value()).isEqualTo(1.0);
    assertThat(interval.resamplesUsed()).isBetween(100, 199);
    ResultsTable single = ResultsTable.builder("t", "accuracy", List.of(ScoreColumn.estimator("x")))
        .add("all", "a", OptionalDouble.of(1), Map.of("x", 1.0))
        .add("all", "b", OptionalDouble.of(2), Map.of())
        .build();
    assertThat(Bootstrap.run(single, 10, 1).interval("all", "x").low().undefinedReason())
        .contains("fewer than 2 models with both a score and a ground truth (1)");
  }

  @Test
  void percentilesInterpolateLinearlyAsNumpy() {
    double[] sorted = {1, 2, 3, 4, 10};
    // numpy.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) == [1.1, 9.4]
    assertThat(org.logme.eval.stats.Quantiles.linear(sorted, 0.025)).isCloseTo(1.1, org.assertj.core.api
        .Assertions.within(1e-12));
    assertThat(org.logme.eval.stats.Quantiles.linear(sorted, 0.975)).isCloseTo(9.4, org.assertj.core.api
        .Assertions.within(1e-12));
  }

  @Test
  void theNumberOfResamplesIsChecked() {
    assertThatThrownBy(() -> Bootstrap.run(clean(), 0, 1))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not 0");
  }

  /**
   * Win rates across ImageNet-10's eight datasets: observed equals counting the datasets by
   * hand from the correlation table; a pair's two rates sum to 1 when both are defined
   * everywhere; the interval comes from the same resamples as the per-group intervals.
   */
  @Test
  void winRatesCountTheGroupsEachColumnWinsWithAnInterval() {
    ResultsTable table = ImageNet10Benchmark.table();
    CorrelationTable correlations = CorrelationTable.compute(table);
    BootstrapResult result = Bootstrap.run(table, 300, 1);
    double wins = 0;
    for (String group : correlations.groups()) {
      double a = correlations.get(group, "logme", Metric.WEIGHTED_TAU).value();
      double b = correlations.get(group, "leep", Metric.WEIGHTED_TAU).value();
      wins += a > b ? 1 : a == b ? 0.5 : 0;
    }
    WinRate logmeOverLeep = result.winRate("logme", "leep").orElseThrow();
    assertThat(logmeOverLeep.observed().value()).isEqualTo(wins / 8);
    assertThat(logmeOverLeep.groups()).isEqualTo(8);
    assertThat(logmeOverLeep.observed().value()
        + result.winRate("leep", "logme").orElseThrow().observed().value()).isEqualTo(1.0);
    assertThat(logmeOverLeep.interval().defined()).isTrue();
    assertThat(logmeOverLeep.interval().low().value())
        .isLessThanOrEqualTo(logmeOverLeep.interval().high().value());
    assertThat(logmeOverLeep.interval().resamplesUsed()).isEqualTo(300);
    assertThatThrownBy(() -> result.winRate("logme", "logme"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A column equal to the ground truth wins every group in every resample where it is defined. */
  @Test
  void theGroundTruthItselfWinsEveryGroup() {
    ResultsTable.Builder scored = ResultsTable.builder("synthetic", "accuracy", List.of(
        ScoreColumn.estimator("oracle"), ScoreColumn.estimator("noise"))).groupColumn("dataset");
    Random random = new Random(5);
    for (String group : List.of("A", "B", "C")) {
      for (int i = 0; i < 8; i++) {
        double truth = i + random.nextDouble();
        scored.add(group, "m" + i, OptionalDouble.of(truth), Map.of("oracle", truth, "noise",
            random.nextGaussian()));
      }
    }
    WinRate rate = Bootstrap.run(scored.build(), 200, 3).winRate("oracle", "noise")
        .orElseThrow();
    assertThat(rate.observed().value()).isEqualTo(1.0);
    assertThat(rate.interval().low().value()).isEqualTo(1.0);
  }
}
