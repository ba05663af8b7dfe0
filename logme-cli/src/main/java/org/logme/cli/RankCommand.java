package org.logme.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.ResultsCsv;
import org.logme.eval.report.TextTables;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;
import org.logme.eval.table.TruthBand;
import org.logme.eval.zoo.ModelZoo;
import org.logme.eval.zoo.ZooResult;
import org.logme.eval.zoo.ZooScorer;
import org.logme.io.AtomicFiles;
import org.logme.io.FeatureReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme rank}: scores every model of a zoo directory with every requested estimator and
 * ranks them; with fine-tuned accuracies, correlates the rankings with them.
 *
 * @since 0.1
 */
@Command(name = "rank", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Rank the models of a zoo directory with one or more estimators.",
        "",
        "Layout: DIR/labels.npy (or DIR/targets.npy), DIR/models/<name>/features.npy for every"
            + " model (and source_probs.npy / source_labels.npy for leep and nce), and optionally"
            + " DIR/accuracy.csv with columns model,accuracy (fine-tuned accuracy; further"
            + " columns such as imagenet_top1 are static baselines), and DIR/probe.csv with the"
            + " probe under other settings (written by 'logme extract --probe': then the"
            + " correlations are also shown against each, the ground-truth band). Models are"
            + " scored in parallel; memory holds one model per thread."},
    footer = {"", "Examples:",
        "  logme rank --zoo my-zoo",
        "  logme rank --zoo my-zoo --estimator logme,hscore,leep,nce --report out/",
        "  logme rank --zoo my-zoo --json --threads 1",
        "  logme rank --zoo my-zoo --truth mse --lower-is-better mse --csv results.csv",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input, 4 numerical"
            + " failure."})
final class RankCommand implements Callable<Integer> {
  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;

  @Spec
  CommandSpec spec;

  @Option(names = "--zoo", paramLabel = "DIR", required = true,
      description = "The zoo directory (see the layout above).")
  Path zoo;

  @Mixin
  EstimatorOptions estimatorOptions = new EstimatorOptions();

  @Mixin
  BackendOptions backendOptions = new BackendOptions();

  @Option(names = "--truth", paramLabel = "COLUMN", defaultValue = "accuracy",
      description = "The ground-truth column of DIR/accuracy.csv (default: ${DEFAULT-VALUE});"
          + " its other columns are static baselines. Name it in --lower-is-better if it is an"
          + " error such as mse.")
  String truth;

  @Mixin
  TableOptions tableOptions = new TableOptions();

  @Option(names = "--multi-label",
      description = "DIR/targets.npy holds 0/1 label indicators (one column per label), not"
          + " regression targets.")
  boolean multiLabel;

  @Option(names = "--read", paramLabel = "auto|stream|memory", defaultValue = "auto",
      converter = ScoreCommand.ReadModeConverter.class,
      description = "How to read each model's features, as in 'logme score': 'auto' (default)"
          + " streams them when every estimator that can score the model allows it.")
  FeatureReading.Mode readMode;

  @Option(names = "--strict",
      description = "Fail on the first model that cannot be scored (a missing or unreadable"
          + " file, an estimator failing on it). By default such a model is skipped with a"
          + " warning and listed as skipped in every output.")
  boolean strict;

