package org.logme;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.io.FeatureReading;
import org.logme.io.InputFiles;

/**
 * One estimator, configured: its backend, threads and hyper-parameters. Immutable: each
 * {@code backend}, {@code threads} and {@code parameter} call returns a new scorer, so a
 * configured scorer can be kept and shared between threads. Obtain one from
 * {@link Logme#estimator(String)}.
 *
 * <p>The {@code score} methods return the number alone; the {@code estimate} methods return
 * the whole {@link EstimateResult} (per-class values, iterations, warnings, the parameters
 * used). Inputs from files are {@code .npy} arrays or {@code bundle.npz:NAME} entries; features
 * are streamed into sufficient statistics when the estimator needs no more (memory then does
 * not grow with N).
 *
 * @since 0.1
 */
public final class Scorer {
  private final EstimatorProvider provider;
  private final PluginRegistry<LinearAlgebraBackendProvider> backends;
  private final String backend;
  private final int threads;
  private final Map<String, String> given;
  private final TransferabilityEstimator estimator;

  private Scorer(EstimatorProvider provider,
      PluginRegistry<LinearAlgebraBackendProvider> backends, String backend, int threads,
      Map<String, String> given) {
    this.provider = provider;
    this.backends = backends;
    this.backend = backend;
    this.threads = threads;
    this.given = Map.copyOf(given);
    this.estimator = provider.create(EstimatorParameters.resolve(provider.name(),
        provider.parameters(), given));
    backends.get(backend); // an unknown name fails here, not at the first score
  }

  static Scorer create(EstimatorProvider provider,
      PluginRegistry<LinearAlgebraBackendProvider> backends) {
    return new Scorer(provider, backends, Logme.DEFAULT_BACKEND,
        Runtime.getRuntime().availableProcessors(), Map.of());
  }

  /**
   * @param name a backend: {@code ejml} (the default), {@code commons} or {@code native}
   *     (OpenBLAS, where installed)
   * @return a scorer on that backend
   * @throws org.logme.api.UnknownPluginException for an unknown name
   */
  public Scorer backend(String name) {
    return new Scorer(provider, backends, name, threads, given);
  }

  /**
   * @param count the most threads the linear algebra may use, ≥ 1
   * @return a scorer with that many threads
   * @throws InvalidParameterException if count &lt; 1
   */
  public Scorer threads(int count) {
    if (count < 1) {
      throw new InvalidParameterException("the number of threads must be at least 1, not "
          + count);
    }
    return new Scorer(provider, backends, backend, count, given);
  }

  /**
   * @param key one of the estimator's hyper-parameters (see {@link #parameters()})
   * @param value its value, as on the command line
   * @return a scorer with that value
   * @throws InvalidParameterException for an unknown key or an invalid value
   */
  public Scorer parameter(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(given);
    copy.put(key, value);
    return new Scorer(provider, backends, backend, threads, copy);
  }

  /** @return the estimator's name */
  public String name() {
    return provider.name();
  }

  /** @return every hyper-parameter's value, defaults included */
  public EstimatorParameters parameters() {
    return estimator.parameters();
  }

  /** @return true if a higher score predicts better transfer */
  public boolean higherIsBetter() {
    return estimator.higherIsBetter();
  }

  private LinearAlgebraBackend linearAlgebra() {
    return backends.get(backend).create(threads);
  }

  /**
   * @param input any combination of inputs the estimator accepts
   * @return the result
   * @throws org.logme.api.LogmeException if the input lacks what the estimator needs, is
   *     unusable, or no trustworthy score can be computed
   */
  public EstimateResult estimate(EstimationInput input) {
    return estimator.estimate(input, linearAlgebra());
  }

  /**
   * Scores several candidate models together: what a set-level estimator (NCTI, ETran) needs,
   * since each model's score depends on the others; any other estimator scores each alone.
   *
   * @param candidates one input per candidate model, all on the same target samples
   * @return one result per candidate, in order
   * @throws org.logme.api.LogmeException as {@link #estimate(EstimationInput)}, or if a
   *     set-level estimator gets fewer candidates than it needs
   * @since 0.2
   */
  public java.util.List<EstimateResult> estimateSet(java.util.List<EstimationInput> candidates) {
    LinearAlgebraBackend linearAlgebra = linearAlgebra();
    if (estimator instanceof org.logme.api.estimator.CandidateSetEstimator set) {
      return set.estimateSet(candidates, linearAlgebra);
    }
    return candidates.stream().map(c -> estimator.estimate(c, linearAlgebra)).toList();
  }

  /**
   * @param features N rows of D features, one per labelled sample
   * @param labels the class of each sample (any non-negative ids)
   * @return the result
   */
  public EstimateResult estimate(double[][] features, int[] labels) {
    return estimate(EstimationInput.builder().features(Features.of(features, "features"))
        .labels(Labels.of(labels, "labels")).build());
  }

  /**
   * @param features N rows of D features (float32, as models usually produce them)
   * @param labels the class of each sample
   * @return the result
   */
  public EstimateResult estimate(float[][] features, int[] labels) {
    return estimate(EstimationInput.builder().features(Features.of(features, "features"))
        .labels(Labels.of(labels, "labels")).build());
  }

  /**
   * @param features an [N, D] array file: {@code F.npy} or {@code bundle.npz:NAME}
   * @param labels an [N] integer array file
   * @return the result
   */
  public EstimateResult estimate(Path features, Path labels) {
    Labels y = InputFiles.labels(labels.toString());
    LinearAlgebraBackend linearAlgebra = linearAlgebra();
    EstimationInput.Builder input = EstimationInput.builder().labels(y);
    FeatureReading.read(features.toString(), y, null, List.of(estimator),
        FeatureReading.Mode.AUTO, linearAlgebra).addTo(input);
    return estimator.estimate(input.build(), linearAlgebra);
  }

  /**
   * @param statistics N, FᵀF, Fᵀ1 and FᵀY accumulated with these labels (for estimators that
   *     accept them, such as LogME)
   * @param labels the labels
   * @return the result
   */
  public EstimateResult estimate(FeatureStatistics statistics, Labels labels) {
    return estimate(EstimationInput.builder().featureStatistics(statistics).labels(labels)
        .build());
  }

  /**
   * @param features N rows of D features
   * @param labels the class of each sample
   * @return the score
   */
  public double score(double[][] features, int[] labels) {
    return estimate(features, labels).score();
  }

  /**
   * @param features N rows of D float features
   * @param labels the class of each sample
   * @return the score
   */
  public double score(float[][] features, int[] labels) {
    return estimate(features, labels).score();
  }

  /**
   * @param features an [N, D] array file
   * @param labels an [N] integer array file
   * @return the score
   */
  public double score(Path features, Path labels) {
    return estimate(features, labels).score();
  }

  /**
   * @param statistics sufficient statistics accumulated with these labels
   * @param labels the labels
   * @return the score
   */
  public double score(FeatureStatistics statistics, Labels labels) {
    return estimate(statistics, labels).score();
  }

  @Override
  public String toString() {
    return provider.name() + " on " + backend + " (" + threads + " threads; "
        + estimator.parameters() + ")";
  }
}
