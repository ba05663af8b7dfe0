package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.io.NpyWriter;
import org.logme.core.testing.HardCases;
import org.logme.core.testing.LogMeCase;
import org.logme.eval.ImageNet10Benchmark;

/**
 * Nothing is lost or half-written: inputs are never modified, the same input gives
 * byte-identical output and reports on every run and in every locale, and an output that cannot
 * be written leaves nothing behind and prints nothing.
 */
class NothingLostTest {
  @TempDir
  Path dir;

  /** A zoo of three models on cls-blobs, with accuracies, and the ImageNet-10 table. */
  private Path inputs() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    LogMeCase blobs = LogMeCase.load("cls-blobs");
    Path zoo = Files.createDirectories(in.resolve("zoo/models"));
    Files.copy(blobs.dir().resolve("labels.npy"), in.resolve("zoo/labels.npy"));
    Matrix f = blobs.features().matrix();
    Matrix[] models = {f, f.columns(0, 16), TestMatrices.gaussian(f.rows(), 32, 5)};
    String[] names = {"full", "half", "noise"};
    for (int m = 0; m < 3; m++) {
      NpyWriter.write(Files.createDirectories(zoo.resolve(names[m])).resolve("features.npy"),
          models[m], NpyWriter.Type.FLOAT32, false);
    }
    Files.writeString(in.resolve("zoo/accuracy.csv"), "model,accuracy\nfull,90\nhalf,80\nnoise,30\n");
    try (InputStream table = ImageNet10Benchmark.class.getResourceAsStream(
        ImageNet10Benchmark.BENCHMARK_RESOURCE)) {
      Files.copy(table, in.resolve("imagenet10.csv"));
    }
    HardCases.Problem slow = HardCases.nonConverging();
    NpyWriter.write(in.resolve("slow-f.npy"), slow.features(), NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(in.resolve("slow-y.npy"), Matrix.column(slow.labels()),
        NpyWriter.Type.FLOAT64, true);
    return in;
  }

