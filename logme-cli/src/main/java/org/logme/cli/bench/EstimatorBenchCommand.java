package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme bench estimators}: every estimator's compute time in process next to its Python
 * reference's compute time on the same generated data, in one run, plus the wall time and peak
 * memory of the whole {@code logme score} command.
 *
 * <p>Per case and row ({@link EstimatorCase}), three fresh processes: the reference (the
 * {@code --reference} command, {@code docs/estimator-benchmark/references.py}), which times
 * the reference function alone; {@link ComputeTiming}, which times logme's estimator alone on
 * the features in memory; and {@code logme score --estimator E --json}, timed from process
 * start to exit (JVM start, reading, computing, printing). The ratio is logme's first
 * in-process call (JIT warm-up included) over the reference's call.
 *
 * @since 0.2
 */
@Command(name = "estimators", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Benchmark every estimator against its Python reference on the same seeded data, in"
            + " one run.",
        "",
        "Each case NxDxC is written once under --dir: ReLU features max(0, centre + noise)"
            + " (class centres N(0, 0.3^2), noise N(0, 1)), float32, with labels and a CxE"
            + " label embedding for EMMS. Per estimator, three fresh processes: the reference"
            + " (--reference, e.g. docs/estimator-benchmark/references.py, which times the"
            + " reference function alone), logme's estimator timed alone in a fresh JVM (the"
            + " first call includes JIT warm-up; with --repeat, also the fastest later call),"
            + " and the whole 'logme score --estimator E' command (JVM start included) with its"
            + " peak resident memory. ratio = logme's first call / the reference's call.",
        "",
        "Without --reference only logme's figures are printed. The machine's load average"
            + " is printed before and after: compare ratios within one run, never seconds"
            + " across runs."},
    footer = {"", "Examples:",
        "  logme bench estimators --cases 5000x512x10",
        "  logme bench estimators --reference 'python3 docs/estimator-benchmark/references.py"
            + " --mirrors ../mirrors'",
        "  logme bench estimators --estimators nleep,parc,knn --repeat 3 --json",
        "%nExit codes: 0 success, 1 internal error, 2 usage error."})
