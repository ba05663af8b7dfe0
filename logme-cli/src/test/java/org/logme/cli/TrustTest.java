package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.NpyReader;
import org.logme.io.NpyWriter;

/**
 * What a demanding new user tripped over, one test per finding: results that mislead and
 * friction when scripting the command line.
 */
class TrustTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIGITS = SharedFixtures.fixture("cls-digits");

  @TempDir
  Path dir;

  private static JsonNode json(CliRunner.Run run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  /** The only result of a {@code score --json}. */
  private static JsonNode result(CliRunner.Run run) throws IOException {
    JsonNode root = json(run);
    assertThat(root.get("results").size()).isEqualTo(1);
    return root.at("/results/0");
  }

  /** Finding 1: the default depends on the feature scale; the exact maximum does not. */
  @Test
  void theExactAlgorithmIsInvariantToTheFeatureScaleAndJsonShowsBothScores() throws IOException {
    Matrix f = NpyReader.read(DIGITS.resolve("features.npy")).asMatrix();
    String labels = DIGITS.resolve("labels.npy").toString();
    double exact = Double.NaN;
    for (double scale : new double[] {1e-4, 1, 1e4}) {
      Matrix scaled = f.copy();
      for (int i = 0; i < scaled.data().length; i++) {
        scaled.data()[i] *= scale;
      }
      Path file = dir.resolve("f" + scale + ".npy");
      NpyWriter.write(file, scaled, NpyWriter.Type.FLOAT64, false);
      JsonNode e = result(CliRunner.run("score", "--features", file.toString(), "--labels",
          labels, "--algorithm", "exact", "--json"));
      if (Double.isNaN(exact)) {
        exact = e.get("score").asDouble();
      }
      assertThat(e.get("score").asDouble()).as("exact at scale " + scale)
          .isCloseTo(exact, within(1e-9 * Math.abs(exact)));
      JsonNode reference = result(CliRunner.run("score", "--features", file.toString(),
          "--labels", labels, "--json"));
      if (scale == 1e4) {
        // the reference's epsilon biases it at this scale: both scores are reported
        assertThat(reference.get("score").asDouble()).isLessThan(exact - 0.05);
        assertThat(reference.at("/details/exact_maximum").asDouble())
            .isCloseTo(exact, within(1e-9 * Math.abs(exact)));
        assertThat(e.at("/details/fixed_point_score").asDouble())
            .isEqualTo(reference.get("score").asDouble());
      }
    }
    CliRunner.Run zero = CliRunner.run("score", "--features", DIGITS.resolve("features.npy")
        .toString(), "--labels", labels, "--param", "logme.epsilon=0", "--json");
    assertThat(result(zero).at("/parameters/epsilon").asDouble()).isZero();
    CliRunner.Run help = CliRunner.run("score", "--help");
    assertThat(help.out()).contains("fixed-point (default", "exact (the maximum evidence");
  }

  // ---- helpers: a small zoo of models whose informativeness falls with their index --------

  /** Writes a zoo: 4 classes, 160 samples, model mK mixing the class signal with noise. */
  private Path zoo(String name, int models, String accuracyCsv) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    java.util.Random random = new java.util.Random(5);
    double[] labels = new double[160];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 4;
    }
    NpyWriter.write(root.resolve("labels.npy"), Matrix.column(labels), NpyWriter.Type.FLOAT64,
        true);
    for (int m = 0; m < models; m++) {
      Matrix f = Matrix.zeros(160, 6);
      for (int i = 0; i < 160; i++) {
        for (int j = 0; j < 6; j++) {
          double signal = j == (int) labels[i] ? 3.0 / (1 + m) : 0;
          f.set(i, j, signal + random.nextGaussian());
        }
      }
      NpyWriter.write(Files.createDirectories(root.resolve("models").resolve("m" + m))
          .resolve("features.npy"), f, NpyWriter.Type.FLOAT32, false);
    }
    if (accuracyCsv != null) {
      Files.writeString(root.resolve("accuracy.csv"), accuracyCsv);
    }
    return root;
  }

  private Path table(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static long count(String text, String fragment) {
    return text.lines().filter(l -> l.contains(fragment)).count();
  }

  /** Finding 2: an empty cell leaves only its own column's values, which say how many models. */
  @Test
  void anEmptyCellIsLeftOutPairwiseAndTheCountsAreReported() throws IOException {
    Path csv = table("missing.csv", """
        dataset,model,accuracy,logme,leep
        A,a,90,3,1
        A,b,80,2,
        A,c,70,1,3
        A,d,60,0,2
        B,a,90,3,1
        B,b,80,2,2
        B,c,70,1,3
        """);
    CliRunner.Run run = CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset", "--json");
    JsonNode root = json(run);
    assertThat(root.at("/groups/A/leep/weighted_tau").isNumber()).isTrue();
    assertThat(root.at("/groups/A/leep/models").asInt()).isEqualTo(3);
    assertThat(root.at("/groups/A/logme/models").asInt()).isEqualTo(4);
    assertThat(root.at("/mean/leep/weighted_tau").isNumber()).isTrue();
    assertThat(count(run.err(), "pairwise-complete")).isEqualTo(1);
    CliRunner.Run text = CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset");
    assertThat(text.out()).contains(" (3)").contains("(k): the value uses only the k models");
  }

  /** Finding 3: a group with one model is null with a reason, as the README promises. */
  @Test
  void aOneModelGroupIsNullWithItsReasonAndTheRestIsReported() throws IOException {
    Path csv = table("one.csv", """
        dataset,model,accuracy,logme
        A,a,90,3
        A,b,80,2
        A,c,70,1
        C,a,50,1
        """);
    CliRunner.Run run = CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset", "--json");
    JsonNode root = json(run);
    assertThat(root.at("/groups/C/logme/weighted_tau").isNull()).isTrue();
    assertThat(root.at("/groups/A/logme/weighted_tau").asDouble()).isEqualTo(1.0);
    assertThat(root.at("/mean/logme/weighted_tau").asDouble()).isEqualTo(1.0);
    assertThat(run.err()).contains("undefined: C / logme: fewer than 2 models with both a score"
        + " and a ground truth (1)");
  }

  /** Finding 4: fractions in machine output, percent only in human tables, labelled. */
  @Test
  void accuraciesAreFractionsInMachineOutputAndLabelledPercentInText() throws IOException {
    Path report = dir.resolve("report");
    CliRunner.Run json = CliRunner.run("demo", "--models",
        "all-minilm-l6-v2-q,bge-small-zh-v15-q", "--tasks", "emoji-en", "--limit", "120", "--estimator", "logme", "--json", "--report",
        report.toString(), "--cache-dir", dir.resolve("cache").toString());
    for (JsonNode model : json(json).at("/tasks/0/models")) {
      assertThat(model.get("probe_accuracy").asDouble()).isBetween(0.0, 1.0);
    }
    try (var files = Files.walk(report)) {
      List<Path> tables = files.filter(p -> p.getFileName().toString().equals("results.csv"))
          .filter(p -> !p.toString().contains("imagenet10")).toList();
      assertThat(tables).isNotEmpty();
      for (Path table : tables) {
        List<String> csv = Files.readAllLines(table);
        int column = List.of(csv.get(0).split(",")).indexOf("accuracy");
        assertThat(column).as(table.toString()).isPositive();
        csv.subList(1, csv.size()).forEach(line -> assertThat(Double.parseDouble(
            line.split(",")[column])).isBetween(0.0, 1.0));
      }
    }
    for (JsonNode model : json(CliRunner.run("demo", "--digits", "--json")).get("models")) {
      assertThat(model.get("probe_accuracy").asDouble()).isBetween(0.0, 1.0);
    }
    CliRunner.Run text = CliRunner.run("demo", "--digits", "--no-report");
    assertThat(text.out()).containsPattern("\\d+\\.\\d%").contains("a percentage here, a fraction"
        + " in --json");
  }

  /** Finding 5: a lower-is-better truth is declared and printed, instead of tau = -1. */
  @Test
  void aLowerIsBetterTruthIsDeclaredAndPrinted() throws IOException {
    Path root = zoo("mse-zoo", 4, "model,accuracy,mse\nm0,0.9,0.1\nm1,0.8,0.2\nm2,0.7,0.3\n"
        + "m3,0.6,0.4\n");
    JsonNode byAccuracy = json(CliRunner.run("rank", "--zoo", root.toString(), "--json"));
    JsonNode wrongWay = json(CliRunner.run("rank", "--zoo", root.toString(), "--truth", "mse",
        "--json"));
    CliRunner.Run declared = CliRunner.run("rank", "--zoo", root.toString(), "--truth", "mse",
        "--lower-is-better", "mse", "--json");
    double tau = byAccuracy.at("/groups/all/logme/weighted_tau").asDouble();
    assertThat(tau).isGreaterThan(0.5);
    assertThat(wrongWay.at("/groups/all/logme/weighted_tau").asDouble())
        .isCloseTo(-tau, within(1e-12));
    JsonNode right = json(declared);
    assertThat(right.at("/groups/all/logme/weighted_tau").asDouble())
        .isCloseTo(tau, within(1e-12));
    assertThat(right.at("/truth/higher_is_better").asBoolean()).isFalse();
    CliRunner.Run text = CliRunner.run("rank", "--zoo", root.toString(), "--truth", "mse",
        "--lower-is-better", "mse");
    assertThat(text.out()).contains("mse (lower is better)")
        .contains("ground truth: mse (lower is better)");
  }

  /** Finding 6: ties, N-LEEP's aggregate, GBC below n_dims and unequal target scales. */
  @Test
  void theUndocumentedRulesAreChoicesOrWarnings() throws IOException {
    Path csv = table("ties.csv", "model,accuracy,flat\na,70,1\nb,90,1\nc,80,0\n");
    JsonNode average = json(CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--json"));
    JsonNode first = json(CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--ties", "first", "--json"));
    assertThat(average.at("/groups/all/flat/top1_relative_accuracy").asDouble())
        .isEqualTo(80.0 / 90);
    assertThat(first.at("/groups/all/flat/top1_relative_accuracy").asDouble())
        .isEqualTo(70.0 / 90);
    assertThat(first.get("ties").asText()).isEqualTo("first");
    JsonNode list = json(CliRunner.run("list", "--json"));
    assertThat(list.at("/estimators/nleep/parameters/aggregate/choices").toString())
        .contains("mean-probability", "mean-log");
    String f = DIGITS.resolve("features.npy").toString();
    String y = DIGITS.resolve("labels.npy").toString();
    CliRunner.Run gbc = CliRunner.run("score", "--features", f, "--labels", y, "--estimator",
        "gbc", "--param", "n_dims=100");
    assertThat(gbc.exitCode()).isZero();
    assertThat(gbc.err()).contains("fewer than the 100 PCA dimensions (n_dims=100); no PCA");
    Matrix targets = Matrix.zeros(40, 2);
    Matrix features = org.logme.api.linalg.TestMatrices.gaussian(40, 3, 2);
    for (int i = 0; i < 40; i++) {
      targets.set(i, 0, features.get(i, 0));
      targets.set(i, 1, 1000 * features.get(i, 1));
    }
    Path t = dir.resolve("t.npy");
    Path x = dir.resolve("x.npy");
    NpyWriter.write(t, targets, NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(x, features, NpyWriter.Type.FLOAT64, false);
    CliRunner.Run scales = CliRunner.run("score", "--features", x.toString(), "--targets",
        t.toString());
    assertThat(scales.err()).contains("the target columns have different scales")
        .contains("standardise the targets");
  }

  /** Finding 8: the progress bar follows standard error, whatever standard output is. */
  @Test
  void theProgressBarFollowsStandardErrorAndCanBeTurnedOff() throws IOException {
    Path root = zoo("progress-zoo", 3, null);
    String previous = System.getProperty(ProgressOptions.STDERR_TTY);
    try {
      System.setProperty(ProgressOptions.STDERR_TTY, "true");
      assertThat(CliRunner.run("rank", "--zoo", root.toString()).err()).contains("3/3 models");
      assertThat(CliRunner.run("rank", "--zoo", root.toString(), "--no-progress").err())
          .doesNotContain("models  ");
      System.setProperty(ProgressOptions.STDERR_TTY, "false");
      assertThat(CliRunner.run("rank", "--zoo", root.toString()).err()).doesNotContain("3/3");
    } finally {
      if (previous == null) {
        System.clearProperty(ProgressOptions.STDERR_TTY);
      } else {
        System.setProperty(ProgressOptions.STDERR_TTY, previous);
      }
    }
  }

  /** Finding 9: one broken model is skipped, named with its missing file, and listed. */
  @Test
  void aBrokenModelIsSkippedNamedAndListedUnlessStrict() throws IOException {
    Path root = zoo("broken-zoo", 3, null);
    Files.createDirectories(root.resolve("models/x"));
    CliRunner.Run run = CliRunner.run("rank", "--zoo", root.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("model 'x': no features.npy in");
    assertThat(run.out()).contains("skipped (could not be scored; --strict to fail instead):")
        .contains("  x: ");
    JsonNode json = json(CliRunner.run("rank", "--zoo", root.toString(), "--json"));
    assertThat(json.at("/skipped/x").asText()).contains("no features.npy");
    assertThat(json.get("models").has("x")).isFalse();
    CliRunner.Run strict = CliRunner.run("rank", "--zoo", root.toString(), "--strict");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(strict.err()).contains("no features.npy");
  }

  /** Finding 10: a column of text is left out with one notice that suggests --group. */
  @Test
  void textColumnsAreLeftOutWithANoticeAndAGroupHint() throws IOException {
    Path csv = table("text.csv", """
        dataset,model,family,accuracy,logme
        digits,a,resnet,90,3
        digits,b,vit,80,2
        digits,c,resnet,70,1
        """);
    CliRunner.Run run = CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(count(run.err(), "column 'dataset' holds text")).isEqualTo(1);
    assertThat(run.err()).contains("--group dataset").contains("column 'family' holds text");
    CliRunner.Run grouped = CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset", "--json");
    assertThat(json(grouped).get("groups").has("digits")).isTrue();
  }

  /** Finding 12: score --json has one shape, versioned, for any number of estimators. */
  @Test
  void scoreJsonHasOneVersionedShape() throws IOException {
    String f = DIGITS.resolve("features.npy").toString();
    String y = DIGITS.resolve("labels.npy").toString();
    JsonNode one = json(CliRunner.run("score", "--features", f, "--labels", y, "--json"));
    JsonNode two = json(CliRunner.run("score", "--features", f, "--labels", y, "--estimator",
        "logme,hscore,leep", "--json"));
    for (JsonNode root : List.of(one, two)) {
      assertThat(root.get("schema").asText()).isEqualTo("logme.score/2");
      assertThat(root.get("results").isArray()).isTrue();
      assertThat(root.get("skipped").isArray()).isTrue();
    }
    assertThat(one.get("results").size()).isEqualTo(1);
    assertThat(two.get("results").size()).isEqualTo(2);
    assertThat(two.at("/skipped/0").asText()).contains("estimator 'leep' needs");
  }

  /** Finding 13: rank's JSON describes every model; the CSV exists without --report. */
  @Test
  void rankJsonDescribesEveryModelAndTheCsvNeedsNoReport() throws IOException {
    Path root = zoo("json-zoo", 3, "model,accuracy,params\nm0,0.9,5\nm1,0.8,6\nm2,0.7,7\n");
    Path csv = dir.resolve("out.csv");
    CliRunner.Run run = CliRunner.run("rank", "--zoo", root.toString(), "--json", "--csv",
        csv.toString());
    JsonNode json = json(run);
    assertThat(json.get("schema").asText()).isEqualTo("logme.rank/2");
    JsonNode m0 = json.at("/models/m0");
    assertThat(m0.get("truth").asDouble()).isEqualTo(0.9);
    assertThat(m0.at("/static/params").asDouble()).isEqualTo(5);
    assertThat(m0.get("n").asInt()).isEqualTo(160);
    assertThat(m0.get("d").asInt()).isEqualTo(6);
    assertThat(m0.get("feature_input").asText()).startsWith("streamed");
    assertThat(m0.at("/estimators/logme/iterations").isArray()).isTrue();
    assertThat(m0.at("/estimators/logme/per_target").size()).isEqualTo(4);
    assertThat(json.at("/columns/params/kind").asText()).isEqualTo("static");
    assertThat(Files.readAllLines(csv).get(0)).isEqualTo("model,accuracy,logme,static:params");
    JsonNode again = json(CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--json"));
    assertThat(again.at("/columns/params/kind").asText()).isEqualTo("static");
  }

  /** Finding 14: an estimator skipped for lack of input does not force features into memory. */
  @Test
  void aSkippedEstimatorDoesNotDecideHowFeaturesAreRead() throws IOException {
    JsonNode root = json(CliRunner.run("score", "--features", DIGITS.resolve("features.npy")
        .toString(), "--labels", DIGITS.resolve("labels.npy").toString(), "--estimator",
        "logme,leep", "--json"));
    assertThat(root.at("/results/0/feature_input").asText()).startsWith("streamed");
  }

  /** Finding 16: tables read cleanly: one format per column, plural forms, warnings once. */
  @Test
  void textTablesUseFixedDecimalsPluralsAndSayThingsOnce() throws IOException {
    Path root = zoo("text-zoo", 4, null);
    CliRunner.Run run = CliRunner.run("rank", "--zoo", root.toString(), "--estimator",
        "logme,leep");
    assertThat(count(run.err(), "estimator 'leep' needs")).isEqualTo(1);
    assertThat(run.err()).contains("missing for 4 of 4 models (m0, m1, m2, m3)");
    List<String> rows = run.out().lines().filter(l -> l.matches("m\\d .*")).toList();
    assertThat(rows).hasSize(4);
    // every logme value has the same number of decimals
    assertThat(rows.stream().map(l -> l.replaceAll(".*?(-?\\d+\\.(\\d+)) \\(\\d\\).*", "$2")
        .length()).distinct()).hasSize(1);
    Matrix targets = Matrix.zeros(40, 1);
    Matrix features = org.logme.api.linalg.TestMatrices.gaussian(40, 3, 2);
    for (int i = 0; i < 40; i++) {
      targets.set(i, 0, features.get(i, 0));
    }
    Path t = dir.resolve("t1.npy");
    Path x = dir.resolve("x1.npy");
    NpyWriter.write(t, targets, NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(x, features, NpyWriter.Type.FLOAT64, false);
    assertThat(CliRunner.run("score", "--features", x.toString(), "--targets", t.toString())
        .out()).contains("1 output;").doesNotContain("1 outputs");
    CliRunner.Run leepOnly = CliRunner.run("score", "--labels", DIGITS.resolve("labels.npy")
        .toString(), "--source-probs", SharedFixtures.fixture("leep-nce")
        .resolve("source_probs.npy").toString(), "--estimator", "leep");
    assertThat(leepOnly.out()).doesNotContain("features none");
  }

  /** Finding 18: help examples are whole lines at 80 columns; misspellings get a suggestion. */
  @Test
  void helpExamplesFitAndMisspellingsGetSuggestions() {
    for (String command : List.of("score", "rank", "correlate", "extract", "select", "demo",
        "bench", "list")) {
      String help = CliRunner.run(command, "--help").out();
      List<String> examples = help.lines().filter(l -> l.startsWith("  logme ")).toList();
      examples.forEach(l -> assertThat(l.length()).as(command + ": " + l).isLessThanOrEqualTo(80));
      assertThat(help).doesNotContain("the issue").doesNotContain("...][,");
    }
    assertThat(CliRunner.run("score", "--estimator", "logmee", "--features", "x").err())
        .contains("did you mean 'logme'?");
    assertThat(CliRunner.run("score", "--backend", "ejm", "--features", "x").err())
        .contains("did you mean 'ejml'?");
    assertThat(CliRunner.run("rnak").err()).contains("did you mean 'rank'?");
    assertThat(CliRunner.run("score", "--feature", "x").err()).contains("did you mean"
        + " '--features'?");
  }

  /** Finding 19: rank reads multi-label zoos and chosen read modes; correlate can skip. */
  @Test
  void rankTakesMultiLabelAndReadAndCorrelateSkipsColumnsAndGroups() throws IOException {
    Path root = zoo("ml-zoo", 3, null);
    Files.delete(root.resolve("labels.npy"));
    Matrix indicators = Matrix.zeros(160, 2);
    for (int i = 0; i < 160; i++) {
      indicators.set(i, 0, i % 4 == 0 ? 1 : 0);
      indicators.set(i, 1, i % 4 < 2 ? 1 : 0);
    }
    NpyWriter.write(root.resolve("targets.npy"), indicators, NpyWriter.Type.FLOAT64, false);
    JsonNode ml = json(CliRunner.run("rank", "--zoo", root.toString(), "--multi-label",
        "--read", "memory", "--json"));
    assertThat(ml.at("/models/m0/estimators/logme/details/task").asText())
        .isEqualTo("multi-label");
    assertThat(ml.at("/models/m0/feature_input").asText()).startsWith("loaded");
    assertThat(CliRunner.run("rank", "--zoo", root.toString()).out()).contains("  D  ");
    Path csv = table("skip.csv", """
        dataset,model,accuracy,logme,leep,notes
        A,a,90,3,1,x
        A,b,80,2,2,y
        B,a,90,3,1,z
        B,b,80,2,2,w
        """);
    JsonNode skipped = json(CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset", "--skip-columns", "leep,notes", "--skip-groups", "B",
        "--json"));
    assertThat(skipped.get("groups").has("B")).isFalse();
    assertThat(skipped.get("columns").has("leep")).isFalse();
    JsonNode only = json(CliRunner.run("correlate", "--table", csv.toString(), "--truth",
        "accuracy", "--group", "dataset", "--columns", "leep", "--json"));
    assertThat(only.get("columns").size()).isEqualTo(1);
  }
}
