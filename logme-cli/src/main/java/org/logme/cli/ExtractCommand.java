package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.eval.extract.ExtractedModel;
import org.logme.eval.extract.TextTask;
import org.logme.eval.extract.TextZooBuilder;
import org.logme.probe.ProbeSettings;
import org.logme.probe.StratifiedFolds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme extract}: embeds labelled texts with pre-trained encoders and writes the zoo
 * that {@code logme rank} reads, optionally with the independent probe's accuracies.
 *
 * @since 0.2
 */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Turn labelled texts into a model zoo: embed them with each pre-trained encoder (in"
            + " process, ONNX Runtime; no Python) and write the layout 'logme rank' reads.",
        "",
        "Writes DIR/labels.npy (int64 class ids), DIR/classes.json (id -> label),"
            + " DIR/models/<name>/features.npy (float32 [N, D]) and model.json (name,"
            + " dimension, parameters, source), and DIR/extract.json. With --probe also"
            + " DIR/accuracy.csv (model,accuracy,params,dimension: the cross-validated accuracy"
            + " of a logistic-regression probe, a fraction), DIR/probe.csv (the probe at C = 0.1,"
            + " 1, 10 and with C chosen by nested cross-validation) and DIR/folds.npy (the folds,"
            + " to reproduce the probe in Python with PredefinedSplit).",
        "",
        "Models are loaded one at a time; features are cached (keyed by model, version and the"
            + " texts), so a second run embeds nothing. 'logme list' shows the models."},
    footer = {"", "Examples:",
        "  logme extract --texts data/tasks/emoji-en.csv --models all --out zoo \\",
        "      --probe",
        "  logme rank --zoo zoo --estimator logme,hscore,sfda",
        "  logme extract --texts reviews.csv --text-column review --label-column stars \\",
        "      --models e5-small-v2-q,onnx:/models/my-encoder --out zoo --limit 500",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input, 4 numerical"
            + " failure."})
final class ExtractCommand implements Callable<Integer> {
  private final PluginRegistry<FeatureExtractorProvider> extractors;

  @Spec
  CommandSpec spec;

  @Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  @Mixin
  TextTaskOptions task = new TextTaskOptions();

  @Option(names = "--models", paramLabel = "NAME[,NAME...]|all", split = ",",
      hideParamSyntax = true,
      defaultValue = "all",
      description = "The encoders (default: ${DEFAULT-VALUE}, every bundled one); onnx:FOLDER"
          + " for your own export.")
  List<String> models;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The zoo directory to write (replaced if it is an earlier zoo).")
  Path out;

  @Option(names = "--probe", description = "Also compute the probe's cross-validated accuracy"
      + " (the ground truth 'rank' correlates with).")
  boolean probe;

