package org.logme.cli;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ParameterSpec;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.core.io.InputFiles;
import picocli.CommandLine.Command;
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
        "Arrays are NumPy files: F.npy, or NAME inside an archive as bundle.npz:NAME. Features"
            + " are [N, D] (float32 is fine; computation is in double); labels are [N]"
            + " non-negative integers (gaps such as 0, 2, 5 are remapped and reported); targets"
            + " are [N, K] real values. Rows of every input are the same N target samples, in"
            + " the same order."},
    footer = {"", "Examples:",
        "  logme score --features feats.npy --labels labels.npy",
        "  logme score --features feats.npy --labels labels.npy --json",
        "  logme score --features data.npz:features --targets data.npz:y --backend commons",
        "  logme score --features feats.npy --labels labels.npy --algorithm mackay",
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

  @Option(names = "--estimator", paramLabel = "NAME[,NAME...]", split = ",",
      defaultValue = "logme",
      description = "Estimator(s) to run (default: ${DEFAULT-VALUE}); see 'logme list'. With"
          + " several, an estimator lacking an input is skipped with a warning.")
  List<String> estimatorNames;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "ejml",
      description = "Linear-algebra backend (default: ${DEFAULT-VALUE}); see 'logme list'.")
  String backendName;

  @Option(names = "--algorithm", paramLabel = "fixed-point|mackay",
      description = "LogME's solver: fixed-point (default; exact evidence) or mackay (ICML 2021)."
          + " Same as --param logme.algorithm=...")
  String algorithm;

  @Option(names = "--param", paramLabel = "[ESTIMATOR.]KEY=VALUE",
      description = "An estimator hyper-parameter (repeatable); 'logme list --verbose' shows"
          + " them. A bare KEY applies to every requested estimator that has it.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--json",
      description = "Print JSON: one object, or an array with one object per estimator when"
          + " several are requested.")
  boolean json;

  @Inject
  ScoreCommand(PluginRegistry<EstimatorProvider> estimators,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    this.estimators = estimators;
    this.backends = backends;
  }

  @Override
  public Integer call() {
    LinearAlgebraBackendProvider backendProvider = backends.get(backendName);
    List<String> names = new ArrayList<>(new LinkedHashSet<>(estimatorNames));
    Map<String, EstimatorProvider> providers = new LinkedHashMap<>();
    names.forEach(name -> providers.put(name, estimators.get(name.trim())));
    Map<String, Map<String, String>> resolved = resolveParameters(providers);
    checkOptions();

    EstimationInput input = loadInputs();
    LinearAlgebraBackend backend = backendProvider.create();
    List<EstimateResult> results = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (var entry : providers.entrySet()) {
      TransferabilityEstimator estimator = entry.getValue().create(EstimatorParameters.resolve(
          entry.getKey(), entry.getValue().parameters(), resolved.get(entry.getKey())));
      var missing = estimator.missingInputs(input);
      if (missing.isPresent()) {
        if (providers.size() == 1) {
          throw new InvalidParameterException(missing.get());
        }
        skipped.add(missing.get() + "; skipped");
        continue;
      }
      results.add(estimator.estimate(input, backend));
    }
    if (results.isEmpty()) {
      throw new InvalidParameterException("no requested estimator can run on the given inputs: "
          + String.join("; ", skipped));
    }
    ScoreContext context = context(input, backendProvider.name(), resolved);
    var err = spec.commandLine().getErr();
    skipped.forEach(w -> err.println("logme: warning: " + w));
    results.forEach(r -> r.warnings().forEach(w -> err.println("logme: warning: " + r.estimator()
        + ": " + w)));
    var out = spec.commandLine().getOut();
    if (json) {
      if (providers.size() == 1) {
        out.println(Json.write(Json.estimate(results.get(0), context)));
      } else {
        var array = Json.array();
        results.forEach(r -> array.add(Json.estimate(r, context)));
        out.println(Json.write(array));
      }
    } else {
      printText(out, results, context);
    }
    return ExitCode.OK;
  }

  /** Splits --param and --algorithm into each estimator's settings; unknown keys fail. */
  private Map<String, Map<String, String>> resolveParameters(
      Map<String, EstimatorProvider> providers) {
    Map<String, Map<String, String>> given = new LinkedHashMap<>();
    providers.keySet().forEach(name -> given.put(name, new LinkedHashMap<>()));
    Map<String, String> all = new LinkedHashMap<>(parameters);
    if (algorithm != null) {
      if (!providers.containsKey("logme")) {
        throw new InvalidParameterException("--algorithm applies to the logme estimator, which"
            + " was not requested; use --param KEY=VALUE for other estimators");
      }
      all.put("logme.algorithm", algorithm);
    }
    for (var entry : all.entrySet()) {
      String key = entry.getKey();
      int dot = key.indexOf('.');
      if (dot > 0 && providers.containsKey(key.substring(0, dot))) {
        given.get(key.substring(0, dot)).put(key.substring(dot + 1), entry.getValue());
        continue;
      }
      boolean used = false;
      for (var provider : providers.entrySet()) {
        if (provider.getValue().parameters().stream().anyMatch(p -> p.name().equals(key))) {
          given.get(provider.getKey()).put(key, entry.getValue());
          used = true;
        }
      }
      if (!used) {
        throw new InvalidParameterException("no requested estimator has a parameter '" + key
            + "'; they take: " + describeParameters(providers));
      }
    }
    Map<String, Map<String, String>> resolved = new LinkedHashMap<>();
    for (var provider : providers.entrySet()) {
      resolved.put(provider.getKey(), EstimatorParameters.resolve(provider.getKey(),
          provider.getValue().parameters(), given.get(provider.getKey())).asMap());
    }
    return resolved;
  }

  private static String describeParameters(Map<String, EstimatorProvider> providers) {
    List<String> parts = new ArrayList<>();
    providers.forEach((name, p) -> parts.add(name + " (" + (p.parameters().isEmpty() ? "none"
        : String.join(", ", p.parameters().stream().map(ParameterSpec::name).toList())) + ")"));
    return String.join(", ", parts);
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

  private EstimationInput loadInputs() {
    EstimationInput.Builder b = EstimationInput.builder();
    if (features != null) {
      b.features(InputFiles.features(features));
    }
    if (labels != null) {
      b.labels(InputFiles.labels(labels));
    }
    if (targets != null) {
      b.targets(InputFiles.targets(targets, multiLabel));
    }
    if (sourceProbabilities != null) {
      b.sourceProbabilities(InputFiles.sourceProbabilities(sourceProbabilities));
    }
    if (sourceLabels != null) {
      b.sourceLabels(InputFiles.sourceLabels(sourceLabels));
    }
    return b.build();
  }

  private ScoreContext context(EstimationInput input, String backend,
      Map<String, Map<String, String>> resolved) {
    Map<String, String> inputs = new LinkedHashMap<>();
    putIfSet(inputs, "features", features);
    putIfSet(inputs, "labels", labels);
    putIfSet(inputs, "targets", targets);
    putIfSet(inputs, "source_probs", sourceProbabilities);
    putIfSet(inputs, "source_labels", sourceLabels);
    int n = input.features().map(f -> f.sampleCount())
        .or(() -> input.labels().map(Labels::sampleCount))
        .or(() -> input.targets().map(Targets::sampleCount))
        .or(() -> input.sourceProbabilities().map(p -> p.sampleCount()))
        .or(() -> input.sourceLabels().map(s -> s.sampleCount())).orElse(0);
    return new ScoreContext(backend, resolved, n,
        input.features().map(f -> f.dimension()).orElse(null),
        input.labels().map(Labels::classCount).orElse(null),
        input.targets().map(Targets::outputCount).orElse(null), inputs);
  }

  private static void putIfSet(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static void printText(java.io.PrintWriter out, List<EstimateResult> results,
      ScoreContext context) {
    StringBuilder data = new StringBuilder("N=" + context.n());
    if (context.d() != null) {
      data.append(", D=").append(context.d());
    }
    if (context.classes() != null) {
      data.append(", ").append(context.classes()).append(" classes");
    }
    if (context.outputs() != null) {
      data.append(", ").append(context.outputs()).append(" outputs");
    }
    out.println("data: " + data + "; backend: " + context.backend());
    int width = results.stream().mapToInt(r -> r.estimator().length()).max().orElse(5);
    for (EstimateResult r : results) {
      Map<String, String> params = context.parameters().getOrDefault(r.estimator(), Map.of());
      out.println(String.format(Locale.ROOT, "%-" + width + "s  %14.8f  (%s is better%s)",
          r.estimator(), r.score(), r.higherIsBetter() ? "higher" : "lower",
          params.isEmpty() ? "" : "; " + String.join(", ", params.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).toList())));
    }
  }
}
