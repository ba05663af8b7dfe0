package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.logme.api.PluginRegistry;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.linalg.Matrix;
import org.logme.cli.demo.DigitsData;
import org.logme.cli.demo.FeatureExtractors;
import org.logme.cli.demo.LinearProbe;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.ReportWriter;
import org.logme.eval.report.TextTables;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.stats.Statistic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme demo}: ranks the embedded zoo of digit feature extractors with LogME and shows
 * the linear-probe accuracy each one really reaches.
 *
 * @since 0.1
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Rank a small embedded model zoo with LogME: nine feature extractors applied to the UCI"
        + " handwritten digits (1,797 images, 10 classes), next to the 5-fold linear-probe"
        + " accuracy each really reaches. Then reproduce the LogME paper's comparison on the"
        + " embedded ImageNet-10 benchmark (LogME, LEEP, NCE, H-score and static baselines),"
        + " and write both as HTML reports. Needs no arguments."})
final class DemoCommand implements Callable<Integer> {
  private static final int FOLDS = 5;

  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;

  @Spec
  CommandSpec spec;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "ejml",
      description = "Linear-algebra backend (default: ${DEFAULT-VALUE}).")
  String backendName;

  @Option(names = "--json", description = "Print the digits ranking and the benchmark's"
      + " correlations as JSON.")
  boolean json;

  @Option(names = "--report", paramLabel = "DIR", defaultValue = "logme-demo-report",
      description = "Where to write the HTML reports (default: ./${DEFAULT-VALUE}; subfolders"
          + " digits/ and imagenet10/).")
  Path report;

  @Option(names = "--no-report", description = "Do not write the reports.")
  boolean noReport;

  @Inject
  DemoCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.estimators = estimators;
    this.backends = backends;
  }

  /** One model of the zoo, scored. */
  record Row(String model, String description, int dimension, double logme, double accuracy) {
  }

  @Override
  public Integer call() throws IOException {
    LinearAlgebraBackend backend = backends.get(backendName).create();
    var logme = estimators.get("logme").create();
    DigitsData data = DigitsData.load();
    Labels labels = Labels.of(data.labels(), "digit labels");
    List<Row> rows = new ArrayList<>();
    for (FeatureExtractors.Extractor extractor : FeatureExtractors.all()) {
      Matrix features = extractor.extract().apply(data.images(), backend);
      EstimationInput input = EstimationInput.builder()
          .features(new Features(features, extractor.name())).labels(labels).build();
      double score = logme.estimate(input, backend).score();
      double accuracy = LinearProbe.crossValidatedAccuracy(features, data.labels(), FOLDS, backend);
      rows.add(new Row(extractor.name(), extractor.description(), features.cols(), score,
          accuracy));
    }
    rows.sort(Comparator.comparingDouble(Row::logme).reversed());
    ResultsTable digits = digitsTable(rows);
    CorrelationTable digitsCorrelations = CorrelationTable.compute(digits);
    ResultsTable benchmark = ImageNet10Benchmark.table();
    CorrelationTable benchmarkCorrelations = CorrelationTable.compute(benchmark);
    PrintWriter out = spec.commandLine().getOut();
    // the reports first: if their directory is unusable, nothing has been printed yet
    Path digitsReport = null;
    Path benchmarkReport = null;
    if (!noReport) {
      digitsReport = ReportWriter.write(report.resolve("digits"), Report.of(digits)
          .withTitle("logme demo: feature extractors on the UCI handwritten digits"));
      benchmarkReport = ReportWriter.write(report.resolve("imagenet10"),
          Report.of(benchmark).withTitle("ImageNet-10 benchmark of the LogME paper (published"
              + " scores and fine-tuned accuracies)"));
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("data", "UCI optical handwritten digits (1797 images, 10 classes)");
      root.put("backend", backendName);
      ArrayNode models = root.putArray("models");
      for (Row r : rows) {
        models.addObject().put("model", r.model()).put("dimension", r.dimension())
            .put("logme", r.logme()).put("probe_accuracy", r.accuracy());
      }
      root.set("digits_correlations", CorrelationJson.correlationsNode(digitsCorrelations));
      root.set("imagenet10_correlations",
          CorrelationJson.correlationsNode(benchmarkCorrelations));
      out.println(Json.write(root));
    } else {
      printTable(out, rows, digitsCorrelations);
      printBenchmark(out, benchmarkCorrelations);
    }
    if (!noReport) {
      spec.commandLine().getErr().println("logme: reports written to "
          + digitsReport.toAbsolutePath() + " and " + benchmarkReport.toAbsolutePath());
    }
    return ExitCode.OK;
  }

  /** The digits zoo as a results table: LogME, and the dimension as a static baseline. */
  private static ResultsTable digitsTable(List<Row> rows) {
    var builder = ResultsTable.builder("digits demo", "probe_accuracy", List.of(
        ScoreColumn.estimator("logme"), ScoreColumn.staticBaseline("dimension")));
    for (Row r : rows) {
      builder.add(ResultsTable.ALL, r.model(), OptionalDouble.of(100 * r.accuracy()),
          Map.of("logme", r.logme(), "dimension", (double) r.dimension()));
    }
    return builder.build();
  }

  private static void printBenchmark(PrintWriter out, CorrelationTable correlations) {
    out.println();
    out.println("The paper's comparison: ImageNet-10 benchmark (10 ImageNet models fine-tuned on 8"
        + " datasets;");
    out.println("published scores and accuracies, embedded). Weighted Kendall tau between each"
        + " estimator's");
    out.println("ranking and the fine-tuned accuracy (1 = same ranking), next to static"
        + " baselines that use no");
    out.println("target data at all:");
    out.println();
    out.print(TextTables.correlations(correlations, Metric.WEIGHTED_TAU));
    out.println();
    out.println("The same for your own results: ./logme correlate --table results.csv --truth"
        + " accuracy --group dataset");
  }

  private void printTable(PrintWriter out, List<Row> rows, CorrelationTable correlations) {
    List<Row> byAccuracy = new ArrayList<>(rows);
    byAccuracy.sort(Comparator.comparingDouble(Row::accuracy).reversed());
    out.println("LogME ranks 9 feature extractors (\"models\") for classifying the UCI handwritten"
        + " digits");
    out.println("(1,797 8x8 images, 10 classes), without training any of them. Backend: "
        + backendName + ".");
    out.println();
    out.println(String.format(Locale.ROOT, "%-4s  %-20s  %4s  %9s  %14s  %10s", "rank", "model",
        "D", "LogME", "probe accuracy", "probe rank"));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.println(String.format(Locale.ROOT, "%-4d  %-20s  %4d  %9.4f  %13.1f%%  %10d", i + 1,
          r.model(), r.dimension(), r.logme(), 100 * r.accuracy(), byAccuracy.indexOf(r) + 1));
    }
    out.println();
    Statistic tau = correlations.get(ResultsTable.ALL, "logme", Metric.WEIGHTED_TAU);
    Statistic byDimension = correlations.get(ResultsTable.ALL, "dimension", Metric.WEIGHTED_TAU);
    out.println(String.format(Locale.ROOT, "Weighted Kendall tau between the LogME ranking and"
        + " the probe accuracy: %.4f (1 = the same ranking;", tau.value()));
    out.println(String.format(Locale.ROOT, "ranking by feature dimension alone gives %.4f).",
        byDimension.value()));
    out.println("LogME: log maximum evidence per sample of a Bayesian linear model on the"
        + " features (higher is better).");
    out.println("Probe accuracy: " + FOLDS + "-fold cross-validated accuracy of a linear"
        + " classifier on the same features, the");
    out.println("\"fine-tuned\" ground truth LogME tries to predict without training.");
    out.println();
    out.println("Score your own model's features:");
    out.println("  ./logme score --features features.npy --labels labels.npy");
    out.println("  (features: float [N, D] from np.save; labels: int [N]; add --json for"
        + " machine-readable output)");
  }
}
