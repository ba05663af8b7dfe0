package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.cli.demo.DemoTask;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.extract.ExtractedModel;
import org.logme.eval.extract.TextTask;
import org.logme.eval.extract.TextZooBuilder;
import org.logme.eval.report.CorrelationJson;
import org.logme.eval.report.Report;
import org.logme.eval.report.ReportWriter;
import org.logme.eval.report.TextTables;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TruthBand;
import org.logme.eval.zoo.ModelZoo;
import org.logme.eval.zoo.ZooResult;
import org.logme.eval.zoo.ZooScorer;
import org.logme.probe.ProbeAccuracy;
import org.logme.probe.ProbeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme demo}: real pre-trained sentence encoders on the shipped text tasks, ranked by
 * LogME and the other estimators, against an independent probe; then the LogME paper's
 * ImageNet-10 comparison. {@code --digits} runs the small offline example instead.
 *
 * @since 0.1
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true, description = {
        "Which pre-trained model is best for a task, answered without training any: eight real"
            + " sentence encoders (all-MiniLM-L6-v2, bge-small-en/zh-v1.5, e5-small-v2, full and"
            + " 8-bit) embed three shipped labelled text tasks (emoji names in English and in"
            + " Chinese, WordNet noun definitions); LogME and the other estimators rank them, next"
            + " to the cross-validated accuracy of an independent logistic-regression probe"
            + " (LIBLINEAR) and its band over the probe's regularisation; parameter count and"
            + " dimension are the static baselines. Then the LogME paper's comparison on the"
            + " embedded ImageNet-10 benchmark. HTML reports are written per task.",
        "",
        "The first run embeds the texts (a few minutes on 2 cores); features and probe results"
            + " are cached, so later runs take under a minute. --digits runs the small offline"
            + " example instead (fixed transforms of 8x8 digits)."},
    footer = {"", "Examples:",
        "  logme demo",
        "  logme demo --tasks emoji-zh --models bge-small-zh-v15,all-minilm-l6-v2 \\",
        "      --json",
        "  logme demo --digits",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input, 4 numerical"
            + " failure."})
final class DemoCommand implements Callable<Integer> {
  /** The estimators that need only features and labels, and are quick on ~2,000 texts. */
  static final List<String> ESTIMATORS = List.of("logme", "hscore", "hscore-shrinkage",
      "transrate", "sfda", "gbc", "parc", "knn");

  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;
  private final PluginRegistry<FeatureExtractorProvider> extractors;

  @Spec
  CommandSpec spec;

