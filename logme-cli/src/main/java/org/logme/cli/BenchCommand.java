package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.cli.bench.FloorRun;
import org.logme.cli.bench.LoadAverage;
import org.logme.cli.bench.PeakMemory;
import org.logme.cli.bench.ReferenceRun;
import org.logme.cli.bench.ScoreRun;
import org.logme.cli.bench.SyntheticTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme bench}: times {@code logme score} on seeded synthetic tasks, per backend, with
 * the peak memory of the whole process.
 *
 * @since 0.1
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true, subcommands = org.logme.cli.bench.EstimatorBenchCommand.class,
    description = {
        "Benchmark 'logme score' (LogME, default settings) on seeded synthetic tasks.",
        "",
        "Each case NxDxC is written once as float32 features and labels under --dir (class"
            + " centres N(0, 0.3^2) plus N(0, 1) noise; the same seed gives the same files), then"
            + " scored by every backend in a fresh JVM with this JVM's memory settings. Reported:"
            + " wall time of the whole command, peak resident memory of the process (Linux"
            + " VmHWM) and the score, which must agree across backends.",
        "",
        "Before the backends, each case's BLAS floor is timed in a fresh JVM: dsyrk on the whole"
            + " float64 matrix in memory and dsyevd of the D x D result, through the OpenBLAS the"
            + " native backend uses, reading and JVM start excluded. Every backend's wall time is"
            + " printed as a ratio to it (x floor) and, with --reference, to the Python reference"
            + " (thuml/LogME's LogME.py, run on the same files in the same session; x ref).",
        "",
        "The default cases are the two sizes of docs/performance.md: 20000x1024 and 50000x2048"
            + " with 100 classes. The machine is usually shared: compare ratios from one run,"
            + " and read the load average printed with them."},
    footer = {"", "Examples:",
        "  logme bench",
        "  logme bench --cases 20000x1024x100 --backends native,ejml --repeat 3",
        "  logme bench --cases 10000x1024x100,20000x1024x100,40000x1024x100 --json",
        "  logme bench --cases 50000x2048x100 --reference ~/LogME/LogME.py --repeat 3"})
final class BenchCommand implements Callable<Integer> {
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;

  @Spec
  CommandSpec spec;

  @Option(names = "--cases", paramLabel = "NxDxC", split = ",", hideParamSyntax = true,
      defaultValue = "20000x1024x100,50000x2048x100",
      description = "Tasks to run (default: ${DEFAULT-VALUE}).")
  List<String> cases;

