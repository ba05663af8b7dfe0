package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.eval.benchmark.Benchmarks;

/** {@code logme benchmarks}: the shipped tables through the command line. */
class BenchmarksCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void listPrintsOneLinePerShippedTable() {
    CliRunner.Run run = CliRunner.run("benchmarks", "list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).hasSize(Benchmarks.all().size())
        .anySatisfy(l -> assertThat(l).startsWith("stable-transfer-architectures")
            .contains("18 groups x  19 models"));
  }

  @Test
  void showPrintsProvenanceAndTheCellsOtherTablesDisagreeOn() {
    CliRunner.Run run = CliRunner.run("benchmarks", "show", "sfda-cnn");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("github.com/TencentARC/SFDA", "licence", "groups: ",
        "cells where another table gives another value");
  }

  /** scipy 1.x {@code weightedtau} and {@code kendalltau} on the shipped stable_transfer rows. */
  @Test
  void correlateMatchesScipyOnGoogleResearchsArchitectureTable() throws IOException {
    CliRunner.Run run = CliRunner.run("benchmarks", "correlate",
        "stable-transfer-architectures", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("# source:");
    JsonNode gbc = JSON.readTree(run.out()).at("/groups/frozen~1sun397/gbc");
    assertThat(gbc.get("weighted_tau").asDouble()).isCloseTo(0.7163764736024366, within(1e-12));
    assertThat(gbc.get("kendall_tau_b").asDouble()).isCloseTo(0.7076023391812866,
        within(1e-12));
    assertThat(gbc.get("models").asInt()).isEqualTo(19);
  }

  @Test
  void yourOwnScoresAreCorrelatedBesideThePublishedOnes() throws IOException {
    Path scores = dir.resolve("mine.csv");
    // Scores equal to the ground truth of ImageNet-10's Aircraft group: tau_w = 1 exactly.
    StringBuilder csv = new StringBuilder("dataset,model,mine\n");
    try (var in = BenchmarksCommandTest.class.getResourceAsStream(
        "/org/logme/eval/imagenet10-benchmark.csv")) {
      new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("Aircraft,"))
          .forEach(l -> csv.append(String.join(",", java.util.Arrays.asList(l.split(","))
              .subList(0, 3))).append('\n'));
    }
    assertThat(csv.toString().lines()).hasSize(11);
    Files.writeString(scores, csv);
    CliRunner.Run run = CliRunner.run("benchmarks", "correlate", "imagenet10", "--scores",
        scores.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode mine = JSON.readTree(run.out()).at("/groups/Aircraft/mine");
    assertThat(mine.get("weighted_tau").asDouble()).isEqualTo(1.0);
    assertThat(JSON.readTree(run.out()).at("/groups/Aircraft/logme").isObject()).isTrue();
  }

  @Test
  void anUnknownTableIsAUsageErrorThatNamesTheShippedOnes() {
    CliRunner.Run run = CliRunner.run("benchmarks", "show", "imagenet-10");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("imagenet10").doesNotContain("Exception");
  }

  /** Leave-k-out, remove-the-largest and win rates through the command line, text and JSON. */
  @Test
  void ablationsAreComputedOnAShippedTable() throws IOException {
    CliRunner.Run text = CliRunner.run("benchmarks", "correlate", "imagenet10", "--leave-out",
        "1", "--remove-largest", "params", "--remove-up-to", "3", "--bootstrap", "50");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains("Leave 1 model out (all 10 subsets)",
        "Mean weighted_tau with the m largest models by params removed",
        "removed in this order: 1. resnet152", "Win rate: share of the groups");
    CliRunner.Run json = CliRunner.run("benchmarks", "correlate", "imagenet10", "--leave-out",
        "2", "--subsets", "20", "--seed", "3", "--remove-largest", "params", "--json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode ablations = JSON.readTree(json.out()).get("ablations");
    assertThat(ablations.at("/leave_out/0/subsets").asInt()).isEqualTo(20);
    assertThat(ablations.at("/leave_out/0/exhaustive").asBoolean()).isFalse();
    assertThat(ablations.at("/leave_out/0/seed").asLong()).isEqualTo(3);
    assertThat(ablations.at("/remove_largest/weighted_tau/logme").size()).isEqualTo(8);
  }

  @Test
  void ablationOptionsThatDoNotFitAreUsageErrors() {
    CliRunner.Run upTo = CliRunner.run("benchmarks", "correlate", "imagenet10",
        "--remove-up-to", "2");
    assertThat(upTo.exitCode()).isEqualTo(2);
    assertThat(upTo.err()).contains("--remove-up-to needs --remove-largest COLUMN");
    CliRunner.Run tooMany = CliRunner.run("benchmarks", "correlate", "imagenet10",
        "--leave-out", "9");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("k must be between 1 and 8");
    CliRunner.Run size = CliRunner.run("benchmarks", "correlate", "imagenet10",
        "--remove-largest", "flops");
    assertThat(size.exitCode()).isEqualTo(2);
    assertThat(size.err()).contains("no column 'flops'").doesNotContain("Exception");
  }
}
