package org.logme.eval.zoo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Collectors;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.LogmeException;
import org.logme.api.NumericalException;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
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
 * @since 0.1
 */
public final class ZooScorer {
  private final List<TransferabilityEstimator> estimators;
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
    if (estimators.isEmpty()) {
      throw new InvalidParameterException("no estimator given; name at least one");
    }
    Set<String> names = new HashSet<>();
    for (TransferabilityEstimator e : estimators) {
      if (!names.add(e.name())) {
        throw new InvalidParameterException("estimator '" + e.name() + "' is given twice");
      }
    }
    this.estimators = List.copyOf(estimators);
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
    return new ZooScorer(estimators, backend, count, progress);
  }

  /**
   * @param listener receives progress
   * @return a scorer reporting to it
   */
  public ZooScorer progress(ZooProgress listener) {
    return new ZooScorer(estimators, backend, threads, listener);
  }

  /**
   * @param zoo the zoo
   * @return every score, in a stable order, with the warnings
   * @throws LogmeException if a model's files are unreadable, or the single estimator cannot
   *     score a model
   */
  public ZooResult score(ModelZoo zoo) {
    List<String> models = zoo.models();
    Set<InputKind> needed = EnumSet.noneOf(InputKind.class);
    estimators.forEach(e -> e.acceptedInputs().forEach(needed::addAll));
    // one slot per model, written by its worker; Future.get() publishes the writes
    AtomicReferenceArray<Map<String, EstimateResult>> results =
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
          results.set(index, scoreModel(zoo, model, needed, modelWarnings));
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
      byModel.put(models.get(i), results.get(i));
      allWarnings.addAll(warnings.get(i));
    }
    return new ZooResult(zoo, estimators, byModel, allWarnings);
  }

  private Map<String, EstimateResult> scoreModel(ModelZoo zoo, String model,
      Set<InputKind> needed, List<String> warnings) {
    Set<InputKind> available = zoo.available(model);
    EstimationInput input = zoo.input(model, needed, estimators, FeatureReading.Mode.AUTO,
        backend);
    Map<String, EstimateResult> scores = new LinkedHashMap<>();
    for (TransferabilityEstimator estimator : estimators) {
      Optional<String> missing = missingFiles(estimator, available, zoo, model);
      if (missing.isPresent()) {
        skipOrFail(model, estimator, missing.get(), null, warnings);
        continue;
      }
      try {
        EstimateResult result = estimator.estimate(input, backend);
        scores.put(estimator.name(), result);
        result.warnings().forEach(w -> warnings.add("model '" + model + "', estimator '"
            + estimator.name() + "': " + w));
      } catch (LogmeException e) {
        skipOrFail(model, estimator, "failed: " + e.getMessage(), e, warnings);
      }
    }
    return scores;
  }

  private void skipOrFail(String model, TransferabilityEstimator estimator, String why,
      LogmeException cause, List<String> warnings) {
    String message = "model '" + model + "': estimator '" + estimator.name() + "' " + why;
    if (estimators.size() == 1) {
      throw cause == null ? new InvalidInputException(message)
          : cause instanceof NumericalException ? new NumericalException(message, cause)
          : new InvalidInputException(message, cause);
    }
    warnings.add(message + "; skipped");
  }

  /** Names the zoo files an estimator lacks for a model, or empty if it can run. */
  private static Optional<String> missingFiles(TransferabilityEstimator estimator,
      Set<InputKind> available, ModelZoo zoo, String model) {
    for (Set<InputKind> combination : estimator.acceptedInputs()) {
      if (available.containsAll(combination)) {
        return Optional.empty();
      }
    }
    String needs = estimator.acceptedInputs().stream()
        .map(c -> c.stream().sorted().map(ModelZoo.FILES::get)
            .collect(Collectors.joining(" + ")))
        .collect(Collectors.joining(" or "));
    return Optional.of("needs " + needs + " (in " + zoo.dir() + " and " + zoo.modelDir(model)
        + ")");
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