  @Option(names = "--backends", paramLabel = "NAME", split = ",", hideParamSyntax = true,
      description = "Backends to run (default: all available).")
  List<String> backendNames;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the task files are written and kept (default: the temporary"
          + " directory's logme-bench/).")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "logme-bench");

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--repeat", paramLabel = "R", defaultValue = "1",
      description = "Runs per case and backend; the fastest is reported (default:"
          + " ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads for each score run (default: all processors).")
  int threads;

  @Option(names = "--no-floor", description = "Do not time the BLAS floor.")
  boolean noFloor;

  @Option(names = "--reference", paramLabel = "LogME.py",
      description = "Also time the Python reference: thuml/LogME's LogME.py"
          + " (github.com/thuml/LogME), run with --python on the same files; without numba its"
          + " @njit functions run as plain numpy, which is reported.")
  Path reference;

  @Option(names = "--python", paramLabel = "CMD", defaultValue = "python3",
      description = "The Python interpreter for --reference, with numpy (default:"
          + " ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--json", description = "Print the measurements as JSON.")
  boolean json;

  @Inject
  BenchCommand(PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.backends = backends;
  }

  @Override
  public Integer call() throws IOException {
    if (repeat < 1) {
      throw new InvalidParameterException("--repeat must be at least 1, not " + repeat);
    }
    List<String> names = backendNames == null ? new ArrayList<>(backends.all().keySet())
        : backendNames;
    names.forEach(backends::get);
    if (reference != null && !Files.isRegularFile(reference)) {
      throw new InvalidParameterException("--reference " + reference + ": no such file; give the"
          + " path of thuml/LogME's LogME.py (git clone https://github.com/thuml/LogME)");
    }
    List<SyntheticTask> tasks = new ArrayList<>();
    for (String text : cases) {
      try {
        tasks.add(SyntheticTask.parse(text, seed));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(e.getMessage());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArrayNode results = Json.array();
    if (!json) {
      out.printf(Locale.ROOT, "%-20s %-9s %9s %9s %8s %7s  %s%n", "case (N x D x C)",
          "backend", "wall [s]", "RSS [MB]", "x floor", "x ref", "score or parts, features,"
          + " load average");
    }
    for (SyntheticTask task : tasks) {
      if (task.writeTo(dir)) {
        err.println("logme: wrote " + task.features(dir).getParent());
      }
      FloorRun floor = noFloor ? null : FloorRun.measure(task, dir, repeat);
      if (floor != null) {
        String notes = floor.describe() + (floor.nativeCode() ? "" : "; " + floor.library());
        row(out, results, task, "floor", floor.seconds(), null, null, null, notes)
            .put("gram_seconds", floor.gramSeconds()).put("eigen_seconds", floor.eigenSeconds())
            .put("library", floor.library());
      }
      ReferenceRun ref = null;
      if (reference != null) {
        for (int r = 0; r < repeat; r++) {
          ReferenceRun run = ReferenceRun.measure(python, reference, task, dir);
          ref = ref == null || run.seconds() < ref.seconds() ? run : ref;
        }
        row(out, results, task, "reference", ref.seconds(), (double) ref.peakKb(), floor, null,
            String.format(Locale.ROOT, "fit %.2f s, numba %s, score %.8f", ref.fitSeconds(),
            ref.numba() ? "used" : "absent (plain numpy)", ref.score()))
            .put("fit_seconds", ref.fitSeconds()).put("numba", ref.numba())
            .put("score", ref.score());
      }
      Double first = null;
      for (String backend : names) {
        ScoreRun best = null;
        for (int r = 0; r < repeat; r++) {
          ScoreRun run = ScoreRun.measure(task, dir, backend, threads);
          best = best == null || run.seconds() < best.seconds() ? run : best;
        }
        if (first == null) {
          first = best.score();
        } else if (Math.abs(best.score() - first) > 1e-6 * Math.abs(first)) {
          err.println("logme: warning: backend " + backend + " scored " + best.score()
              + " where " + names.get(0) + " scored " + first);
        }
        if (ref != null && Math.abs(best.score() - ref.score()) > 1e-6 * Math.abs(ref.score())) {
          err.println("logme: warning: backend " + backend + " scored " + best.score()
              + " where the Python reference scored " + ref.score());
        }
        Double peakKb = best.peakKb().isPresent() ? (double) best.peakKb().getAsLong() : null;
        row(out, results, task, backend, best.seconds(), peakKb, floor, ref,
            String.format(Locale.ROOT, "%.8f", best.score()) + "  "
            + (best.featureInput().startsWith("streamed") ? "streamed" : "in memory"))
            .put("score", best.score()).put("feature_input", best.featureInput());
      }
    }
    if (json) {
      out.println(Json.write(results));
    } else if (PeakMemory.read().isEmpty()) {
      out.println("(peak memory is read from /proc, which this platform does not have)");
    }
    return ExitCode.OK;
  }

  /**
   * Prints one measurement (or adds it to the JSON) with its ratios to the floor and the
   * reference and the load average at the time.
   *
   * @return the JSON node, for the fields particular to the row
   */
  private ObjectNode row(PrintWriter out, ArrayNode results, SyntheticTask task, String what,
      double seconds, Double peakKb, FloorRun floor, ReferenceRun ref, String notes) {
    Double toFloor = floor == null ? null : seconds / floor.seconds();
    Double toRef = ref == null ? null : seconds / ref.seconds();
    Double load = LoadAverage.oneMinute().orElse(null);
    ObjectNode node = results.addObject();
    node.put("case", task.name()).put("n", task.n()).put("d", task.d())
        .put("classes", task.classes()).put("backend", what).put("seconds", seconds);
    if (peakKb != null) {
      node.put("peak_rss_mb", peakKb / 1024.0);
    }
    if (toFloor != null) {
      node.put("floor_seconds", floor.seconds()).put("x_floor", toFloor);
    }
    if (toRef != null) {
      node.put("reference_seconds", ref.seconds()).put("x_reference", toRef);
    }
    if (load != null) {
      node.put("load_average", load);
    }
    if (!json) {
      out.printf(Locale.ROOT, "%-20s %-9s %9.2f %9s %8s %7s  %s%n",
          task.n() + " x " + task.d() + " x " + task.classes(), what, seconds,
          peakKb == null ? "" : String.format(Locale.ROOT, "%.0f", peakKb / 1024.0),
          toFloor == null ? "" : String.format(Locale.ROOT, "%.2f", toFloor),
          toRef == null ? "" : String.format(Locale.ROOT, "%.3f", toRef),
          notes + (load == null ? "" : String.format(Locale.ROOT, "  (load %.2f)", load)));
      out.flush();
    }
    return node;
  }
}