public final class EstimatorBenchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  CommandSpec spec;

  @Option(names = "--cases", paramLabel = "NxDxC", split = ",", hideParamSyntax = true,
      defaultValue = "5000x512x10,20000x1024x10",
      description = "Tasks to run (default: ${DEFAULT-VALUE}).")
  List<String> cases;

  @Option(names = "--estimators", paramLabel = "ROW", split = ",", hideParamSyntax = true,
      description = "Rows to run (default: all): logme, hscore, hscore-shrinkage, transrate,"
          + " sfda, nleep, parc, gbc, knn, knn-k3-f1 (k = 3, F1, against transformer-ranker),"
          + " pactran, ncti, etran, etran-lda, etran-energy, ped+sfda, ped+logme, emms, tmi,"
          + " probe.")
  List<String> rows;

  @Option(names = "--reference", paramLabel = "COMMAND",
      description = "The command that times a reference, whitespace-separated; it is given"
          + " --features, --labels, --label-embeddings, --estimator and --param and prints"
          + " JSON with 'seconds', 'score', 'peak_rss_mb'.")
  String reference;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "ejml",
      description = "logme's backend (default: ${DEFAULT-VALUE}).")
  String backend;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
      description = "In-process calls per estimator; the first and the fastest later one are"
          + " reported (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--no-whole-command",
      description = "Do not time the whole 'logme score' command.")
  boolean skipWholeCommand;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
      description = "Kill a process that runs longer (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the tasks are written and kept (default: the temporary directory's"
          + " logme-bench/).")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "logme-bench");

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the measurements as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (repeat < 1) {
      throw new InvalidParameterException("--repeat must be at least 1, not " + repeat);
    }
    if (timeout < 1) {
      throw new InvalidParameterException("--timeout must be at least 1 second, not " + timeout);
    }
    List<EstimatorCase> selected = new ArrayList<>();
    List<EstimatorTask> tasks = new ArrayList<>();
    try {
      for (String row : rows == null ? EstimatorCase.ALL.stream().map(EstimatorCase::label)
          .toList() : rows) {
        selected.add(EstimatorCase.named(row));
      }
      for (String text : cases) {
        tasks.add(EstimatorTask.parse(text, seed));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectNode document = JSON.createObjectNode();
    document.put("load_average_before", loadAverage());
    ArrayNode results = document.putArray("results");
    if (!json) {
      out.println("load average before: " + loadAverage());
      out.printf(Locale.ROOT, "%-18s %-16s %9s %9s %9s %7s %9s %8s %8s  %-14s %s%n", "case",
          "estimator", "ref [s]", "logme [s]", "warm [s]", "ratio", "whole [s]", "RSS [MB]",
          "ref [MB]", "logme score", "reference score");
    }
    for (EstimatorTask task : tasks) {
      if (task.writeTo(dir)) {
        err.println("logme: wrote " + task.features(dir).getParent());
      }
      for (EstimatorCase row : selected) {
        ObjectNode node = results.addObject();
        node.put("case", task.name()).put("n", task.n()).put("d", task.d())
            .put("classes", task.classes()).put("estimator", row.label())
            .put("logme_estimator", row.estimator());
        if (!row.parameters().isEmpty()) {
          ObjectNode parameters = node.putObject("parameters");
          row.parameters().forEach(parameters::put);
        }
        measure(task, row, node, err);
        if (!json) {
          printRow(out, task, row, node);
        }
        out.flush();
      }
    }
    document.put("load_average_after", loadAverage());
    if (json) {
      out.println(JSON.writeValueAsString(document));
    } else {
      out.println("load average after: " + loadAverage());
    }
    return 0;
  }

  private void measure(EstimatorTask task, EstimatorCase row, ObjectNode node, PrintWriter err) {
    List<String> data = new ArrayList<>(List.of("--features", task.features(dir).toString(),
        "--labels", task.labels(dir).toString()));
    if (row.needsLabelEmbeddings()) {
      data.addAll(List.of("--label-embeddings", task.labelEmbeddings(dir).toString()));
    }
    if (reference != null && row.reference().isPresent()) {
      List<String> command = new ArrayList<>(Arrays.asList(reference.trim().split("\\s+")));
      command.addAll(data);
      command.addAll(List.of("--estimator", row.reference().get()));
      row.parameterWords().forEach(p -> command.addAll(List.of("--param", p)));
      attempt(node, "reference", err, () -> {
        JsonNode r = ChildRun.run(command, timeout).output();
        ObjectNode ref = node.putObject("reference");
        ref.set("seconds", r.get("seconds"));
        ref.set("score", r.get("score"));
        ref.set("peak_rss_mb", r.get("peak_rss_mb"));
        ref.set("source", r.get("reference"));
      });
    }
    List<String> compute = new ArrayList<>(data);
    compute.addAll(List.of("--estimator", row.estimator(), "--backend", backend, "--repeat",
        Integer.toString(repeat)));
    compute.addAll(row.parameterWords());
    attempt(node, "logme", err, () -> {
      ChildRun run = ChildRun.run(ChildRun.java(ComputeTiming.class.getName(), compute),
          timeout);
      ObjectNode logme = node.putObject("logme");
      JsonNode seconds = run.output().get("seconds");
      logme.put("first_seconds", seconds.get(0).asDouble());
      if (seconds.size() > 1) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < seconds.size(); i++) {
          best = Math.min(best, seconds.get(i).asDouble());
        }
        logme.put("warm_seconds", best);
      }
      logme.set("score", run.output().get("score"));
      logme.set("components", run.output().get("components"));
      if (run.output().has("peak_rss_kb")) {
        logme.put("compute_peak_rss_mb", run.output().get("peak_rss_kb").asDouble() / 1024);
      }
    });
    if (!skipWholeCommand && !row.setLevel()) {
      List<String> score = new ArrayList<>(List.of("score"));
      score.addAll(data);
      score.addAll(List.of("--estimator", row.estimator(), "--backend", backend, "--json"));
      row.parameterWords().forEach(p -> score.addAll(List.of("--param", p)));
      attempt(node, "whole_command", err, () -> {
        ChildRun run = ChildRun.run(ChildRun.java("org.logme.cli.Main", score), timeout);
        ObjectNode whole = node.putObject("whole_command");
        whole.put("seconds", run.seconds());
        if (run.peakKb().isPresent()) {
          whole.put("peak_rss_mb", run.peakKb().getAsLong() / 1024.0);
        }
      });
    }
    JsonNode ref = node.path("reference").path("seconds");
    JsonNode first = node.path("logme").path("first_seconds");
    if (ref.isNumber() && first.isNumber() && ref.asDouble() > 0) {
      node.put("ratio", first.asDouble() / ref.asDouble());
    }
  }

  private interface Step {
    void run() throws IOException;
  }

  private static void attempt(ObjectNode node, String what, PrintWriter err, Step step) {
    try {
      step.run();
    } catch (IOException e) {
      ObjectNode failed = node.has("failed") ? (ObjectNode) node.get("failed")
          : node.putObject("failed");
      failed.put(what, e.getMessage());
      err.println("logme: warning: " + what + " of " + node.get("estimator").asText() + " on "
          + node.get("case").asText() + " failed: " + e.getMessage());
    }
  }

  private static void printRow(PrintWriter out, EstimatorTask task, EstimatorCase row,
      ObjectNode node) {
    out.printf(Locale.ROOT, "%-18s %-16s %9s %9s %9s %7s %9s %8s %8s  %-14s %s%n",
        task.n() + "x" + task.d() + "x" + task.classes(), row.label(),
        seconds(node.path("reference").path("seconds")),
        seconds(node.path("logme").path("first_seconds")),
        seconds(node.path("logme").path("warm_seconds")),
        node.has("ratio") ? String.format(Locale.ROOT, "%.2f", node.get("ratio").asDouble())
            : "-",
        seconds(node.path("whole_command").path("seconds")),
        megabytes(node.path("whole_command").path("peak_rss_mb").isNumber()
            ? node.path("whole_command").path("peak_rss_mb")
            : node.path("logme").path("compute_peak_rss_mb")),
        megabytes(node.path("reference").path("peak_rss_mb")),
        score(node.path("logme").path("score")), score(node.path("reference").path("score")));
  }

  private static String seconds(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
  }

  private static String megabytes(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%.0f", value.asDouble()) : "-";
  }

  private static String score(JsonNode value) {
    return value.isNumber() ? String.format(Locale.ROOT, "%.10g", value.asDouble()) : "-";
  }

  /** @return the 1, 5 and 15 minute load averages, or "n/a" off Linux */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }
}