  /** @return every file under root: its bytes and modification time */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p))
            + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static CliRunner.Run ok(String... args) {
    CliRunner.Run run = CliRunner.run(args);
    assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
    return run;
  }

  @Test
  void inputsAreNeverModified() throws IOException {
    Path in = inputs();
    Map<String, String> before = snapshot(in);
    String features = in.resolve("zoo/models/full/features.npy").toString();
    String labels = in.resolve("zoo/labels.npy").toString();
    ok("score", "--features", features, "--labels", labels);
    ok("score", "--features", features, "--labels", labels, "--read", "memory", "--estimator",
        "logme,hscore,knn", "--json");
    ok("rank", "--zoo", in.resolve("zoo").toString(), "--report", dir.resolve("r1").toString());
    ok("correlate", "--table", in.resolve("imagenet10.csv").toString(), "--truth", "accuracy",
        "--group", "dataset", "--bootstrap", "20", "--report", dir.resolve("r2").toString());
    assertThat(snapshot(in)).as("the inputs, byte for byte, and their times").isEqualTo(before);
  }

  @Test
  void theSameInputGivesByteIdenticalOutputAndReports() throws IOException {
    Path in = inputs();
    String zoo = in.resolve("zoo").toString();
    String[] score = {"score", "--features", in.resolve("zoo/models/full/features.npy")
        .toString(), "--labels", in.resolve("zoo/labels.npy").toString(), "--estimator",
        "logme,hscore,knn,nleep,parc", "--json"};
    assertThat(ok(score).out()).isEqualTo(ok(score).out());

    String[] correlate = {"correlate", "--table", in.resolve("imagenet10.csv").toString(),
        "--truth", "accuracy", "--group", "dataset", "--bootstrap", "100", "--seed", "3",
        "--json", "--report"};
    CliRunner.Run first = ok(append(correlate, dir.resolve("c1").toString()));
    CliRunner.Run second = ok(append(correlate, dir.resolve("c2").toString()));
    assertThat(second.out()).isEqualTo(first.out());
    assertSameFiles(dir.resolve("c1"), dir.resolve("c2"));

    // rank: one thread or two, the same bytes
    CliRunner.Run one = ok("rank", "--zoo", zoo, "--json", "--threads", "1", "--report",
        dir.resolve("k1").toString());
    CliRunner.Run two = ok("rank", "--zoo", zoo, "--json", "--threads", "2", "--report",
        dir.resolve("k2").toString());
    assertThat(two.out()).isEqualTo(one.out());
    assertSameFiles(dir.resolve("k1"), dir.resolve("k2"));
  }

  @Test
  void outputDoesNotDependOnTheLocale() throws IOException {
    Path in = inputs();
    String[][] commands = {
        {"score", "--features", in.resolve("slow-f.npy").toString(), "--labels",
            in.resolve("slow-y.npy").toString()},
        {"score", "--features", in.resolve("slow-f.npy").toString(), "--labels",
            in.resolve("slow-y.npy").toString(), "--json"},
        {"correlate", "--table", in.resolve("imagenet10.csv").toString(), "--truth", "accuracy",
            "--group", "dataset", "--bootstrap", "20"},
        {"rank", "--zoo", in.resolve("zoo").toString()}};
    Locale original = Locale.getDefault();
    try {
      for (String[] command : commands) {
        Locale.setDefault(Locale.ROOT);
        CliRunner.Run root = ok(command);
        Locale.setDefault(Locale.GERMANY);
        CliRunner.Run german = ok(command);
        assertThat(german.out()).as(String.join(" ", command)).isEqualTo(root.out());
        assertThat(german.err()).as(String.join(" ", command)).isEqualTo(root.err());
      }
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void aReportThatCannotBeWrittenLeavesNothingBehindAndPrintsNothing() throws IOException {
    Path in = inputs();
    Path taken = Files.writeString(dir.resolve("taken"), "keep");
    CliRunner.Run correlate = CliRunner.run("correlate", "--table",
        in.resolve("imagenet10.csv").toString(), "--truth", "accuracy", "--group", "dataset",
        "--report", taken.resolve("out").toString());
    assertThat(correlate.exitCode()).as(correlate.err()).isEqualTo(ExitCode.USAGE);
    assertThat(correlate.out()).isEmpty();
    assertThat(correlate.err().lines()).singleElement().asString()
        .startsWith("logme: error: " + taken.resolve("out") + ": cannot write the report there")
        .endsWith("choose a writable directory with --report DIR");
    assertThat(Files.readString(taken)).isEqualTo("keep");

    // a report directory whose report.html is a directory: no file of the set is replaced
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.createDirectories(out.resolve("report.html/keep"));
    Files.writeString(out.resolve("results.csv"), "old");
    CliRunner.Run rank = CliRunner.run("rank", "--zoo", in.resolve("zoo").toString(), "--report",
        out.toString());
    assertThat(rank.exitCode()).as(rank.err()).isEqualTo(ExitCode.USAGE);
    assertThat(rank.out()).isEmpty();
    assertThat(Files.readString(out.resolve("results.csv"))).isEqualTo("old");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.html", "results.csv");
    }

    CliRunner.Run demo = CliRunner.run("demo", "--digits", "--report", taken.toString());
    assertThat(demo.exitCode()).as(demo.err()).isEqualTo(ExitCode.USAGE);
    assertThat(demo.out()).isEmpty();
    assertThat(Files.readString(taken)).isEqualTo("keep");
  }

  private static String[] append(String[] args, String last) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = last;
    return all;
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    Map<String, byte[]> first = contents(a);
    Map<String, byte[]> second = contents(b);
    assertThat(second.keySet()).isEqualTo(first.keySet()).contains("report.html",
        "results.csv", "results.json");
    for (String name : first.keySet()) {
      assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
    }
  }
}