  @Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--tasks", paramLabel = "NAME[,NAME...]", split = ",", hideParamSyntax = true,
      defaultValue = "emoji-en,emoji-zh,wordnet-nouns",
      description = "The shipped tasks to run (default: ${DEFAULT-VALUE}).")
  List<String> tasks;

  @Option(names = "--models", paramLabel = "NAME[,NAME...]|all", split = ",",
      hideParamSyntax = true,
      defaultValue = "all", description = "The encoders (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--estimator", paramLabel = "NAME[,NAME...]", split = ",",
      hideParamSyntax = true, description = "The estimators (default: logme, hscore, hscore-shrinkage, transrate, sfda,"
          + " gbc, parc, knn: every one that needs only features and labels, but the slow,"
          + " stochastic nleep).")
  List<String> estimatorNames;

  @Option(names = "--limit", paramLabel = "N",
      description = "A stratified sample of N texts per task, for a quick look.")
  Integer limit;

  @Option(names = "--digits", description = "Run the small offline example instead: nine fixed"
      + " transforms of the UCI handwritten digits.")
  boolean digits;

  @Mixin
  BackendOptions backendOptions = new BackendOptions();

  @Mixin
  CacheOptions cacheOptions = new CacheOptions();

  @Option(names = "--json", description = "Print the rankings and correlations as JSON"
      + " (accuracies as fractions).")
  boolean json;

  @Option(names = "--report", paramLabel = "DIR", defaultValue = "logme-demo-report",
      description = "Where to write the HTML reports and the zoos (default: ./${DEFAULT-VALUE};"
          + " a folder per task, and imagenet10/).")
  Path report;

  @Option(names = "--no-report", description = "Do not write the reports.")
  boolean noReport;

  @Inject
  DemoCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends,
      PluginRegistry<FeatureExtractorProvider> extractors) {
    this.estimators = estimators;
    this.backends = backends;
    this.extractors = extractors;
  }

  /** One task's outcome. */
  record TaskRun(DemoTask task, TextTask texts, List<ExtractedModel> models, Report report) {
  }

  @Override
  public Integer call() throws IOException {
    LinearAlgebraBackend backend = backendOptions.create(backends);
    int threads = backendOptions.threads();
    ResultsTable benchmark = ImageNet10Benchmark.table();
    CorrelationTable benchmarkCorrelations = CorrelationTable.compute(benchmark);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (digits) {
      return digits(backend, threads, benchmark, benchmarkCorrelations, out, err);
    }
    ExtractCommand.Extraction.requireExtractors(extractors);
    List<DemoTask> chosen = new ArrayList<>();
    for (String name : tasks) {
      try {
        chosen.add(DemoTask.byId(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("unknown task '" + name + "'; the shipped tasks are: "
            + String.join(", ", Stream.of(DemoTask.values()).map(DemoTask::id).toList()));
      }
    }
    List<TransferabilityEstimator> scoring = new ArrayList<>();
    for (String name : estimatorNames == null ? ESTIMATORS : estimatorNames) {
      scoring.add(estimators.get(name.trim()).create());
    }
    TextZooBuilder builder = new TextZooBuilder(extractors, threads, cacheOptions.cache(),
        Optional.of(ProbeSettings.defaults()), ExtractionProgressBar.on(err,
            progressOptions.show()));
    List<TextZooBuilder.Request> requests = builder.resolve(models);
    if (requests.size() < 2) {
      throw new InvalidParameterException("the demo ranks models: name at least two");
    }
    if (!noReport) {
      ReportWriter.checkWritable(report);
    }
    Path zoos = noReport ? Files.createTempDirectory("logme-demo") : report;
    long start = System.nanoTime();
    List<TaskRun> runs = new ArrayList<>();
    try {
      List<TextTask> loaded = new ArrayList<>();
      List<TextZooBuilder.Job> jobs = new ArrayList<>();
      for (DemoTask task : chosen) {
        TextTask texts = limit == null ? task.load() : task.load().limit(limit, 0);
        loaded.add(texts);
        jobs.add(new TextZooBuilder.Job(texts, zoos.resolve(task.id()).resolve("zoo")));
      }
      // each model is loaded once for all tasks
      List<List<ExtractedModel>> extracted = builder.buildAll(jobs, requests);
      for (int t = 0; t < chosen.size(); t++) {
        DemoTask task = chosen.get(t);
        ModelZoo zoo = ModelZoo.open(jobs.get(t).out());
        ZooResult result = new ZooScorer(scoring, backend).threads(threads).score(zoo);
        if (noReport) {
          result.warnings().forEach(w -> err.println("logme: warning: " + task.id() + ": " + w));
        } else if (!result.warnings().isEmpty()) {
          err.println("logme: warning: " + task.id() + ": " + result.warnings().size()
              + " warning" + (result.warnings().size() == 1 ? "" : "s") + " while scoring (for"
              + " example: " + result.warnings().get(0) + "); all are listed in "
              + report.resolve(task.id()).resolve(ReportWriter.REPORT_HTML));
        }
        Report taskReport = Report.of(result.table())
            .withTruthBand(TruthBand.compute(result.table(), zoo.probeVariants().orElseThrow()))
            .withWarnings(result.warnings())
            .withTitle("logme demo: " + task.id() + ", " + task.description());
        runs.add(new TaskRun(task, loaded.get(t), extracted.get(t), taskReport));
      }
    } finally {
      if (noReport) {
        deleteTree(zoos);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Path> pages = new ArrayList<>();
    if (!noReport) {
      for (TaskRun run : runs) {
        pages.add(ReportWriter.write(report.resolve(run.task().id()), run.report()));
      }
      pages.add(ReportWriter.write(report.resolve("imagenet10"), Report.of(benchmark)
          .withTitle("ImageNet-10 benchmark of the LogME paper (published scores and"
              + " fine-tuned accuracies)")));
    }
    if (json) {
      out.println(Json.write(json(runs, benchmarkCorrelations, seconds)));
    } else {
      out.println("logme demo: which of these pre-trained sentence encoders suits each task?"
          + " Ranked without training");
      out.println("any of them, then checked against a logistic-regression probe trained on each"
          + " model's features.");
      out.println();
      runs.forEach(run -> printTask(out, run));
      printSummary(out, runs, seconds);
      printBenchmark(out, benchmarkCorrelations);
    }
    if (!pages.isEmpty()) {
      err.println("logme: reports written to " + report.toAbsolutePath() + " ("
          + String.join(", ", pages.stream().map(p -> report.relativize(p).toString()).toList())
          + "); each task's zoo is in its folder (logme rank --zoo "
          + report.resolve(runs.get(0).task().id()).resolve("zoo") + ")");
    }
    return ExitCode.OK;
  }

  private Integer digits(LinearAlgebraBackend backend, int threads, ResultsTable benchmark,
      CorrelationTable benchmarkCorrelations, PrintWriter out, PrintWriter err) {
    List<DigitsDemo.Row> rows = DigitsDemo.run(estimators.get("logme").create(), backend,
        threads);
    ResultsTable table = DigitsDemo.table(rows);
    CorrelationTable correlations = CorrelationTable.compute(table);
    Path digitsPage = null;
    Path benchmarkPage = null;
    if (!noReport) {
      digitsPage = ReportWriter.write(report.resolve("digits"), Report.of(table)
          .withTitle("logme demo: feature transforms of the UCI handwritten digits"));
      benchmarkPage = ReportWriter.write(report.resolve("imagenet10"), Report.of(benchmark)
          .withTitle("ImageNet-10 benchmark of the LogME paper (published scores and"
              + " fine-tuned accuracies)"));
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("schema", "logme-demo-digits/1");
      root.put("backend", backendOptions.name);
      DigitsDemo.json(root, rows);
      root.set("digits_correlations", CorrelationJson.correlationsNode(correlations));
      root.set("imagenet10_correlations",
          CorrelationJson.correlationsNode(benchmarkCorrelations));
      out.println(Json.write(root));
    } else {
      DigitsDemo.print(out, rows, correlations, backendOptions.name);
      printBenchmark(out, benchmarkCorrelations);
    }
    if (digitsPage != null) {
      err.println("logme: reports written to " + digitsPage.toAbsolutePath() + " and "
          + benchmarkPage.toAbsolutePath());
    }
    return ExitCode.OK;
  }

  private static void printTask(PrintWriter out, TaskRun run) {
    ResultsTable table = run.report().table();
    TruthBand band = run.report().truthBand().orElseThrow();
    CorrelationTable correlations = run.report().correlations().orElseThrow();
    out.printf(Locale.ROOT, "== %s: %s; %d texts, %d classes%n%n", run.task().id(),
        run.task().description(), run.texts().size(), run.texts().classes().size());
    int logme = columnIndex(table, "logme");
    List<ExtractedModel> models = new ArrayList<>(run.models());
    if (logme >= 0) {
      int column = logme;
      models.sort(Comparator.comparingDouble((ExtractedModel m) -> -score(table, column,
          m.directory())));
    }
    out.printf(Locale.ROOT, "%-20s  %4s  %6s  %9s  %15s%s%n", "model", "D", "params",
        "probe acc", "(C=0.1..10, cv)", logme >= 0 ? "      LogME" : "");
    for (ExtractedModel m : models) {
      ProbeAccuracy a = m.probe().orElseThrow();
      double low = a.variants().values().stream().mapToDouble(v -> v).min().orElseThrow();
      double high = a.variants().values().stream().mapToDouble(v -> v).max().orElseThrow();
      out.printf(Locale.ROOT, "%-20s  %4d  %5.1fM  %9.3f  %15s%s%n", m.directory(),
          m.info().dimension(), m.info().parameters().orElse(0) / 1e6, a.at(1.0),
          String.format(Locale.ROOT, "%.3f..%.3f", low, high), logme >= 0
              ? String.format(Locale.ROOT, "  %9.4f", score(table, logme, m.directory())) : "");
    }
    out.println();
    out.println("How well each ranking agrees with the probe (weighted Kendall tau; 1 = the"
        + " same order):");
    out.printf(Locale.ROOT, "  %-18s  %8s  %9s  %15s  %16s%n", "", "at C=1", "C by CV",
        "band over C", "top-1 rel. (C=1)");
    for (ScoreColumn column : table.columns()) {
      Statistic tau = correlations.get(ResultsTable.ALL, column.name(), Metric.WEIGHTED_TAU);
      Statistic top1 = correlations.get(ResultsTable.ALL, column.name(),
          Metric.TOP1_RELATIVE_ACCURACY);
      out.printf(Locale.ROOT, "  %-18s  %8s  %9s  %15s  %16s%n", column.name()
          + (column.isStatic() ? " (static)" : ""), format(tau),
          format(band.get(column.name(), ProbeAccuracy.NESTED)), range(band, column.name()),
          format(top1));
    }
    out.println();
  }

  private static void printSummary(PrintWriter out, List<TaskRun> runs, double seconds) {
    if (runs.isEmpty()) {
      return;
    }
    List<ScoreColumn> columns = runs.get(0).report().table().columns();
    out.println("Summary: weighted Kendall tau against the probe at C=1 per task; the means at"
        + " C=1, with C chosen by");
    out.println("cross-validation, and of each task's band:");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-18s", ""));
    runs.forEach(r -> header.append(String.format(Locale.ROOT, "  %13s", r.task().id())));
    header.append(String.format(Locale.ROOT, "  %8s  %9s  %13s", "mean C=1", "mean CV",
        "mean band"));
    out.println(header);
    for (ScoreColumn column : columns) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s",
          column.name() + (column.isStatic() ? " (static)" : "")));
      Mean atOne = new Mean();
      Mean nested = new Mean();
      Mean low = new Mean();
      Mean high = new Mean();
      for (TaskRun run : runs) {
        Statistic tau = run.report().correlations().orElseThrow().get(ResultsTable.ALL,
            column.name(), Metric.WEIGHTED_TAU);
        row.append(String.format(Locale.ROOT, "  %13s", format(tau)));
        TruthBand band = run.report().truthBand().orElseThrow();
        atOne.add(tau);
        nested.add(band.get(column.name(), ProbeAccuracy.NESTED));
        band.range(column.name()).ifPresent(r -> {
          low.add(Statistic.of(r[0]));
          high.add(Statistic.of(r[1]));
        });
      }
      row.append(String.format(Locale.ROOT, "  %8s  %9s  %13s", atOne, nested,
          low.count == 0 ? "n/a" : low + ".." + high));
      out.println(row);
    }
    out.println();
    out.println("Probe: " + ProbeSettings.defaults().describe() + ". Its regularisation C"
        + " reorders the models, so read each estimator's figure against the band.");
    out.printf(Locale.ROOT, "Done in %.0f s. Your own texts: ./logme select --texts FILE.csv"
        + " (columns text,label)%n", seconds);
  }

  /** The mean of the defined values, printed with 3 decimals or as n/a. */
  private static final class Mean {
    private double sum;
    private int count;

    void add(Statistic s) {
      if (s.defined()) {
        sum += s.value();
        count++;
      }
    }

    @Override
    public String toString() {
      return count == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", sum / count);
    }
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

  private ObjectNode json(List<TaskRun> runs, CorrelationTable benchmark, double seconds) {
    ObjectNode root = Json.object();
    root.put("schema", "logme-demo/1");
    root.put("backend", backendOptions.name);
    root.put("probe", ProbeSettings.defaults().describe());
    root.put("seconds", seconds);
    ArrayNode list = root.putArray("tasks");
    for (TaskRun run : runs) {
      ObjectNode task = list.addObject();
      task.put("task", run.task().id());
      task.put("description", run.task().description());
      task.put("n", run.texts().size());
      task.put("classes", run.texts().classes().size());
      ArrayNode models = task.putArray("models");
      ResultsTable table = run.report().table();
      for (ExtractedModel m : run.models()) {
        ObjectNode node = models.addObject();
        node.put("model", m.directory());
        node.put("dimension", m.info().dimension());
        m.info().parameters().ifPresent(p -> node.put("parameters", p));
        ProbeAccuracy a = m.probe().orElseThrow();
        node.put("probe_accuracy", a.at(1.0));
        ObjectNode variants = node.putObject("probe");
        a.variants().forEach(variants::put);
        ObjectNode scores = node.putObject("scores");
        for (int c = 0; c < table.columns().size(); c++) {
          if (!table.columns().get(c).isStatic()) {
            double v = score(table, c, m.directory());
            if (Double.isNaN(v)) {
              scores.putNull(table.columns().get(c).name());
            } else {
              scores.put(table.columns().get(c).name(), v);
            }
          }
        }
      }
      task.set("results", CorrelationJson.resultsNode(run.report()));
    }
    root.set("imagenet10_correlations", CorrelationJson.correlationsNode(benchmark));
    return root;
  }

  private static int columnIndex(ResultsTable table, String name) {
    for (int i = 0; i < table.columns().size(); i++) {
      if (table.columns().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static double score(ResultsTable table, int column, String model) {
    var group = table.groups().get(0);
    int m = group.models().indexOf(model);
    return group.score(column, m).orElse(Double.NaN);
  }

  private static String range(TruthBand band, String column) {
    return band.range(column).map(r -> String.format(Locale.ROOT, "%.3f..%.3f", r[0], r[1]))
        .orElse("n/a");
  }

  private static String format(Statistic s) {
    return s.defined() ? String.format(Locale.ROOT, "%.3f", s.value()) : "n/a";
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory
    }
  }

}
