package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.benchmark.Benchmark;
import org.logme.eval.benchmark.Benchmarks;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.TextTables;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logme benchmarks}: the published benchmark tables shipped with logme, with their
 * provenance; list them, show one, or correlate its scores (and yours) with its ground truth.
 *
 * @since 0.1
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "The published benchmark tables shipped with logme: the ground truth (fine-tuned or"
            + " linear-probe accuracy) of model zoos from the papers and repositories of the"
            + " field, with the estimator scores their sources published, each with its"
            + " provenance (repository, file, commit, licence, protocol, known defects)."},
    subcommands = {BenchmarksCommand.ListTables.class, BenchmarksCommand.Show.class,
        BenchmarksCommand.Correlate.class},
    footer = {"", "Examples:",
        "  logme benchmarks list",
        "  logme benchmarks show sfda-cnn",
        "  logme benchmarks correlate stable-transfer-architectures",
        "  logme benchmarks correlate sfda-cnn --scores my-scores.csv --json",
        "  logme benchmarks correlate imagenet10 --leave-out 1 \\",
        "      --remove-largest params --bootstrap 1000",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input."})
final class BenchmarksCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }

  /** {@code logme benchmarks list}: one table per line. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the shipped tables, one per line: name, groups x models, the"
          + " estimators published with it, and what it is.")
  static final class ListTables implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int width = Benchmarks.all().stream().mapToInt(b -> b.name().length()).max().orElse(0);
      for (Benchmark b : Benchmarks.all()) {
        ResultsTable table = b.table();
        int models = table.groups().stream().mapToInt(Group::size).max().orElse(0);
        List<String> estimators = b.estimators();
        out.printf(Locale.ROOT, "%-" + width + "s  %2d groups x %3d models  %s  %s%n", b.name(),
            table.groups().size(), models, estimators.isEmpty() ? "ground truth only"
                : "scores: " + String.join(",", estimators), b.title());
      }
      return ExitCode.OK;
    }
  }

  /** {@code logme benchmarks show NAME}: provenance, contents and disagreements. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show a table's provenance, its groups and models, and every cell another"
          + " table gives a different value for the same model and dataset (both values are"
          + " shown; tables are never merged).")
  static final class Show implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A table, as 'logme benchmarks list' names"
        + " it.")
    String name;

    @Override
    public Integer call() {
      Benchmark b = Benchmarks.get(name);
      PrintWriter out = spec.commandLine().getOut();
      b.describe().forEach(out::println);
      ResultsTable table = b.table();
      out.println();
      out.println("groups: " + String.join(", ", table.groups().stream().map(Group::name)
          .toList()));
      out.println("models: " + String.join(", ", new LinkedHashSet<>(table.groups().stream()
          .flatMap(g -> g.models().stream()).toList())));
      out.println("columns: " + String.join(", ", table.columns().stream().map(c -> c.name()
          + (c.isStatic() ? " (static)" : "")).toList()));
      List<Benchmarks.Disagreement> disagreements = Benchmarks.disagreements(b);
      if (!disagreements.isEmpty()) {
        out.println();
        out.println(disagreements.size() + " cells where another table gives another value for"
            + " the same model and dataset (accuracy in percent; different fine-tuning runs or"
            + " protocols; both kept):");
        disagreements.forEach(d -> out.printf(Locale.ROOT, "  %s on %s: %s here, %s in %s%n",
            d.model(), d.dataset(), number(d.value()), number(d.otherValue()), d.other()));
      }
      return ExitCode.OK;
    }

    private static String number(double v) {
      return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
  }

  /** {@code logme benchmarks correlate NAME}: as {@code logme correlate}, on a shipped table. */
  @Command(name = "correlate", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Correlate a table's published scores, its static baselines and your own"
          + " scores (--scores) with its ground truth, per group and on average, as 'logme"
          + " correlate' does; the provenance is printed first (on standard error with"
          + " --json).")
  static final class Correlate implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A table, as 'logme benchmarks list' names"
        + " it.")
    String name;

    @Option(names = "--scores", paramLabel = "FILE",
        description = "Your own scores for the table's models: a CSV with the table's group"
            + " column (see 'logme benchmarks show NAME'), a model column with its model names,"
            + " and one column per estimator.")
    Path scores;

    @Option(names = "--json", description = "Print the correlations as 'logme correlate --json'"
        + " does.")
    boolean json;

    @Mixin
    TableOptions tableOptions = new TableOptions();

    @Mixin
    ReportOptions reportOptions = new ReportOptions();

    @Mixin
    AblationOptions ablationOptions = new AblationOptions();

    @Override
    public Integer call() throws IOException {
      Benchmark b = Benchmarks.get(name);
      ResultsTable table = b.table();
      String group = b.provenance().at("/spec/group").asText();
      if (scores != null) {
        table = table.withScores(ResultsTable.read(scores, tableOptions.applyTo(
            TableSpec.scoresOnly().withGroup(group))));
      }
      table = relabel(table);
      if (table.columns().isEmpty()) {
        throw new org.logme.api.InvalidParameterException(b.name() + " publishes no scores and"
            + " no static baselines for its models: give yours with --scores FILE (columns "
            + group + ",model,<one column per estimator>)");
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CorrelationTable correlations = CorrelationTable.compute(table);
      BootstrapResult resampled = reportOptions.bootstrap(table);
      Ablations ablations = ablationOptions.compute(table, reportOptions.seed);
      Path written = reportOptions.writeIfAsked(Report.of(table).withBootstrap(resampled)
          .withAblations(ablations).withTitle("logme benchmarks correlate " + b.name()));
      PrintWriter provenance = json ? err : out;
      b.describe().forEach(line -> provenance.println("# " + line));
      correlations.notes().forEach(n -> err.println("logme: warning: " + n));
      correlations.undefinedValues().forEach(v -> err.println("logme: warning: undefined: "
          + v));
      if (json) {
        ObjectNode node = CorrelationJson.correlationsNode(correlations);
        node.put("benchmark", b.name());
        if (resampled != null) {
          node.set("bootstrap", CorrelationJson.bootstrapNode(resampled));
        }
        AblationOptions.addTo(node, ablations);
        ArrayNode defects = node.putArray("known_defects");
        b.provenance().path("known_defects").forEach(d -> defects.add(d.asText()));
        out.println(Json.write(node));
      } else {
        out.println();
        for (Metric metric : Metric.values()) {
          out.print(TextTables.correlations(correlations, metric));
          out.println();
        }
        if (resampled != null) {
          out.print(TextTables.bootstrap(resampled, table.columns()));
          CorrelateCommand.printWinRates(out, resampled, table);
        }
        AblationOptions.print(out, ablations);
      }
      ReportOptions.announce(written, err);
      return ExitCode.OK;
    }

    /** The shipped table with the directions and tie rule of the options. */
    private ResultsTable relabel(ResultsTable table) {
      ResultsTable relabelled = table.withTies(tableOptions.ties);
      for (String column : tableOptions.lowerIsBetter) {
        relabelled = relabelled.withLowerIsBetter(column);
      }
      return relabelled;
    }
  }
}