  @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
      description = "Folds of the probe's stratified cross-validation (default:"
          + " ${DEFAULT-VALUE}).")
  int folds;

  @Option(names = "--label-encoders", paramLabel = "NAME[,NAME...]|none", split = ",",
      hideParamSyntax = true,
      description = "Encoders that embed the class names into label_embeddings.npy (for the"
          + " emms estimator; several, of one dimension, write label_embeddings/NAME.npy each);"
          + " default: the first of --models; none: write no label embeddings.")
  List<String> labelEncoders;

  @Mixin
  CacheOptions cacheOptions = new CacheOptions();

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads to embed with (default: all processors).")
  Integer threads;

  @Option(names = "--json", description = "Print what was written as JSON.")
  boolean json;

  @Inject
  ExtractCommand(PluginRegistry<FeatureExtractorProvider> extractors) {
    this.extractors = extractors;
  }

  @Override
  public Integer call() {
    Extraction.requireExtractors(extractors);
    if (folds < 3) {
      throw new InvalidParameterException("--folds must be at least 3 (the probe's nested"
          + " cross-validation uses the other folds as its inner folds), not " + folds);
    }
    int threadCount = Extraction.threads(threads);
    TextTask texts = task.read();
    Optional<ProbeSettings> settings = probe
        ? Optional.of(ProbeSettings.defaults().withFolds(folds, task.seed)) : Optional.empty();
    PrintWriter err = spec.commandLine().getErr();
    if (probe) {
      StratifiedFolds.warnings(texts.labels(), folds, texts.classes())
          .forEach(w -> err.println("logme: warning: " + w));
    }
    TextZooBuilder builder = new TextZooBuilder(extractors, threadCount, cacheOptions.cache(),
        settings, ExtractionProgressBar.on(err, progressOptions.show()));
    List<TextZooBuilder.Request> requests = builder.resolve(models);
    builder = builder.withLabelEncoders(labelEncoders(requests));
    long start = System.nanoTime();
    List<ExtractedModel> extracted = builder.build(texts, requests, out);
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      stdout.println(Json.write(Extraction.json(texts, extracted, out, settings, seconds)));
    } else {
      Extraction.printTable(stdout, texts, extracted, settings);
      stdout.printf(Locale.ROOT, "%nWrote %s in %.1f s. Rank the models: ./logme rank --zoo %s%n",
          out, seconds, out);
    }
    return ExitCode.OK;
  }

  /** The label encoders asked for: by default the first model; none for none. */
  private List<String> labelEncoders(List<TextZooBuilder.Request> requests) {
    if (labelEncoders == null) {
      return List.of(requests.get(0).name());
    }
    if (labelEncoders.size() == 1 && labelEncoders.get(0).trim().equals("none")) {
      return List.of();
    }
    return labelEncoders.stream().map(String::trim).toList();
  }

  /** What extract and select share: checks, the summary table and its JSON. */
  static final class Extraction {
    private Extraction() {
    }

    static void requireExtractors(PluginRegistry<FeatureExtractorProvider> extractors) {
      if (extractors.all().isEmpty()) {
        throw new InvalidParameterException("no pre-trained models are on the class path: they"
            + " come in logme-models-text, which the ./logme launcher adds (build it with mvn"
            + " -B package -DskipTests; it downloads about 500 MB of model weights)");
      }
    }

    static int threads(Integer threads) {
      if (threads != null && threads < 1) {
        throw new InvalidParameterException("--threads must be at least 1, not " + threads);
      }
      return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    static void printTable(PrintWriter out, TextTask task, List<ExtractedModel> models,
        Optional<ProbeSettings> probe) {
      out.printf(Locale.ROOT, "%d texts in %d classes (%s)%n%n", task.size(),
          task.classes().size(), task.origin());
      int width = Math.max(5, models.stream().mapToInt(m -> m.directory().length()).max()
          .orElse(5));
      String accuracyHeader = probe.map(p -> String.format(Locale.ROOT, "  %14s",
          "probe acc C=" + ProbeSettings.c(p.reported()))).orElse("");
      out.printf(Locale.ROOT, "%-" + width + "s  %4s  %11s  %12s%s%n", "model", "D", "parameters",
          "texts/s", accuracyHeader);
      for (ExtractedModel m : models) {
        String rate = m.cached() ? "cached" : String.format(Locale.ROOT, "%.0f",
            m.textsPerSecond(task.size()));
        String accuracy = m.probe().map(a -> String.format(Locale.ROOT, "  %14.4f",
            a.at(probe.orElseThrow().reported()))).orElse("");
        out.printf(Locale.ROOT, "%-" + width + "s  %4d  %11s  %12s%s%n", m.directory(),
            m.info().dimension(), m.info().parameters().isPresent()
                ? String.format(Locale.ROOT, "%,d", m.info().parameters().getAsLong()) : "?",
            rate, accuracy);
      }
      probe.ifPresent(p -> out.println("\nProbe: " + p.describe() + "."));
    }

    static ObjectNode json(TextTask task, List<ExtractedModel> models, Path out,
        Optional<ProbeSettings> probe, double seconds) {
      ObjectNode root = Json.object();
      root.put("schema", "logme-extract/1");
      root.put("out", out.toAbsolutePath().normalize().toString());
      root.put("texts", task.origin());
      root.put("n", task.size());
      root.put("classes", task.classes().size());
      root.put("seconds", seconds);
      probe.ifPresent(p -> root.put("probe", p.describe()));
      ArrayNode list = root.putArray("models");
      for (ExtractedModel m : models) {
        ObjectNode node = list.addObject();
        node.put("model", m.directory());
        node.put("name", m.info().name());
        node.put("dimension", m.info().dimension());
        if (m.info().parameters().isPresent()) {
          node.put("parameters", m.info().parameters().getAsLong());
        } else {
          node.putNull("parameters");
        }
        node.put("version", m.info().version());
        node.put("cached", m.cached());
        node.put("load_seconds", m.loadSeconds());
        node.put("extract_seconds", m.extractSeconds());
        double rate = m.textsPerSecond(task.size());
        if (Double.isNaN(rate)) {
          node.putNull("texts_per_second");
        } else {
          node.put("texts_per_second", rate);
        }
        m.probe().ifPresent(a -> {
          node.put("accuracy", a.at(probe.orElseThrow().reported()));
          ObjectNode variants = node.putObject("probe");
          a.variants().forEach(variants::put);
          a.chosen().forEach(node.putArray("probe_chosen_c")::add);
        });
      }
      return root;
    }
  }
}
