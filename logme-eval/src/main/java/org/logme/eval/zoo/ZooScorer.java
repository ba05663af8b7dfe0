package org.logme.eval.zoo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.LogmeException;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.eval.EstimatorSelection;
import org.logme.io.FeatureReading;

/**
 * Scores every model of a {@link ModelZoo} with every estimator.
 *
 * <p>Models are scored in parallel by {@link #threads(int)} workers; each worker holds one
 * model's arrays at a time, so at most that many models are in memory at once, and a model's
 * features are streamed into sufficient statistics (memory independent of N) when every
 * estimator allows it. The result does
 * not depend on the number of threads: models come out sorted by name, estimators in the order
 * given.
 *
 * <p>When several estimators are requested, one that lacks an input for a model (say LEEP
 * without {@code source_probs.npy}) or fails on it is skipped for that model with a warning, and
 * its score for the model is missing. With a single estimator that is an error.
 *
 * <p>A set-level estimator ({@link CandidateSetEstimator}, such as NCTI or ETran) computes each
 * model's components in that model's worker, like any other estimator, and combines them over
 * every model that has them once all are scored; its scores are flagged set-dependent. It
 * needs at least two such models.
 *
 * @since 0.1
 */
public final class ZooScorer {
  private final EstimatorSelection selection;
  private final LinearAlgebraBackend backend;
  private final int threads;
  private final ZooProgress progress;

  /**
   * @param estimators the estimators, ready to use, with distinct names
   * @param backend the linear algebra they use
   * @throws InvalidParameterException if there are no estimators or two share a name
   */
  public ZooScorer(List<TransferabilityEstimator> estimators, LinearAlgebraBackend backend) {
    this(estimators, backend, 1, ZooProgress.NONE);
  }

  private ZooScorer(List<TransferabilityEstimator> estimators, LinearAlgebraBackend backend,
      int threads, ZooProgress progress) {
    this.selection = new EstimatorSelection(estimators);
    this.backend = backend;
    this.threads = threads;
    this.progress = progress;
  }

  /**
   * @param count how many models to score at once (and hold in memory), ≥ 1
   * @return a scorer with that many threads
   * @throws InvalidParameterException if count &lt; 1
   */
  public ZooScorer threads(int count) {
    if (count < 1) {
      throw new InvalidParameterException("the number of threads must be at least 1, not "
          + count);
    }
    return new ZooScorer(selection.estimators(), backend, count, progress);
  }

  /**
   * @param listener receives progress
   * @return a scorer reporting to it
   */
  public ZooScorer progress(ZooProgress listener) {
    return new ZooScorer(selection.estimators(), backend, threads, listener);
  }

  /**
   * @param zoo the zoo
   * @return every score, in a stable order, with the warnings
   * @throws LogmeException if a model's files are unreadable, or the single estimator cannot
   *     score a model
   */
  public ZooResult score(ModelZoo zoo) {
    List<String> models = zoo.models();
    // one slot per model, written by its worker; Future.get() publishes the writes
    AtomicReferenceArray<Map<String, EstimateResult>> results =
        new AtomicReferenceArray<>(models.size());
    AtomicReferenceArray<Map<String, ModelComponents>> components =
        new AtomicReferenceArray<>(models.size());
    AtomicReferenceArray<List<String>> warnings = new AtomicReferenceArray<>(models.size());
    progress.started(models.size());
    AtomicInteger done = new AtomicInteger();
    Object progressLock = new Object();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, models.size()),
        daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < models.size(); i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          String model = models.get(index);
          List<String> modelWarnings = new ArrayList<>();
          Scored scored = scoreModel(zoo, model, modelWarnings);
          results.set(index, scored.results());
          components.set(index, scored.components());
          warnings.set(index, modelWarnings);
          synchronized (progressLock) {
            progress.modelDone(model, done.incrementAndGet(), models.size());
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Map<String, EstimateResult>> byModel = new LinkedHashMap<>();
    List<String> allWarnings = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      byModel.put(models.get(i), new LinkedHashMap<>(results.get(i)));
      allWarnings.addAll(warnings.get(i));
    }
    combineSets(models, components, byModel, allWarnings);
    return new ZooResult(zoo, selection.estimators(), byModel, allWarnings);
  }

  /** Phase two of every set-level estimator, over the models that have its components. */
  private void combineSets(List<String> models,
      AtomicReferenceArray<Map<String, ModelComponents>> components,
      Map<String, Map<String, EstimateResult>> byModel, List<String> warnings) {
    for (TransferabilityEstimator estimator : selection.estimators()) {
      if (!(estimator instanceof CandidateSetEstimator set)) {
        continue;
      }
      List<String> scored = new ArrayList<>();
      List<ModelComponents> candidates = new ArrayList<>();
      for (int i = 0; i < models.size(); i++) {
        ModelComponents c = components.get(i).get(estimator.name());
        if (c != null) {
          scored.add(models.get(i));
          candidates.add(c);
        }
      }
      if (candidates.size() < set.minimumCandidates()) {
        if (scored.isEmpty() && selection.skipsEstimatorsThatCannotRun()) {
          continue; // every model was already skipped, with a warning each
        }
        String message = "estimator '" + estimator.name() + "' is set-dependent: it compares"
            + " the candidate models with each other, so it needs at least "
            + set.minimumCandidates() + " models, but " + (scored.isEmpty() ? "none"
            : "only " + String.join(", ", scored)) + " could be scored";
        if (!selection.skipsEstimatorsThatCannotRun()) {
          throw new InvalidInputException(message + "; add models to the zoo");
        }
        warnings.add(message + "; skipped");
        continue;
      }
      List<EstimateResult> combined = set.combine(candidates);
      for (int m = 0; m < scored.size(); m++) {
        EstimateResult result = combined.get(m);
        byModel.get(scored.get(m)).put(estimator.name(), result);
        String model = scored.get(m);
        result.warnings().forEach(w -> warnings.add("model '" + model + "', estimator '"
            + estimator.name() + "': " + w));
      }
    }
  }

  /** One model's results and the set-level estimators' components. */
  private record Scored(Map<String, EstimateResult> results,
      Map<String, ModelComponents> components) {
  }

  private Scored scoreModel(ModelZoo zoo, String model, List<String> warnings) {
    EstimatorSelection.Wording wording = new EstimatorSelection.Wording("model '" + model + "': ",
        ModelZoo.FILES::get, " (in " + zoo.dir() + " and " + zoo.modelDir(model) + ")",
        InvalidInputException::new);
    // decided before reading, so that a skipped estimator does not decide how features are read
    List<TransferabilityEstimator> runnable = selection.runnable(zoo.available(model), wording,
        warnings);
    if (runnable.isEmpty()) {
      return new Scored(Map.of(), Map.of());
    }
    Set<InputKind> needed = EnumSet.noneOf(InputKind.class);
    runnable.forEach(e -> e.acceptedInputs().forEach(needed::addAll));
    EstimationInput input = zoo.input(model, needed, runnable, FeatureReading.Mode.AUTO, backend);
    List<TransferabilityEstimator> perModel = runnable.stream()
        .filter(e -> !(e instanceof CandidateSetEstimator)).toList();
    Map<String, EstimateResult> scores = selection.score(perModel, input, backend, wording,
        warnings);
    scores.forEach((name, result) -> result.warnings().forEach(w -> warnings.add("model '"
        + model + "', estimator '" + name + "': " + w)));
    // the set-level estimators' warnings travel with their combined results
    Map<String, ModelComponents> components = selection.components(runnable, input, backend,
        wording, warnings);
    return new Scored(scores, components);
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scoring the zoo", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "logme-zoo-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
