package org.logme.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.transform.Compositions;
import org.logme.api.transform.FeatureTransformProvider;
import org.logme.io.ArrayFiles;
import org.logme.io.InputFiles;

/**
 * The child process of {@code logme bench estimators} that times one estimator's compute in
 * process: it reads the task (untimed), then calls the estimator {@code --repeat} times on the
 * features in memory, timing each call, and prints one JSON object: {@code seconds} (every
 * call; the first includes the JIT compiler's warm-up, as a user's single run does),
 * {@code score}, {@code peak_rss_kb} (this process's peak resident memory) and, for a
 * set-dependent estimator, the one model's {@code components} it timed.
 *
 * <pre>
 *   java -cp logme.jar org.logme.cli.bench.ComputeTiming --features F.npy --labels y.npy
 *       --estimator NAME [--backend B] [--repeat R] [--label-embeddings E.npy] [KEY=VALUE...]
 * </pre>
 *
 * @since 0.2
 */
public final class ComputeTiming {
  private ComputeTiming() {
  }

  /**
   * @param args the options above
   * @throws Exception any failure, which the parent reports with the command line
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        options.put(args[i].substring(2), args[++i]);
      } else {
        String[] kv = args[i].split("=", 2);
        parameters.put(kv[0], kv[1]);
      }
    }
    ClassLoader loader = ComputeTiming.class.getClassLoader();
    SortedMap<String, EstimatorProvider> estimators = PluginRegistry.loadByName(
        EstimatorProvider.class, EstimatorProvider::name, loader);
    SortedMap<String, FeatureTransformProvider> transforms = PluginRegistry.loadByName(
        FeatureTransformProvider.class, FeatureTransformProvider::name, loader);
    String name = options.get("estimator");
    EstimatorProvider provider = Compositions.registry(estimators, transforms).get(name);
    TransferabilityEstimator estimator = provider.create(
        EstimatorParameters.resolve(name, provider.parameters(), parameters));
    LinearAlgebraBackend backend = PluginRegistry.loadByName(LinearAlgebraBackendProvider.class,
        LinearAlgebraBackendProvider::name, loader)
        .get(options.getOrDefault("backend", "ejml"))
        .create(Runtime.getRuntime().availableProcessors());

    EstimationInput.Builder input = EstimationInput.builder()
        .features(InputFiles.features(options.get("features")))
        .labels(InputFiles.labels(options.get("labels")));
    if (options.containsKey("label-embeddings")) {
      input.labelEmbeddings(org.logme.api.data.LabelEmbeddings.of(
          ArrayFiles.load(options.get("label-embeddings")).asMatrix(),
          options.get("label-embeddings")));
    }
    EstimationInput in = input.build();
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
    List<Double> seconds = new ArrayList<>();
    double score = Double.NaN;
    ModelComponents components = null;
    for (int r = 0; r < repeat; r++) {
      long start = System.nanoTime();
      if (estimator instanceof CandidateSetEstimator set) {
        components = set.components(in, backend);
      } else {
        score = estimator.estimate(in, backend).score();
      }
      seconds.add((System.nanoTime() - start) / 1e9);
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode out = json.createObjectNode();
    ArrayNode times = out.putArray("seconds");
    seconds.forEach(times::add);
    if (Double.isFinite(score)) {
      out.put("score", score);
    }
    if (components != null) {
      ObjectNode values = out.putObject("components");
      components.values().forEach(values::put);
    }
    PeakMemory.read().ifPresent(kb -> out.put("peak_rss_kb", kb));
    System.out.println(json.writeValueAsString(out));
  }
}
