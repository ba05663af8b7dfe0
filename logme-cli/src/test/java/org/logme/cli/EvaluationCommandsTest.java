package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.core.testing.LogMeCase;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.io.NpyWriter;

/** {@code correlate}, {@code rank} and the demo's reports, through the command line. */
class EvaluationCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path benchmark() throws IOException {
    Path csv = dir.resolve("imagenet10.csv");
    try (InputStream in = ImageNet10Benchmark.class.getResourceAsStream(
        ImageNet10Benchmark.BENCHMARK_RESOURCE)) {
      Files.copy(in, csv);
    }
    return csv;
  }

  @Test
  void correlateReproducesThePapersWeightedTau() throws IOException {
    CliRunner.Run run = CliRunner.run("correlate", "--table", benchmark().toString(), "--truth",
        "accuracy", "--group", "dataset", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.fieldNames()).toIterable().containsExactly("schema", "truth", "ties",
        "columns", "groups", "mean");
    assertThat(json.at("/groups/Aircraft/logme/weighted_tau").asDouble())
        .isCloseTo(0.5445, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(json.at("/groups/Cars/logme/weighted_tau").asDouble())
        .isCloseTo(0.6541, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(json.at("/groups/CIFAR10/logme/weighted_tau").asDouble())
        .isCloseTo(0.7846, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(json.at("/groups/Aircraft/logme").fieldNames()).toIterable().containsExactly(
        "weighted_tau", "kendall_tau_b", "spearman", "pearson", "top1_relative_accuracy",
        "regret", "models");
    assertThat(json.at("/mean/logme/weighted_tau").isNumber()).isTrue();
  }

  @Test
  void correlateBootstrapsDeterministicallyAndWritesAReport() throws IOException {
    String[] args = {"correlate", "--table", benchmark().toString(), "--truth", "accuracy",
        "--group", "dataset", "--json", "--bootstrap", "200", "--seed", "7", "--report",
        dir.resolve("out").toString()};
    CliRunner.Run first = CliRunner.run(args);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(CliRunner.run(args).out()).isEqualTo(first.out());
    assertThat(JSON.readTree(first.out()).has("bootstrap")).isTrue();
    assertThat(dir.resolve("out/report.html")).exists();
    assertThat(dir.resolve("out/results.csv")).exists();
    assertThat(dir.resolve("out/results.json")).exists();
    assertThat(first.err()).contains("report written to");
  }

  @Test
  void correlateTextShowsStaticBaselinesFromAFactsFile() throws IOException {
    Path facts = dir.resolve("models.csv");
    try (InputStream in = ImageNet10Benchmark.class.getResourceAsStream(
        ImageNet10Benchmark.MODELS_RESOURCE)) {
      Files.copy(in, facts);
    }
    CliRunner.Run run = CliRunner.run("correlate", "--table", benchmark().toString(), "--truth",
        "accuracy", "--group", "dataset", "--facts", facts.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("weighted Kendall tau", "static baselines", "imagenet_top1");
  }

  @Test
  void aTableWithoutTheTruthColumnIsBadInput() throws IOException {
    CliRunner.Run run = CliRunner.run("correlate", "--table", benchmark().toString(), "--truth",
        "acc");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(run.err()).contains("acc").doesNotContain("\tat ");
  }

  /** A zoo of three models on the cls-blobs task: its features, half of them, and noise. */
  private Path zoo(boolean withAccuracy) throws IOException {
    LogMeCase blobs = LogMeCase.load("cls-blobs");
    Path root = dir.resolve("zoo");
    Files.createDirectories(root.resolve("models"));
    Files.copy(blobs.dir().resolve("labels.npy"), root.resolve("labels.npy"));
    Matrix f = blobs.features().matrix();
    Matrix[] models = {f, f.columns(0, 16), TestMatrices.gaussian(f.rows(), 32, 5)};
    String[] names = {"full", "half", "noise"};
    for (int m = 0; m < 3; m++) {
      Path model = Files.createDirectories(root.resolve("models").resolve(names[m]));
      NpyWriter.write(model.resolve("features.npy"), models[m], NpyWriter.Type.FLOAT32, false);
    }
    if (withAccuracy) {
      Files.writeString(root.resolve("accuracy.csv"), "model,accuracy\nfull,90\nhalf,80\nnoise,30\n");
    }
    return root;
  }

  @Test
  void rankScoresAZooAndCorrelatesWithItsAccuracies() throws IOException {
    CliRunner.Run run = CliRunner.run("rank", "--zoo", zoo(true).toString(), "--estimator",
        "logme,hscore,leep", "--report", dir.resolve("report").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("full", "half", "noise", "weighted Kendall tau");
    assertThat(run.err()).contains("leep").contains("skipped");
    assertThat(dir.resolve("report/report.html")).exists();
    CliRunner.Run json = CliRunner.run("rank", "--zoo", dir.resolve("zoo").toString(), "--json",
        "--threads", "1");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode node = JSON.readTree(json.out());
    assertThat(node.toString()).contains("logme");
    CliRunner.Run leaveOut = CliRunner.run("rank", "--zoo", dir.resolve("zoo").toString(),
        "--leave-out", "1", "--json");
    assertThat(leaveOut.exitCode()).as(leaveOut.err()).isZero();
    assertThat(JSON.readTree(leaveOut.out()).at("/ablations/leave_out/0/subsets").asInt())
        .isEqualTo(3);
  }

  @Test
  void rankWithoutAccuraciesStillRanks() throws IOException {
    CliRunner.Run run = CliRunner.run("rank", "--zoo", zoo(false).toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("no accuracy.csv");
    CliRunner.Run ablation = CliRunner.run("rank", "--zoo", dir.resolve("zoo").toString(),
        "--leave-out", "1");
    assertThat(ablation.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(ablation.err()).contains("--leave-out and --remove-largest compare rankings"
        + " with the ground truth");
    CliRunner.Run missing = CliRunner.run("rank", "--zoo", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(missing.err()).contains("not a directory");
  }

  @Test
  void theDigitsDemoWritesBothReportsWhereAskedAndNoneWithNoReport() throws IOException {
    Path out = dir.resolve("demo");
    CliRunner.Run run = CliRunner.run("demo", "--digits", "--report", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("ImageNet-10", "static baselines", "imagenet_top1",
        "Weighted Kendall tau between the LogME ranking and the probe accuracy");
    assertThat(out.resolve("digits/report.html")).exists();
    assertThat(out.resolve("imagenet10/report.html")).exists();
    Path none = dir.resolve("none");
    assertThat(CliRunner.run("demo", "--digits", "--no-report", "--report",
        none.toString()).exitCode())
        .isZero();
    assertThat(none).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("logme-demo-report");
    }
  }

  @Test
  void severalEstimatorsGiveAJsonArrayAndSkipThoseLackingInputs() throws IOException {
    LogMeCase c = LogMeCase.load("leep-nce");
    CliRunner.Run run = CliRunner.run("score", "--features", c.dir().resolve("features.npy")
        .toString(), "--labels", c.dir().resolve("labels.npy").toString(), "--source-probs",
        c.dir().resolve("source_probs.npy").toString(), "--estimator", "logme,leep,nce,hscore",
        "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode array = JSON.readTree(run.out()).get("results");
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(4);
    assertThat(array.get(1).get("score").asDouble())
        .isCloseTo(c.expected().get("leep").asDouble(),
            org.assertj.core.api.Assertions.within(1e-9));
    assertThat(array.get(2).get("score").asDouble())
        .isCloseTo(c.expected().get("nce").asDouble(),
            org.assertj.core.api.Assertions.within(1e-9));
    CliRunner.Run skipping = CliRunner.run("score", "--features", c.dir().resolve("features.npy")
        .toString(), "--labels", c.dir().resolve("labels.npy").toString(), "--estimator",
        "logme,leep", "--json");
    assertThat(skipping.exitCode()).isZero();
    assertThat(skipping.err()).contains("estimator 'leep' needs --labels + --source-probs;"
        + " skipped");
    assertThat(JSON.readTree(skipping.out()).get("results").size()).isEqualTo(1);
    assertThat(JSON.readTree(skipping.out()).at("/skipped/0").asText())
        .startsWith("estimator 'leep' needs --labels + --source-probs");
    CliRunner.Run alone = CliRunner.run("score", "--labels", c.dir().resolve("labels.npy")
        .toString(), "--estimator", "leep");
    assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(alone.err()).contains("needs --labels + --source-probs");
  }
}
