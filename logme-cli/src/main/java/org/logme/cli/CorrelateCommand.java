package org.logme.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.report.AblationTables;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.TextTables;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.StaticFacts;
import org.logme.eval.table.TableSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme correlate}: how well each estimator's ranking of models agrees with their
 * fine-tuned accuracy, per group (dataset) and on average.
 *
 * @since 0.1
 */
@Command(name = "correlate", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Correlate estimator scores with fine-tuned accuracy, as in the LogME paper: weighted"
            + " Kendall tau (scipy.stats.weightedtau), Kendall tau-b, Spearman, Pearson, top-1"
            + " relative accuracy and regret, per group and averaged over groups.",
        "",
        "The table is a CSV with a header: a 'model' column, the ground-truth column (--truth),"
            + " one column per estimator, optionally a group column (--group) such as the"
            + " dataset. Columns named with --static are static baselines (scores that use no"
            + " target data, such as ImageNet accuracy) and are reported apart."},
    footer = {"", "Examples:",
        "  logme correlate --table results.csv --truth accuracy --group dataset",
        "  logme correlate --table results.csv --truth accuracy --group dataset \\",
        "      --json",
        "  logme correlate --table results.csv --truth accuracy \\",
        "      --bootstrap 1000 --seed 1 --report out/",
        "  logme correlate --table bench.csv --truth accuracy --group dataset \\",
        "      --facts models.csv",
        "  logme correlate --table regression.csv --truth mse --lower-is-better mse",
        "  logme correlate --table bench.csv --truth accuracy --group dataset \\",
        "      --facts models.csv --leave-out 1,2 --remove-largest params",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input."})
final class CorrelateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--table", paramLabel = "results.csv", required = true,
      description = "The results table (CSV, one row per model).")
  Path table;

  @Option(names = "--truth", paramLabel = "COLUMN", required = true,
      description = "The ground-truth column, e.g. fine-tuned accuracy (higher is better; name"
          + " it in --lower-is-better if it is an error such as mse).")
  String truth;

  @Option(names = "--group", paramLabel = "COLUMN",
      description = "A column that splits the models into groups, e.g. dataset (default: one"
          + " group named 'all').")
  String group;

  @Option(names = "--static", paramLabel = "COLUMN", split = ",", hideParamSyntax = true,
      description = "Columns that are static baselines (no target data), e.g. imagenet_top1,"
          + " comma-separated.")
  List<String> staticColumns = List.of();

  @Option(names = "--columns", paramLabel = "COLUMN", split = ",", hideParamSyntax = true,
      description = "Only these score columns, in this order (comma-separated); default: every"
          + " column of numbers but the model, truth and group columns.")
  List<String> columns;

  @Option(names = "--skip-columns", paramLabel = "COLUMN", split = ",", hideParamSyntax = true,
      description = "Leave these columns out (comma-separated), e.g. notes or a second truth."
          + " Columns of text are left out anyway, with a notice.")
  List<String> skipColumns = List.of();

  @Option(names = "--skip-groups", paramLabel = "GROUP", split = ",", hideParamSyntax = true,
      description = "Leave these groups (values of --group) out, comma-separated.")
  List<String> skipGroups = List.of();

  @Mixin
  TableOptions tableOptions = new TableOptions();

  @Option(names = "--facts", paramLabel = "models.csv",
      description = "A CSV of per-model facts (model,<columns...>) joined by model name and"
          + " reported as static baselines.")
  Path facts;

  @Option(names = "--json", description = "Print {\"groups\": ..., \"mean\": ...} as JSON (plus"
      + " \"bootstrap\" with --bootstrap, \"ablations\" with --leave-out or"
      + " --remove-largest).")
  boolean json;

  @Mixin
  ReportOptions reportOptions = new ReportOptions();

  @Mixin
  AblationOptions ablationOptions = new AblationOptions();

  @Override
  public Integer call() throws IOException {
    if (!skipGroups.isEmpty() && group == null) {
      throw new InvalidParameterException("--skip-groups needs --group COLUMN, the column that"
          + " names the groups");
    }
    TableSpec tableSpec = tableOptions.applyTo(TableSpec.truth(truth).withStaticColumns(
        new LinkedHashSet<>(staticColumns)).withIgnored(new LinkedHashSet<>(skipColumns))
        .withColumns(columns).withSkippedGroups(new LinkedHashSet<>(skipGroups)));
    if (group != null) {
      tableSpec = tableSpec.withGroup(group);
    }
    ResultsTable results = ResultsTable.read(table, tableSpec);
    if (facts != null) {
      results = results.withStaticColumns(StaticFacts.read(facts));
    }
    CorrelationTable correlations = CorrelationTable.compute(results);
    BootstrapResult resampled = reportOptions.bootstrap(results);
    Ablations ablations = ablationOptions.compute(results, reportOptions.seed);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // the report first: if its directory is unusable, nothing has been printed yet
    Path written = reportOptions.writeIfAsked(Report.of(results).withBootstrap(resampled)
        .withAblations(ablations));
    correlations.notes().forEach(n -> err.println("logme: warning: " + n));
    correlations.undefinedValues().forEach(v -> err.println("logme: warning: undefined: " + v));
    if (json) {
      ObjectNode node = CorrelationJson.correlationsNode(correlations);
      if (resampled != null) {
        node.set("bootstrap", CorrelationJson.bootstrapNode(resampled));
      }
      AblationOptions.addTo(node, ablations);
      out.println(Json.write(node));
    } else {
      out.print(TextTables.correlations(correlations, Metric.WEIGHTED_TAU));
      out.println();
      for (Metric metric : Metric.values()) {
        if (metric != Metric.WEIGHTED_TAU) {
          out.print(TextTables.correlations(correlations, metric));
          out.println();
        }
      }
      if (resampled != null) {
        out.print(TextTables.bootstrap(resampled, results.columns()));
        printWinRates(out, resampled, results);
      }
      AblationOptions.print(out, ablations);
    }
    ReportOptions.announce(written, err);
    return ExitCode.OK;
  }

  /** The win rates across groups, when there are several groups to win. */
  static void printWinRates(PrintWriter out, BootstrapResult resampled, ResultsTable results) {
    if (results.groups().size() > 1) {
      String rates = AblationTables.winRates(resampled, results.columns());
      if (!rates.isEmpty()) {
        out.println();
        out.print(rates);
      }
    }
  }
}
