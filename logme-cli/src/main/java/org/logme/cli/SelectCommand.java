package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.eval.extract.ExtractedModel;
import org.logme.eval.extract.TextTask;
import org.logme.eval.extract.TextZooBuilder;
import org.logme.eval.table.Group;
import org.logme.eval.table.Ranking;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.zoo.ModelZoo;
import org.logme.eval.zoo.ZooResult;
import org.logme.eval.zoo.ZooScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme select}: extract and rank in one step, and say which model to use.
 *
 * @since 0.2
 */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Which pre-trained model should I use for my labelled texts? Embeds the texts with"
            + " every candidate (as 'logme extract'), scores each with LogME (or the first"
            + " --estimator) and prints the recommendation: the best model, its score, its"
            + " margin over the runner-up, and the time taken.",
        "",
        "Nothing is trained. The zoo is written to a temporary directory (kept with --out);"
            + " features are cached, so asking again is quick."},
    footer = {"", "Examples:",
        "  logme select --texts data/tasks/emoji-zh.csv --models all",
        "  logme select --texts tickets.csv --text-column body --label-column team \\",
        "      --json",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input, 4 numerical"
            + " failure."})
final class SelectCommand implements Callable<Integer> {
  private final PluginRegistry<FeatureExtractorProvider> extractors;
  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;

  @Spec
  CommandSpec spec;

  @Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  @Mixin
  TextTaskOptions task = new TextTaskOptions();

  @Option(names = "--models", paramLabel = "NAME[,NAME...]|all", split = ",",
      hideParamSyntax = true,
      defaultValue = "all",
      description = "The candidate encoders (default: ${DEFAULT-VALUE}); onnx:FOLDER for your"
          + " own export.")
  List<String> models;

  @Mixin
  EstimatorOptions estimatorOptions = new EstimatorOptions();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Keep the zoo here (default: a temporary directory, removed afterwards).")
  Path out;

  @Mixin
  CacheOptions cacheOptions = new CacheOptions();

  @Mixin
  BackendOptions backendOptions = new BackendOptions();

  @Option(names = "--json", description = "Print the recommendation and the ranking as JSON.")
  boolean json;

  @Inject
  SelectCommand(PluginRegistry<FeatureExtractorProvider> extractors,
      PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.extractors = extractors;
    this.estimators = estimators;
    this.backends = backends;
  }

  @Override
  public Integer call() throws IOException {
    ExtractCommand.Extraction.requireExtractors(extractors);
    var configured = estimatorOptions.configure(estimators);
    int threads = backendOptions.threads();
    TextTask texts = task.read();
    PrintWriter err = spec.commandLine().getErr();
    TextZooBuilder builder = new TextZooBuilder(extractors, threads, cacheOptions.cache(),
        Optional.empty(), ExtractionProgressBar.on(err, progressOptions.show()));
    List<TextZooBuilder.Request> requests = builder.resolve(models);
    Path zoo = out != null ? out : Files.createTempDirectory("logme-select").resolve("zoo");
    try {
      long start = System.nanoTime();
      List<ExtractedModel> extracted = builder.build(texts, requests, zoo);
      long extractedAt = System.nanoTime();
      ZooResult result = new ZooScorer(configured.estimators(), backendOptions.create(backends))
          .score(ModelZoo.open(zoo));
      double extractSeconds = (extractedAt - start) / 1e9;
      double scoreSeconds = (System.nanoTime() - extractedAt) / 1e9;
      result.warnings().forEach(w -> err.println("logme: warning: " + w));
      ResultsTable table = result.table();
      Group all = table.groups().get(0);
      List<Ranking.Entry> ranking = Ranking.of(table, all, 0);
      String estimator = table.columns().get(0).name();
      PrintWriter stdout = spec.commandLine().getOut();
      if (json) {
        stdout.println(Json.write(json(texts, extracted, table, ranking, estimator,
            extractSeconds, scoreSeconds)));
      } else {
        print(stdout, texts, task.texts, extracted, ranking, estimator, extractSeconds,
            scoreSeconds);
      }
      if (out != null) {
        err.println("logme: zoo kept in " + out.toAbsolutePath()
            + " (logme rank --zoo " + out + ")");
      }
      return ExitCode.OK;
    } finally {
      if (out == null) {
        deleteTree(zoo.getParent());
      }
    }
  }

