package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyWriter;
import org.logme.api.testing.SharedFixtures;

/** The command line's contract: help, listing, the demo, and errors without stack traces. */
class CliBehaviourTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BLOBS = SharedFixtures.fixture("cls-blobs");

  @TempDir
  Path dir;

  private static void assertCleanError(CliRunner.Run run, int code, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
    assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  /**
   * H-score from streamed statistics cannot decide the rank of collinear features; in auto mode
   * it reads the rows and gives exactly the in-memory score, with a warning; asked to stream
   * only, it fails and says how to read the features instead.
   */
  @Test
  void hScoreOnCollinearFeaturesReadsTheRowsUnlessStreamingIsForced() throws IOException {
    int n = 200;
    Matrix f = Matrix.zeros(n, 5);
    Matrix y = Matrix.zeros(n, 1);
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        f.set(i, j, random.nextGaussian() + (i % 3 == j ? 1 : 0));
      }
      f.set(i, 3, 2 * f.get(i, 0));
      f.set(i, 4, f.get(i, 1) - f.get(i, 2));
      y.set(i, 0, i % 3);
    }
    Path features = dir.resolve("collinear.npy");
    Path labels = dir.resolve("labels.npy");
    NpyWriter.write(features, f, NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(labels, y, NpyWriter.Type.INT64, true);
    String[] score = {"score", "--features", features.toString(), "--labels",
        labels.toString(), "--estimator", "hscore", "--json", "--read"};
    CliRunner.Run memory = CliRunner.run(concat(score, "memory"));
    CliRunner.Run auto = CliRunner.run(concat(score, "auto"));
    assertThat(auto.exitCode()).as(auto.err()).isZero();
    assertThat(JSON.readTree(auto.out()).at("/results/0/score").asDouble())
        .isEqualTo(JSON.readTree(memory.out()).at("/results/0/score").asDouble());
    assertThat(auto.err()).contains("rank-deficient, so the features were read into memory");
    assertCleanError(CliRunner.run(concat(score, "stream")), ExitCode.NUMERICAL,
        "estimator 'hscore': the centred features of " + features
            + " are rank-deficient or nearly so");
  }

  private static String[] concat(String[] head, String last) {
    String[] all = java.util.Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  @Test
  void helpTeachesTheCommandsAndExitCodes() {
    CliRunner.Run top = CliRunner.run("--help");
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).contains("score", "list", "demo", "Exit codes:", "logme demo");
    CliRunner.Run score = CliRunner.run("score", "--help");
    assertThat(score.exitCode()).isZero();
    assertThat(score.out()).contains("--features", "--labels", "--targets", "--estimator",
        "--backend", "--algorithm", "--json", "bundle.npz:NAME", "Examples:");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRunner.Run run = CliRunner.run();
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("missing command");
  }

  @Test
  void listShowsThePluginsFoundByServiceLoader() throws IOException {
    CliRunner.Run run = CliRunner.run("list", "--verbose");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("logme", "ejml", "commons", "--param algorithm=fixed-point");
    JsonNode json = JSON.readTree(CliRunner.run("list", "--json").out());
    assertThat(json.at("/estimators/logme/parameters/algorithm/choices").toString())
        .contains("mackay");
    assertThat(json.get("backends").has("ejml")).isTrue();
    assertThat(json.get("backends").has("commons")).isTrue();
  }

  @Test
  void theDigitsDemoRanksTheEmbeddedTransformsOffline() {
    CliRunner.Run run = CliRunner.run("demo", "--digits", "--no-report");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("pooled-4x4+products", "pixels", "probe accuracy",
        "LIBLINEAR");
    // the raw-pixel model is exactly the cls-digits fixture: its LogME is the exact score
    assertThat(run.out()).containsPattern("pixels\\s+64\\s+0\\.2703");
  }

  @Test
  void theDigitsDemoAsJsonIsSortedByLogmeWithFractionalAccuracies() throws IOException {
    JsonNode json = JSON.readTree(CliRunner.run("demo", "--digits", "--json", "--no-report").out());
    JsonNode models = json.get("models");
    assertThat(models.size()).isEqualTo(9);
    for (JsonNode model : models) {
      assertThat(model.get("probe_accuracy").asDouble()).isBetween(0.1, 1.0);
    }
    for (int i = 1; i < models.size(); i++) {
      assertThat(models.get(i).get("logme").asDouble())
          .isLessThanOrEqualTo(models.get(i - 1).get("logme").asDouble());
    }
  }

  @Test
  void textOutputIsOneReadableLine() {
    CliRunner.Run run = CliRunner.run("score", "--features", BLOBS + "/features.npy", "--labels",
        BLOBS + "/labels.npy");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("N=200, D=32, 4 classes; backend: ejml")
        .containsPattern("logme\\s+-0\\.19228669\\s+\\(higher is better; algorithm=fixed-point,"
            + " epsilon=1e-5\\)");
  }

  @Test
  void userMistakesGetOneLineAndTheRightExitCode() throws IOException {
    String f = BLOBS + "/features.npy";
    String y = BLOBS + "/labels.npy";
    assertCleanError(CliRunner.run("score", "--features", f, "--labels", y, "--backend", "blas"),
        ExitCode.USAGE, "unknown backend 'blas'; available: commons, ejml, native");
    assertCleanError(CliRunner.run("score", "--features", f, "--labels", y, "--estimator", "x"),
        ExitCode.USAGE, "unknown estimator 'x'; available:");
    assertCleanError(CliRunner.run("score", "--features", f),
        ExitCode.USAGE, "estimator 'logme' needs --features + --labels or --features + --targets");
    assertCleanError(CliRunner.run("score", "--features", f, "--labels", y, "--targets", y),
        ExitCode.USAGE, "not both");
    assertCleanError(CliRunner.run("score", "--features", f, "--labels", y, "--algorithm", "newton"),
        ExitCode.USAGE, "must be one of fixed-point, mackay");
    assertCleanError(CliRunner.run("score", "--features", f, "--labels", y, "--param", "beta=2"),
        ExitCode.USAGE, "no requested estimator has a parameter 'beta'");
    assertCleanError(CliRunner.run("score", "--features", dir.resolve("missing.npy").toString(),
        "--labels", y), ExitCode.BAD_INPUT, "missing.npy: no such file");
    Path text = Files.writeString(dir.resolve("f.npy"), "1,2,3");
    assertCleanError(CliRunner.run("score", "--features", text.toString(), "--labels", y),
        ExitCode.BAD_INPUT, "not a NumPy .npy file");
  }

  @Test
  void badDataNamesTheFileAndRow() throws IOException {
    Path labels = dir.resolve("y.npy");
    NpyWriter.write(labels, Matrix.column(0, 1, 0, 1), NpyWriter.Type.FLOAT64, true);
    Path features = dir.resolve("f.npy");
    Matrix f = Matrix.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6},
        new double[] {7, Double.NaN});
    NpyWriter.write(features, f, NpyWriter.Type.FLOAT32, false);
    assertCleanError(CliRunner.run("score", "--features", features.toString(), "--labels",
        labels.toString()), ExitCode.BAD_INPUT, "1 value is NaN or infinite; the first (NaN) is at"
        + " row 3, column 1");
    assertCleanError(CliRunner.run("score", "--features", features.toString(), "--labels",
        labels.toString(), "--read", "memory"), ExitCode.BAD_INPUT, "1 value is NaN or infinite;"
        + " the first (NaN) is at row 3, column 1");
    f.set(3, 1, 8);
    NpyWriter.write(features, f, NpyWriter.Type.FLOAT32, false);
    NpyWriter.write(labels, Matrix.column(0, 1, -1, 1), NpyWriter.Type.FLOAT64, true);
    assertCleanError(CliRunner.run("score", "--features", features.toString(), "--labels",
        labels.toString()), ExitCode.BAD_INPUT, "y.npy: label at row 2 is -1");
  }

  @Test
  void labelsWithGapsAreRemappedAndReported() throws IOException {
    Path labels = dir.resolve("y.npy");
    Path features = dir.resolve("f.npy");
    NpyWriter.write(labels, Matrix.column(0, 5, 5, 2, 0, 2, 5, 0), NpyWriter.Type.FLOAT64, true);
    NpyWriter.write(features, org.logme.api.linalg.TestMatrices.gaussian(8, 3, 1),
        NpyWriter.Type.FLOAT64, false);
    CliRunner.Run run = CliRunner.run("score", "--features", features.toString(), "--labels",
        labels.toString(), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("logme: warning: logme: class ids [0, 2, 5]");
    JsonNode json = JSON.readTree(run.out()).at("/results/0");
    assertThat(json.get("classes").asInt()).isEqualTo(3);
    assertThat(json.get("per_class").has("5")).isTrue();
  }

  @Test
  void theSameInputGivesByteIdenticalOutput() {
    String[] args = {"score", "--features", BLOBS + "/features.npy", "--labels",
        BLOBS + "/labels.npy", "--json"};
    assertThat(CliRunner.run(args).out()).isEqualTo(CliRunner.run(args).out());
  }
}
