package org.logme.cli;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.eval.EstimatorSelection;
import org.logme.io.FeatureReading;
import org.logme.io.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logme score}: one model's transferability to one target task, by one or several
 * estimators.
 *
 * @since 0.1
 */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Score one model's features (or its source-model predictions) on a target task.",
        "",
        "Arrays are NumPy files: F.npy, or NAME inside an archive as bundle.npz:NAME; also"
            + " model.safetensors:NAME, data.h5:/DATASET and table.parquet:COLUMN. Features"
            + " are [N, D] (float32 is fine; computation is in double); labels are [N]"
            + " non-negative integers (gaps such as 0, 2, 5 are remapped and reported); targets"
            + " are [N, K] real values. Rows of every input are the same N target samples, in"
            + " the same order."},
    footer = {"", "Examples:",
        "  logme score --features feats.npy --labels labels.npy",
        "  logme score --features feats.npy --labels labels.npy --json",
        "  logme score --features data.npz:features --targets data.npz:y \\",
        "      --backend commons",
        "  logme score --features feats.npy --labels labels.npy --algorithm exact",
        "  logme score --features data.safetensors:features \\",
        "      --labels data.safetensors:labels",
        "  logme score --engine spark --features t.parquet:features \\",
        "      --labels t.parquet:label",
        "  logme score --features f.npy --labels y.npy --estimator emms \\",
        "      --label-embeddings names.npy",
        "  logme score --features f.npy --labels y.npy --estimator ped+sfda \\",
        "      --param ped.n_sigma=0.3",
        "%nExit codes: 0 success, 1 internal error, 2 usage error, 3 bad input, 4 numerical"
            + " failure."})
final class ScoreCommand implements Callable<Integer> {
  private final PluginRegistry<EstimatorProvider> estimators;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;

  @Spec
  CommandSpec spec;

  @Option(names = "--features", paramLabel = "F.npy",
      description = "The model's features on the target samples, [N, D].")
  String features;

  @Option(names = "--labels", paramLabel = "y.npy",
      description = "Class labels, [N] (classification).")
  String labels;

  @Option(names = "--targets", paramLabel = "T.npy",
      description = "Real-valued targets, [N, K] (regression), or 0/1 indicators with"
          + " --multi-label.")
  String targets;

  @Option(names = "--multi-label",
      description = "The --targets are 0/1 label indicators (one column per label).")
  boolean multiLabel;

  @Option(names = "--source-probs", paramLabel = "P.npy",
      description = "The source model's softmax probabilities on the target samples, [N, Cs]"
          + " (for leep, nce).")
  String sourceProbabilities;

  @Option(names = "--source-labels", paramLabel = "z.npy",
      description = "The source model's predicted source-class ids, [N] (for nce).")
  String sourceLabels;

  @Option(names = "--label-embeddings", paramLabel = "E.npy",
      description = "Embeddings of the class names by a text encoder, [C, E]: row r embeds class"
          + " id r (for emms). Repeat for several encoders of the same E.")
  List<String> labelEmbeddings;

  @Mixin
  EstimatorOptions estimatorOptions = new EstimatorOptions();

  @Mixin
  BackendOptions backendOptions = new BackendOptions();

  @Mixin
  EngineOptions engineOptions = new EngineOptions();

  @Option(names = "--json",
      description = "Print JSON, the same shape for any number of estimators: {\"schema\","
          + " \"results\": [one object per estimator that ran], \"skipped\": [why the others"
          + " did not]}.")
  boolean json;

  @Option(names = "--read", paramLabel = "auto|stream|memory", defaultValue = "auto",
      converter = ReadModeConverter.class,
      description = "How to read the features: 'stream' accumulates FᵀF and FᵀY block by block"
          + " (memory independent of N; LogME only needs these when N ≥ D), 'memory' loads them;"
          + " 'auto' (default) streams when every requested estimator allows it.")
  FeatureReading.Mode readMode;

