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
import java.util.stream.Collectors;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.LogmeException;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
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
 * estimator that can score it allows it. The result does not depend on the number of threads:
 * models come out sorted by name, estimators in the order given.
 *
 * <p>When several estimators are requested, one that lacks an input for a model (say LEEP
 * without {@code source_probs.npy}) or fails on it is skipped for that model with a warning, and
 * its score for the model is missing ({@link EstimatorSelection}). A model that cannot be scored
 * at all — a file missing, unreadable or inconsistent with the task, or the only estimator
 * failing on it — is skipped with a warning and listed in {@link ZooResult#skipped()}, unless
 * the scorer is {@link #strict(boolean) strict}: then its error ends the run.
 *
 * <p>A set-level estimator ({@link CandidateSetEstimator}, such as NCTI or ETran) computes each
 * model's components in that model's worker, like any other estimator, and combines them over
 * every model that has them once all are scored; its scores are flagged set-dependent. It
 * needs at least two such models: with fewer it is skipped with a warning when several
 * estimators were requested, and an error when it is the only one.
 *
 * @since 0.1
 */
public final class ZooScorer {
  private final EstimatorSelection selection;
  private final LinearAlgebraBackend backend;
  private final int threads;
  private final ZooProgress progress;
  private final boolean strict;
  private final FeatureReading.Mode readMode;

  /**
   * @param estimators the estimators, ready to use, with distinct names
   * @param backend the linear algebra they use
   * @throws InvalidParameterException if there are no estimators or two share a name
   */
  public ZooScorer(List<TransferabilityEstimator> estimators, LinearAlgebraBackend backend) {
    this(new EstimatorSelection(estimators), backend, 1, ZooProgress.NONE, false,
        FeatureReading.Mode.AUTO);
  }

  private ZooScorer(EstimatorSelection selection, LinearAlgebraBackend backend, int threads,
      ZooProgress progress, boolean strict, FeatureReading.Mode readMode) {
    this.selection = selection;
    this.backend = backend;
    this.threads = threads;
    this.progress = progress;
    this.strict = strict;
    this.readMode = readMode;
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
    return new ZooScorer(selection, backend, count, progress, strict, readMode);
  }

  /**
   * @param listener receives progress
   * @return a scorer reporting to it
   */
  public ZooScorer progress(ZooProgress listener) {
    return new ZooScorer(selection, backend, threads, listener, strict, readMode);
  }

  /**
   * @param value true to fail on the first model that cannot be scored, false (the default) to
   *     skip it with a warning
   * @return a scorer with that policy
   */
  public ZooScorer strict(boolean value) {
    return new ZooScorer(selection, backend, threads, progress, value, readMode);
  }

  /**
   * @param mode how to read each model's features ({@link FeatureReading.Mode#AUTO} by default)
   * @return a scorer reading them so
   */
  public ZooScorer readMode(FeatureReading.Mode mode) {
    return new ZooScorer(selection, backend, threads, progress, strict, mode);
  }

  /** What one worker produced for one model. */
  private record Scored(Map<String, EstimateResult> results, List<String> warnings,
      List<EstimatorSelection.Skip> skips, ZooResult.ModelInfo info, String skipped,
      Map<String, ModelComponents> components) {
  }

  /**
   * @param zoo the zoo
   * @return every score, in a stable order, with the warnings and the skipped models
   * @throws LogmeException if a strict scorer meets a model it cannot score, or no model at
   *     all can be scored
   */
  public ZooResult score(ModelZoo zoo) {
    List<String> models = zoo.models();
    // one slot per model, written by its worker; Future.get() publishes the writes
    AtomicReferenceArray<Scored> scored = new AtomicReferenceArray<>(models.size());
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
          scored.set(index, scoreOrSkip(zoo, model));
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
    Map<String, ZooResult.ModelInfo> infos = new LinkedHashMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    // an estimator lacking the same file for many models is one warning, not one per model
    Map<String, List<String>> lacking = new LinkedHashMap<>();
    List<String> allWarnings = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      Scored s = scored.get(i);
      for (EstimatorSelection.Skip skip : s.skips()) {
        lacking.computeIfAbsent("estimator '" + skip.estimator().name() + "' needs "
            + InputKind.describe(skip.estimator().acceptedInputs(), ModelZoo.FILES::get)
            + ", but " + files(skip.missing()) + (skip.missing().size() == 1 ? " is" : " are")
            + " missing for", k -> new ArrayList<>()).add(models.get(i));
      }
    }
    lacking.forEach((what, names) -> allWarnings.add(what + " " + names.size() + " of "
        + models.size() + " model" + (models.size() == 1 ? "" : "s") + " (" + listed(names)
        + "); skipped for " + (names.size() == 1 ? "it" : "them")));
    for (int i = 0; i < models.size(); i++) {
      Scored s = scored.get(i);
      allWarnings.addAll(s.warnings());
      if (s.skipped() != null) {
        skipped.put(models.get(i), s.skipped());
        continue;
      }
      byModel.put(models.get(i), new LinkedHashMap<>(s.results()));
      infos.put(models.get(i), s.info());
    }
    combineSets(models, scored, byModel, allWarnings);
    if (byModel.isEmpty()) {
      throw new InvalidInputException(zoo.dir() + ": no model could be scored: "
          + skipped.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
          .collect(Collectors.joining("; ")));
    }
    return new ZooResult(zoo, selection.estimators(), byModel, infos, skipped, allWarnings);
  }

  private Scored scoreOrSkip(ModelZoo zoo, String model) {
    List<String> warnings = new ArrayList<>();
    try {
      return scoreModel(zoo, model, warnings);
    } catch (LogmeException e) {
      if (strict) {
        throw e;
      }
      String reason = e.getMessage();
      warnings.add(reason + "; model '" + model + "' skipped (--strict to fail instead)");
      return new Scored(Map.of(), warnings, List.of(), null, reason, Map.of());
    }
  }

  private Scored scoreModel(ModelZoo zoo, String model, List<String> warnings) {
    EstimatorSelection.Wording wording = new EstimatorSelection.Wording("model '" + model + "': ",
        ModelZoo.FILES::get, " (in " + zoo.dir() + " and " + zoo.modelDir(model) + ")",
        missing -> missing.isEmpty() ? "" : "no " + missing.stream().sorted()
            .map(ModelZoo.FILES::get).collect(Collectors.joining(", ")) + " in "
            + zoo.modelDir(model), InvalidInputException::new);
    // decided before reading, so that a skipped estimator does not decide how features are read
    List<EstimatorSelection.Skip> skips = new ArrayList<>();
    List<TransferabilityEstimator> runnable = selection.runnable(zoo.available(model), wording,
        skips::add);
    if (runnable.isEmpty()) {
      throw new InvalidInputException("model '" + model + "': no requested estimator has its"
          + " inputs in " + zoo.modelDir(model));
    }
    Set<InputKind> needed = EnumSet.noneOf(InputKind.class);
    runnable.forEach(e -> e.acceptedInputs().forEach(needed::addAll));
    ModelZoo.ModelInput read = zoo.read(model, needed, runnable, readMode, backend);
    List<TransferabilityEstimator> perModel = runnable.stream()
        .filter(e -> !(e instanceof CandidateSetEstimator)).toList();
    Map<String, EstimateResult> scores = selection.score(perModel, read.input(), backend,
        wording, warnings);
    // phase one of the set-level estimators; their warnings travel with the combined results
    Map<String, ModelComponents> components = selection.components(runnable, read.input(),
        backend, wording, warnings);
    if (scores.isEmpty() && components.isEmpty()) {
      throw new InvalidInputException("model '" + model + "': no estimator could score it");
    }
    scores.forEach((name, result) -> result.warnings().forEach(w -> warnings.add("model '"
        + model + "', estimator '" + name + "': " + w)));
    return new Scored(scores, warnings, skips, ZooResult.ModelInfo.of(read), null, components);
  }

  /** Phase two of every set-level estimator, over the scored models that have its components. */
  private void combineSets(List<String> models, AtomicReferenceArray<Scored> scored,
      Map<String, Map<String, EstimateResult>> byModel, List<String> warnings) {
    for (TransferabilityEstimator estimator : selection.estimators()) {
      if (!(estimator instanceof CandidateSetEstimator set)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      List<ModelComponents> candidates = new ArrayList<>();
      for (int i = 0; i < models.size(); i++) {
        ModelComponents c = scored.get(i).components().get(estimator.name());
        if (c != null && byModel.containsKey(models.get(i))) {
          names.add(models.get(i));
          candidates.add(c);
        }
      }
      if (candidates.size() < set.minimumCandidates()) {
        if (names.isEmpty() && selection.skipsEstimatorsThatCannotRun()) {
          continue; // every model was already skipped for it, with a warning
        }
        String message = "estimator '" + estimator.name() + "' is set-dependent: it compares"
            + " the candidate models with each other, so it needs at least "
            + set.minimumCandidates() + " models, but " + (names.isEmpty() ? "none"
            : "only " + String.join(", ", names)) + " could be scored";
        if (!selection.skipsEstimatorsThatCannotRun()) {
          throw new InvalidInputException(message + "; add models to the zoo");
        }
        warnings.add(message + "; skipped");
        continue;
      }
      List<EstimateResult> combined = set.combine(candidates);
      for (int m = 0; m < names.size(); m++) {
        EstimateResult result = combined.get(m);
        String model = names.get(m);
        byModel.get(model).put(estimator.name(), result);
        result.warnings().forEach(w -> warnings.add("model '" + model + "', estimator '"
            + estimator.name() + "': " + w));
      }
    }
  }

  private static String files(Set<InputKind> kinds) {
    return kinds.stream().sorted().map(ModelZoo.FILES::get).collect(Collectors.joining(", "));
  }

  /** Names, at most ten, then how many more. */
  private static String listed(List<String> names) {
    return String.join(", ", names.subList(0, Math.min(10, names.size())))
        + (names.size() > 10 ? ", and " + (names.size() - 10) + " more" : "");
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
