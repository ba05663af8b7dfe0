package org.logme.eval.ablation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.StaticFacts;
import org.logme.eval.table.TableSpec;

/**
 * Leave-k-out and remove-the-largest on ImageNet-10: every point equals the correlations of a
 * table read again from the CSV with those models' lines deleted (an independent way to remove
 * them), and the known limits hold.
 */
class AblationTest {
  private static final String CSV = csv();

  private static String csv() {
    try (InputStream in = ImageNet10Benchmark.class.getResourceAsStream(
        ImageNet10Benchmark.BENCHMARK_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The benchmark with the static baselines, read from CSV text without some models' lines. */
  private static ResultsTable without(Set<String> models) {
    String kept = CSV.lines().filter(line -> !models.contains(line.split(",")[1]))
        .collect(Collectors.joining("\n"));
    return ResultsTable.parse(new StringReader(kept), "imagenet10",
        TableSpec.truth(ImageNet10Benchmark.TRUTH).withGroup(ImageNet10Benchmark.GROUP))
        .withStaticColumns(ImageNet10Benchmark.facts());
  }

  private static double meanTau(ResultsTable table, String column) {
    Statistic mean = CorrelationTable.compute(table).mean(column, Metric.WEIGHTED_TAU);
    return mean.defined() ? mean.value() : Double.NaN;
  }

  @Test
  void leaveOneOutRemovesEachModelOnceAndEqualsTheTableWithoutIt() {
    ResultsTable table = ImageNet10Benchmark.table();
    LeaveOutResult one = LeaveOut.run(table, 1, 1000, 1);
    assertThat(one.exhaustive()).isTrue();
    assertThat(one.removed()).hasSize(10);
    assertThat(one.removed().stream().map(r -> r.get(0)).distinct()).hasSize(10);
    for (String column : List.of("logme", "leep", "params")) {
      double[] values = one.values(column);
      for (int s = 0; s < values.length; s++) {
        assertThat(values[s]).as("%s without %s", column, one.removed().get(s))
            .isEqualTo(meanTau(without(Set.copyOf(one.removed().get(s))), column));
      }
      assertThat(one.observed(column)).isEqualTo(meanTau(table, column));
      Distribution d = one.distribution(column);
      assertThat(d.min()).isLessThanOrEqualTo(d.median());
      assertThat(d.median()).isLessThanOrEqualTo(d.max());
    }
  }

  @Test
  void everyPairIsUsedWhenThereAreFewEnoughAndASeededSampleOtherwise() {
    ResultsTable table = ImageNet10Benchmark.table();
    LeaveOutResult pairs = LeaveOut.run(table, 2, 45, 1);
    assertThat(pairs.exhaustive()).isTrue();
    assertThat(pairs.possibleSubsets()).hasToString("45");
    assertThat(new HashSet<>(pairs.removed())).hasSize(45);
    LeaveOutResult sampled = LeaveOut.run(table, 3, 50, 7);
    assertThat(sampled.exhaustive()).isFalse();
    assertThat(sampled.possibleSubsets()).hasToString("120");
    assertThat(new HashSet<>(sampled.removed())).hasSize(50);
    assertThat(sampled.removed()).allSatisfy(r -> assertThat(r).hasSize(3).doesNotHaveDuplicates());
    assertThat(LeaveOut.run(table, 3, 50, 7).removed()).isEqualTo(sampled.removed());
    assertThat(LeaveOut.run(table, 3, 50, 8).removed()).isNotEqualTo(sampled.removed());
    int s = 17;
    assertThat(sampled.values("logme")[s])
        .isEqualTo(meanTau(without(Set.copyOf(sampled.removed().get(s))), "logme"));
  }

  @Test
  void theBestSharesOfAllColumnsSumToOne() {
    LeaveOutResult one = LeaveOut.run(ImageNet10Benchmark.table(), 1, 1000, 1);
    double sum = one.columns().stream().mapToDouble(c -> one.bestShare(c.name())).sum();
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void kMustLeaveTwoModels() {
    assertThatThrownBy(() -> LeaveOut.run(ImageNet10Benchmark.table(), 9, 10, 1))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("k must be between 1 and 8");
    assertThatThrownBy(() -> LeaveOut.run(ImageNet10Benchmark.table(), 1, 0, 1))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void removingTheLargestFollowsTheParameterCounts() {
    ResultsTable table = ImageNet10Benchmark.table();
    RemoveLargestResult curve = RemoveLargest.run(table, "params", -1);
    assertThat(curve.maxRemoved()).isEqualTo(7);
    StaticFacts facts = ImageNet10Benchmark.facts();
    int params = facts.columns().indexOf("params");
    for (int i = 1; i < curve.order().size(); i++) {
      assertThat(facts.values(curve.order().get(i - 1)).orElseThrow()[params])
          .isGreaterThanOrEqualTo(facts.values(curve.order().get(i)).orElseThrow()[params]);
    }
    assertThat(curve.curve("logme")[0]).isEqualTo(meanTau(table, "logme"));
    for (int m = 1; m <= curve.maxRemoved(); m++) {
      Set<String> removed = Set.copyOf(curve.order().subList(0, m));
      for (String column : List.of("logme", "params", "imagenet_top1")) {
        assertThat(curve.curve(column)[m]).as("%s without the %d largest", column, m)
            .isEqualTo(meanTau(without(removed), column));
      }
    }
    assertThat(RemoveLargest.run(table, "params", 2).curve("logme"))
        .containsExactly(java.util.Arrays.copyOf(curve.curve("logme"), 3));
  }

  @Test
  void aSizeMustBeOnePerModelAndGivenForEveryModel() {
    String table = "dataset,model,accuracy,logme,size\n"
        + "A,a,90,3,10\nA,b,80,2,20\nA,c,70,1,30\nA,d,60,0,40\n"
        + "B,a,90,3,11\nB,b,80,2,20\nB,c,70,1,30\nB,d,60,0,40\n";
    ResultsTable conflicting = ResultsTable.parse(new StringReader(table), "t.csv",
        TableSpec.truth("accuracy").withGroup("dataset"));
    assertThatThrownBy(() -> RemoveLargest.run(conflicting, "size", -1))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'size' gives model 'a' the sizes 10.0 and 11.0");
    assertThatThrownBy(() -> RemoveLargest.run(conflicting, "flops", -1))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("no column 'flops'");
    ResultsTable missing = ResultsTable.parse(new StringReader(table.replace("B,a,90,3,11",
        "B,a,90,3,10").replace("A,c,70,1,30", "A,c,70,1,").replace("B,c,70,1,30", "B,c,70,1,")),
        "t.csv", TableSpec.truth("accuracy").withGroup("dataset"));
    assertThatThrownBy(() -> RemoveLargest.run(missing, "size", -1))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("no 'size' for c");
    assertThatThrownBy(() -> RemoveLargest.run(missing.withoutModels(Set.of("c")), "size", 1))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("at least 4 models");
  }

  /** The figures the README quotes for ImageNet-10. */
  @Test
  void theReadmesImageNet10FiguresHold() {
    ResultsTable table = ImageNet10Benchmark.table();
    LeaveOutResult two = LeaveOut.run(table, 2, 1000, 1);
    assertThat(two.observed("logme")).isCloseTo(0.675, within(5e-4));
    assertThat(two.distribution("logme").min()).isCloseTo(0.520, within(5e-4));
    assertThat(two.distribution("logme").max()).isCloseTo(0.757, within(5e-4));
    assertThat(two.bestShare("params")).isCloseTo(0.71, within(5e-3));
    RemoveLargestResult curve = RemoveLargest.run(table, "params", -1);
    assertThat(curve.curve("logme")[3]).isCloseTo(0.279, within(5e-4));
    assertThat(curve.curve("params")[3]).isCloseTo(0.606, within(5e-4));
  }
}