  @Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--json", description = "Print JSON: per model its ground truth, static"
      + " columns, every estimator's result (score, N, D, iterations, per-class values, how"
      + " the features were read), the rankings and, with a ground truth, the correlations.")
  boolean json;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write the results table (one line per model; static baselines"
          + " marked 'static:') to FILE, in the format 'logme correlate' reads.")
  Path csv;

  @Mixin
  ReportOptions reportOptions = new ReportOptions();

  @Mixin
  AblationOptions ablationOptions = new AblationOptions();

  @Inject
  RankCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.estimators = estimators;
    this.backends = backends;
  }

  @Override
  public Integer call() throws IOException {
    var configured = estimatorOptions.configure(estimators);
    ModelZoo models = ModelZoo.open(zoo, multiLabel);
    // models in parallel, the threads left over inside each model's linear algebra, so that
    // cores are neither idle nor oversubscribed
    int threads = backendOptions.threads();
    int modelThreads = Math.min(threads, models.models().size());
    LinearAlgebraBackend backend = backends.get(backendOptions.name)
        .create(Math.max(1, threads / modelThreads));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ZooResult result = new ZooScorer(configured.estimators(), backend)
        .threads(modelThreads).strict(strict).readMode(readMode)
        .progress(ProgressBar.on(err, progressOptions.show())).score(models);
    ResultsTable table = result.table(tableOptions.applyTo(TableSpec.truth(truth)));
    result.warnings().forEach(w -> err.println("logme: warning: " + w));
    boolean withTruth = table.truthName().isPresent();
    if (reportOptions.resamples != null && !withTruth) {
      throw new InvalidParameterException("--bootstrap needs fine-tuned accuracies: add "
          + zoo.resolve(ModelZoo.ACCURACY) + " (columns model,accuracy)");
    }
    BootstrapResult resampled = reportOptions.bootstrap(table);
    Report full = Report.of(table).withBootstrap(resampled)
        .withAblations(ablationOptions.compute(table, reportOptions.seed))
        .withWarnings(result.warnings()).withTitle("logme rank: " + zoo.getFileName());
    // a zoo from 'logme extract --probe' has the probe under other settings too
    TruthBand band = models.probeVariants().filter(v -> withTruth)
        .map(v -> TruthBand.compute(table, v)).orElse(null);
    if (band != null) {
      full = full.withTruthBand(band);
    }
    // the files first: if one is unusable, nothing has been printed yet
    Path written = reportOptions.writeIfAsked(full);
    writeCsv(table);
    full.correlations().map(CorrelationTable::notes).orElse(table.notes())
        .forEach(n -> err.println("logme: warning: " + n));
    if (json) {
      out.println(Json.write(json(full, result, table)));
    } else {
      out.println(TextTables.ranking(table, m -> result.info(m)
          .map(ZooResult.ModelInfo::dimension)).stripTrailing());
      if (!result.skipped().isEmpty()) {
        out.println();
        out.println("skipped (could not be scored; --strict to fail instead):");
        result.skipped().forEach((m, why) -> out.println("  " + m + ": " + why));
      }
      if (withTruth) {
        CorrelationTable correlations = full.correlations().orElseThrow();
        out.println();
        out.print(TextTables.correlations(correlations, Metric.WEIGHTED_TAU));
        out.println();
        out.print(TextTables.correlations(correlations, Metric.TOP1_RELATIVE_ACCURACY));
        if (band != null) {
          out.println();
          out.print(TextTables.truthBand(band, table.columns()));
        }
        if (resampled != null) {
          out.println();
          out.print(TextTables.bootstrap(resampled, table.columns()));
        }
        AblationOptions.print(out, full.ablations());
      } else {
        out.println();
        out.println("(no " + ModelZoo.ACCURACY + " in the zoo: add model,accuracy rows to"
            + " correlate the rankings with fine-tuned accuracy)");
      }
    }
    ReportOptions.announce(written, err);
    if (csv != null) {
      err.println("logme: results table written to " + csv.toAbsolutePath());
    }
    return ExitCode.OK;
  }

  /** The results table as CSV, written all-or-nothing, if {@code --csv} was given. */
  private void writeCsv(ResultsTable table) {
    if (csv == null) {
      return;
    }
    byte[] bytes = ResultsCsv.render(table).getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(csv, stream -> stream.write(bytes));
    } catch (IOException e) {
      throw new InvalidParameterException(csv + ": cannot write the results table there ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }
  }

  /** The results document with every model's details and the skipped models. */
  private static ObjectNode json(Report full, ZooResult result, ResultsTable table) {
    ObjectNode root = CorrelationJson.resultsNode(full);
    root.put("schema", SCHEMA);
    ObjectNode models = root.putObject("models");
    Group group = table.groups().get(0);
    for (int m = 0; m < group.size(); m++) {
      String name = group.models().get(m);
      ObjectNode node = models.putObject(name);
      if (group.truth(m).isPresent()) {
        node.put("truth", group.truth(m).getAsDouble());
      } else {
        node.putNull("truth");
      }
      ObjectNode statics = node.putObject("static");
      for (int c = 0; c < table.columns().size(); c++) {
        if (table.columns().get(c).isStatic() && group.score(c, m).isPresent()) {
          statics.put(table.columns().get(c).name(), group.score(c, m).getAsDouble());
        }
      }
      result.info(name).ifPresent(info -> {
        node.put("n", info.samples());
        if (info.dimension() != null) {
          node.put("d", info.dimension());
        }
        node.put("feature_input", info.featureInput());
      });
      ObjectNode estimators = node.putObject("estimators");
      for (String estimator : result.estimators()) {
        result.result(name, estimator).ifPresentOrElse(
            r -> estimators.set(estimator, Json.result(r)), () -> estimators.putNull(estimator));
      }
    }
    ObjectNode skipped = root.putObject("skipped");
    result.skipped().forEach(skipped::put);
    return root;
  }

  /** The version of the {@code rank --json} document. */
  static final String SCHEMA = "logme.rank/2";
}