  /** Accepts the modes in lower case, as the help shows them. */
  static final class ReadModeConverter implements picocli.CommandLine.ITypeConverter<
      FeatureReading.Mode> {
    @Override
    public FeatureReading.Mode convert(String value) {
      try {
        return FeatureReading.Mode.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of"
            + " auto, stream, memory");
      }
    }
  }

  @Inject
  ScoreCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.estimators = estimators;
    this.backends = backends;
  }

  /** The version of the {@code score --json} document's layout. */
  static final String SCHEMA = "logme.score/2";

  /**
   * The one place the command line words an input kind: as the option that supplies it.
   *
   * @param kind a kind of input
   * @return its option, e.g. {@code --source-probs}
   */
  static String option(InputKind kind) {
    return switch (kind) {
      case FEATURES -> "--features";
      case LABELS -> "--labels";
      case TARGETS -> "--targets";
      case SOURCE_PROBABILITIES -> "--source-probs";
      case SOURCE_LABELS -> "--source-labels";
      case LABEL_EMBEDDINGS -> "--label-embeddings";
    };
  }

  @Override
  public Integer call() {
    EstimatorSelection selection = estimatorOptions.configure(estimators);
    checkOptions();
    LinearAlgebraBackend backend = backendOptions.create(backends);
    EstimatorSelection.Wording wording = EstimatorSelection.Wording.options(ScoreCommand::option);
    List<String> skipped = new ArrayList<>();
    // decided before reading, so that a skipped estimator does not decide how features are read
    List<TransferabilityEstimator> runnable = selection.runnable(given(), wording, skipped);
    Loaded loaded = engineOptions.distributed() ? computeElsewhere(runnable)
        : loadInputs(runnable, backend);
    List<EstimateResult> results = new ArrayList<>(selection.score(runnable, loaded.input(),
        backend, wording, skipped).values());
    if (results.isEmpty()) {
      throw new InvalidParameterException("no requested estimator can run on the given inputs: "
          + String.join("; ", skipped));
    }
    ScoreContext context = context(loaded, backend.name());
    var err = spec.commandLine().getErr();
    skipped.forEach(w -> err.println("logme: warning: " + w));
    results.forEach(r -> r.warnings().forEach(w -> err.println("logme: warning: " + r.estimator()
        + ": " + w)));
    var out = spec.commandLine().getOut();
    if (json) {
      // one shape whatever the number of estimators
      var root = Json.object();
      root.put("schema", SCHEMA);
      var array = root.putArray("results");
      results.forEach(r -> array.add(Json.estimate(r, context)));
      var skippedNode = root.putArray("skipped");
      skipped.forEach(skippedNode::add);
      out.println(Json.write(root));
    } else {
      printText(out, results, context);
    }
    return ExitCode.OK;
  }

  /** @return the kinds of input given on the command line */
  private Set<InputKind> given() {
    Set<InputKind> kinds = EnumSet.noneOf(InputKind.class);
    if (features != null) {
      kinds.add(InputKind.FEATURES);
    }
    if (labels != null) {
      kinds.add(InputKind.LABELS);
    }
    if (targets != null) {
      kinds.add(InputKind.TARGETS);
    }
    if (sourceProbabilities != null) {
      kinds.add(InputKind.SOURCE_PROBABILITIES);
    }
    if (sourceLabels != null) {
      kinds.add(InputKind.SOURCE_LABELS);
    }
    if (labelEmbeddings != null && !labelEmbeddings.isEmpty()) {
      kinds.add(InputKind.LABEL_EMBEDDINGS);
    }
    return kinds;
  }

  private void checkOptions() {
    if (labels != null && targets != null) {
      throw new InvalidParameterException("give either --labels (classification) or --targets"
          + " (regression, multi-label), not both");
    }
    if (multiLabel && targets == null) {
      throw new InvalidParameterException("--multi-label describes --targets, which is missing");
    }
  }

  /** The inputs read, and how the features were read (for the output). */
  private record Loaded(EstimationInput input, String featureInput) {
  }

  private Loaded loadInputs(Collection<TransferabilityEstimator> requested,
      LinearAlgebraBackend backend) {
    EstimationInput.Builder b = EstimationInput.builder();
    String featureInput = "none";
    Labels labelInput = labels == null ? null : InputFiles.labels(labels);
    Targets targetInput = targets == null ? null : InputFiles.targets(targets, multiLabel);
    b.labels(labelInput).targets(targetInput);
    if (features != null) {
      FeatureReading.Loaded loaded = FeatureReading.read(features, labelInput, targetInput,
          requested, readMode, backend);
      loaded.addTo(b);
      featureInput = loaded.description();
    }
    if (sourceProbabilities != null) {
      b.sourceProbabilities(InputFiles.sourceProbabilities(sourceProbabilities));
    }
    if (sourceLabels != null) {
      b.sourceLabels(InputFiles.sourceLabels(sourceLabels));
    }
    if (labelEmbeddings != null && !labelEmbeddings.isEmpty()) {
      List<org.logme.api.linalg.Matrix> matrices = new ArrayList<>();
      for (String file : labelEmbeddings) {
        matrices.add(org.logme.io.ArrayFiles.load(file).asMatrix());
      }
      b.labelEmbeddings(org.logme.api.data.LabelEmbeddings.of(matrices, labelEmbeddings,
          String.join(", ", labelEmbeddings)));
    }
    return new Loaded(b.build(), featureInput);
  }

  /** The statistics from another engine (Spark); only the features, labels and targets. */
  private Loaded computeElsewhere(List<TransferabilityEstimator> requested) {
    if (features == null || sourceProbabilities != null || sourceLabels != null) {
      throw new InvalidParameterException("--engine " + engineOptions.engine + " scores"
          + " --features with --labels or --targets; "
          + (features == null ? "--features is missing" : "--source-probs and --source-labels"
          + " are read only by the local engine"));
    }
    EngineOptions.Computed computed = engineOptions.compute(requested,
        new org.logme.io.StatisticsEngine.Request(features, labels, targets, multiLabel,
            engineOptions.master));
    return new Loaded(computed.input(), computed.description());
  }

  private ScoreContext context(Loaded loaded, String backend) {
    EstimationInput input = loaded.input();
    Map<String, String> inputs = new LinkedHashMap<>();
    putIfSet(inputs, "features", features);
    putIfSet(inputs, "labels", labels);
    putIfSet(inputs, "targets", targets);
    putIfSet(inputs, "source_probs", sourceProbabilities);
    putIfSet(inputs, "source_labels", sourceLabels);
    if (labelEmbeddings != null && !labelEmbeddings.isEmpty()) {
      putIfSet(inputs, "label_embeddings", String.join(",", labelEmbeddings));
    }
    int n = input.features().map(f -> f.sampleCount())
        .or(() -> input.featureStatistics().map(s -> s.sampleCount()))
        .or(() -> input.labels().map(Labels::sampleCount))
        .or(() -> input.targets().map(Targets::sampleCount))
        .or(() -> input.sourceProbabilities().map(p -> p.sampleCount()))
        .or(() -> input.sourceLabels().map(s -> s.sampleCount())).orElse(0);
    return new ScoreContext(backend, n,
        input.features().map(f -> f.dimension())
            .or(() -> input.featureStatistics().map(s -> s.dimension())).orElse(null),
        input.labels().map(Labels::classCount).orElse(null),
        input.targets().map(Targets::outputCount).orElse(null), loaded.featureInput(), inputs);
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** @return e.g. {@code 1 output}, {@code 3 outputs} */
  static String plural(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static void printText(java.io.PrintWriter out, List<EstimateResult> results,
      ScoreContext context) {
    StringBuilder data = new StringBuilder("N=" + context.n());
    if (context.d() != null) {
      data.append(", D=").append(context.d());
    }
    if (context.classes() != null) {
      data.append(", ").append(plural(context.classes(), "class", "classes"));
    }
    if (context.outputs() != null) {
      data.append(", ").append(plural(context.outputs(), "output", "outputs"));
    }
    out.println("data: " + data + "; backend: " + context.backend()
        + (context.d() == null ? "" : "; features " + context.featureInput()));
    int width = results.stream().mapToInt(r -> r.estimator().length()).max().orElse(5);
    for (EstimateResult r : results) {
      Map<String, String> params = r.parameters().asText();
      out.println(String.format(Locale.ROOT, "%-" + width + "s  %14.8f  (%s is better%s)",
          r.estimator(), r.score(), r.higherIsBetter() ? "higher" : "lower",
          params.isEmpty() ? "" : "; " + String.join(", ", params.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).toList())));
    }
  }
}
