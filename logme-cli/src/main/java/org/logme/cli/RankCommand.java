package org.logme.cli;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.TextTables;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.TruthBand;
import org.logme.eval.zoo.ModelZoo;
import org.logme.eval.zoo.ZooResult;
import org.logme.eval.zoo.ZooScorer;
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

  @Option(names = "--json", description = "Print the scores, rankings and (with accuracies)"
      + " correlations as JSON.")
  boolean json;

  @Mixin
  ReportOptions reportOptions = new ReportOptions();

  @Inject
  RankCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.estimators = estimators;
    this.backends = backends;
  }

  @Override
  public Integer call() throws IOException {
    var configured = estimatorOptions.configure(estimators);
    ModelZoo models = ModelZoo.open(zoo);
    // models in parallel, the threads left over inside each model's linear algebra, so that
    // cores are neither idle nor oversubscribed
    int threads = backendOptions.threads();
    int modelThreads = Math.min(threads, models.models().size());
    LinearAlgebraBackend backend = backends.get(backendOptions.name)
        .create(Math.max(1, threads / modelThreads));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ZooResult result = new ZooScorer(configured.estimators(), backend)
        .threads(modelThreads).progress(ProgressBar.on(err, ProgressBar.terminal())).score(models);
    result.warnings().forEach(w -> err.println("logme: warning: " + w));
    boolean withTruth = result.table().truthName().isPresent();
    if (reportOptions.resamples != null && !withTruth) {
      throw new InvalidParameterException("--bootstrap needs fine-tuned accuracies: add "
          + zoo.resolve(ModelZoo.ACCURACY) + " (columns model,accuracy)");
    }
    BootstrapResult resampled = reportOptions.bootstrap(result.table());
    Report full = Report.of(result.table()).withBootstrap(resampled)
        .withWarnings(result.warnings()).withTitle("logme rank: " + zoo.getFileName());
    // a zoo from 'logme extract --probe' has the probe under other settings too
    TruthBand band = models.probeVariants().filter(v -> withTruth)
        .map(v -> TruthBand.compute(result.table(), v)).orElse(null);
    if (band != null) {
      full = full.withTruthBand(band);
    }
    // the report first: if its directory is unusable, nothing has been printed yet
    Path written = reportOptions.writeIfAsked(full);
    if (json) {
      out.println(Json.write(CorrelationJson.resultsNode(full)));
    } else {
      out.println(TextTables.ranking(result.table()).stripTrailing());
      if (withTruth) {
        CorrelationTable correlations = full.correlations().orElseThrow();
        out.println();
        out.print(TextTables.correlations(correlations, Metric.WEIGHTED_TAU));
        out.println();
        out.print(TextTables.correlations(correlations, Metric.TOP1_RELATIVE_ACCURACY));
        if (band != null) {
          out.println();
          out.print(TextTables.truthBand(band, result.table().columns()));
        }
        if (resampled != null) {
          out.println();
          out.print(TextTables.bootstrap(resampled, result.table().columns()));
        }
      } else {
        out.println();
        out.println("(no " + ModelZoo.ACCURACY + " in the zoo: add model,accuracy rows to"
            + " correlate the rankings with fine-tuned accuracy)");
      }
    }
    ReportOptions.announce(written, err);
    return ExitCode.OK;
  }
}
