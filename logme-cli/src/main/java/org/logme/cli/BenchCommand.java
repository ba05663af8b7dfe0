package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.cli.bench.PeakMemory;
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
        "The default cases are the two sizes of docs/performance.md: 20000x1024 and 50000x2048"
            + " with 100 classes,"
            + " which the Python reference (thuml/LogME, numba + OpenBLAS, 2 cores) scored in"
            + " 4.2 s / 0.75 GB and 40 s / 3.0 GB."},
    footer = {"", "Examples:",
        "  logme bench",
        "  logme bench --cases 20000x1024x100 --backends native,ejml --repeat 3",
        "  logme bench --cases 10000x1024x100,20000x1024x100,40000x1024x100 --json"})
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
      out.printf(Locale.ROOT, "%-24s %-8s %9s %14s  %-14s %s%n", "case (N x D x C)", "backend",
          "wall [s]", "peak RSS [MB]", "score", "features");
    }
    for (SyntheticTask task : tasks) {
      if (task.writeTo(dir)) {
        err.println("logme: wrote " + task.features(dir).getParent());
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
        String peak = best.peakKb().isPresent()
            ? String.format(Locale.ROOT, "%.0f", best.peakKb().getAsLong() / 1024.0) : "n/a";
        if (json) {
          ObjectNode node = results.addObject();
          node.put("case", task.name()).put("n", task.n()).put("d", task.d())
              .put("classes", task.classes()).put("backend", backend)
              .put("seconds", best.seconds()).put("score", best.score())
              .put("feature_input", best.featureInput());
          if (best.peakKb().isPresent()) {
            node.put("peak_rss_mb", best.peakKb().getAsLong() / 1024.0);
          }
        } else {
          out.printf(Locale.ROOT, "%-24s %-8s %9.2f %14s  %-14.8f %s%n",
              task.n() + " x " + task.d() + " x " + task.classes(), backend, best.seconds(), peak,
              best.score(), best.featureInput().startsWith("streamed") ? "streamed" : "in memory");
        }
        out.flush();
      }
    }
    if (json) {
      out.println(Json.write(results));
    } else if (PeakMemory.read().isEmpty()) {
      out.println("(peak memory is read from /proc, which this platform does not have)");
    }
    return ExitCode.OK;
  }
}