  private static void print(PrintWriter out, TextTask task, Path file,
      List<ExtractedModel> extracted,
      List<Ranking.Entry> ranking, String estimator, double extractSeconds, double scoreSeconds) {
    Ranking.Entry best = ranking.get(0);
    out.printf(Locale.ROOT, "Use %s for %s%n", best.model(), task.origin());
    out.printf(Locale.ROOT, "  %s %.4f, %d texts in %d classes%n", estimator, best.score(),
        task.size(), task.classes().size());
    if (ranking.size() > 1) {
      Ranking.Entry second = ranking.get(1);
      out.printf(Locale.ROOT, "  runner-up %s %.4f (margin %.4f)%n", second.model(),
          second.score(), Math.abs(best.score() - second.score()));
    }
    long cached = extracted.stream().filter(ExtractedModel::cached).count();
    out.printf(Locale.ROOT, "  time %.1f s: extraction %.1f s (%d of %d models from the cache),"
        + " scoring %.1f s%n", extractSeconds + scoreSeconds, extractSeconds, cached,
        extracted.size(), scoreSeconds);
    out.println();
    out.printf(Locale.ROOT, "%4s  %-24s  %10s  %4s%n", "rank", "model", estimator, "D");
    for (Ranking.Entry e : ranking) {
      int dimension = extracted.stream().filter(m -> m.directory().equals(e.model()))
          .findFirst().orElseThrow().info().dimension();
      out.printf(Locale.ROOT, "%4d  %-24s  %10.4f  %4d%n", e.rank(), e.model(), e.score(),
          dimension);
    }
    out.println();
    out.println("Check it against an independent probe: ./logme extract --texts " + file
        + " --out zoo --probe && ./logme rank --zoo zoo");
  }

  private static ObjectNode json(TextTask task, List<ExtractedModel> extracted,
      ResultsTable table, List<Ranking.Entry> ranking, String estimator, double extractSeconds,
      double scoreSeconds) {
    ObjectNode root = Json.object();
    root.put("schema", "logme-select/1");
    root.put("texts", task.origin());
    root.put("n", task.size());
    root.put("classes", task.classes().size());
    root.put("estimator", estimator);
    root.put("higher_is_better", table.columns().get(0).higherIsBetter());
    root.put("recommendation", ranking.get(0).model());
    root.put("score", ranking.get(0).score());
    if (ranking.size() > 1) {
      root.put("runner_up", ranking.get(1).model());
      root.put("margin", Math.abs(ranking.get(0).score() - ranking.get(1).score()));
    } else {
      root.putNull("runner_up");
      root.putNull("margin");
    }
    ObjectNode seconds = root.putObject("seconds");
    seconds.put("extraction", extractSeconds);
    seconds.put("scoring", scoreSeconds);
    seconds.put("total", extractSeconds + scoreSeconds);
    ArrayNode rows = root.putArray("ranking");
    for (Ranking.Entry e : ranking) {
      ExtractedModel m = extracted.stream().filter(x -> x.directory().equals(e.model()))
          .findFirst().orElseThrow();
      ObjectNode row = rows.addObject();
      row.put("rank", e.rank());
      row.put("model", e.model());
      row.put("score", e.score());
      row.put("dimension", m.info().dimension());
      if (m.info().parameters().isPresent()) {
        row.put("parameters", m.info().parameters().getAsLong());
      } else {
        row.putNull("parameters");
      }
      row.put("cached", m.cached());
    }
    return root;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the system cleans it eventually
    }
  }
}
