package org.logme.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.LogmeException;
import org.logme.api.NumericalException;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * The estimators a user asked for, with the one rule for an estimator that cannot score an
 * input: when several were requested it is skipped with a warning and the others go on; when it
 * is the only one, that is an error. "Cannot" means it lacks an input (LEEP without source
 * probabilities) or fails on this one (a numerical failure, or data it rejects). Used by
 * {@code logme score} for one model and by {@link org.logme.eval.zoo.ZooScorer} for each model
 * of a zoo, which word the inputs their own way ({@link Wording}).
 *
 * @since 0.1
 */
public final class EstimatorSelection {
  private final List<TransferabilityEstimator> estimators;

  /**
   * @param estimators the requested estimators, ready to use
   * @throws InvalidParameterException if there are none or two share a name
   */
  public EstimatorSelection(List<TransferabilityEstimator> estimators) {
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
  }

  /** @return the estimators, in the order requested */
  public List<TransferabilityEstimator> estimators() {
    return estimators;
  }

  /** @return true if an estimator that cannot run is skipped (several were requested) */
  public boolean skipsEstimatorsThatCannotRun() {
    return estimators.size() > 1;
  }

  /**
   * How a caller names inputs and reports a lone estimator that lacks one.
   *
   * @param subject what the input belongs to, as a message prefix: {@code "model 'm1': "}, or
   *     empty
   * @param names each kind of input in the caller's words: an option or a file name
   * @param where appended to a "needs" message, e.g. {@code " (in zoo and zoo/models/m1)"}
   * @param absent what is missing, said first, e.g. {@code "no features.npy in zoo/models/m1"};
   *     empty to say only what the estimator needs
   * @param missing the error for a lone estimator lacking an input: a usage error where the
   *     user omitted an option, bad input where a file is missing
   */
  public record Wording(String subject, Function<InputKind, String> names, String where,
      Function<Set<InputKind>, String> absent, Function<String, LogmeException> missing) {

    /**
     * @param names each kind of input as a command-line option
     * @return the wording of a command that takes its inputs as options (a lone estimator
     *     lacking one is a usage error)
     */
    public static Wording options(Function<InputKind, String> names) {
      return new Wording("", names, "", kinds -> "", InvalidParameterException::new);
    }
  }

  /**
   * An estimator left out for lacking an input.
   *
   * @param estimator the estimator
   * @param missing the kinds it lacks
   * @param message the whole sentence, in the caller's words, without "; skipped"
   */
  public record Skip(TransferabilityEstimator estimator, Set<InputKind> missing,
      String message) {
  }

  /**
   * The estimators that have what they need when the given kinds of input are available, in
   * the order requested; the others are reported (or, alone, raised) as lacking an input.
   * Calling this before reading the features lets an estimator that is skipped anyway not
   * decide how they are read.
   *
   * @param available the kinds of input at hand
   * @param wording how the caller names inputs
   * @param warnings receives one line per skipped estimator
   * @return the runnable estimators; empty only if several were requested and none can run
   * @throws LogmeException from {@link Wording#missing} if the only estimator lacks an input
   */
  public List<TransferabilityEstimator> runnable(Set<InputKind> available, Wording wording,
      List<String> warnings) {
    List<Skip> skips = new ArrayList<>();
    List<TransferabilityEstimator> runnable = runnable(available, wording, skips::add);
    skips.forEach(s -> warnings.add(s.message() + "; skipped"));
    return runnable;
  }

  /**
   * As {@link #runnable(Set, Wording, List)}, reporting each skipped estimator with what it
   * lacks, for callers that summarise skips over many inputs.
   *
   * @param available the kinds of input at hand
   * @param wording how the caller names inputs
   * @param skips receives each skipped estimator
   * @return the runnable estimators
   * @throws LogmeException from {@link Wording#missing} if the only estimator lacks an input
   */
  public List<TransferabilityEstimator> runnable(Set<InputKind> available, Wording wording,
      java.util.function.Consumer<Skip> skips) {
    List<TransferabilityEstimator> runnable = new ArrayList<>();
    for (TransferabilityEstimator estimator : estimators) {
      if (estimator.missingInputs(available).isEmpty()) {
        runnable.add(estimator);
        continue;
      }
      String absent = wording.absent().apply(estimator.missingInputs(available));
      String message = wording.subject() + (absent.isEmpty() ? "" : absent + ": ")
          + "estimator '" + estimator.name() + "' needs "
          + InputKind.describe(estimator.acceptedInputs(), wording.names()) + wording.where();
      if (!skipsEstimatorsThatCannotRun()) {
        throw wording.missing().apply(message);
      }
      skips.accept(new Skip(estimator, estimator.missingInputs(available), message));
    }
    return runnable;
  }

  /**
   * Scores an input with the given estimators (normally those {@link #runnable} returned); one
   * that fails is skipped with a warning when several were requested.
   *
   * @param runnable the estimators to run, from {@link #runnable}
   * @param input the input
   * @param backend the linear algebra
   * @param wording how the caller names the input's subject
   * @param warnings receives one line per skipped estimator (the results carry their own)
   * @return the results by estimator name, in the order requested
   * @throws LogmeException if the only estimator fails: as raised when there is no subject,
   *     else naming the subject
   */
  public Map<String, EstimateResult> score(List<TransferabilityEstimator> runnable,
      EstimationInput input, LinearAlgebraBackend backend, Wording wording,
      List<String> warnings) {
    Map<String, EstimateResult> results = new LinkedHashMap<>();
    for (TransferabilityEstimator estimator : runnable) {
      try {
        results.put(estimator.name(), estimator.estimate(input, backend));
      } catch (LogmeException e) {
        // a set-level estimator refuses one model alone with its own explanation
        String message = wording.subject() + (estimator instanceof CandidateSetEstimator
            && e instanceof InvalidParameterException ? e.getMessage()
            : failed(estimator, e));
        if (!skipsEstimatorsThatCannotRun()) {
          if (wording.subject().isEmpty()) {
            throw e;
          }
          throw e instanceof NumericalException ? new NumericalException(message, e)
              : new InvalidInputException(message, e);
        }
        warnings.add(message + "; skipped");
      }
    }
    return results;
  }

  /**
   * Phase one of the set-level estimators among {@code runnable} on one model's input (see
   * {@link CandidateSetEstimator#components}), with the same rule as {@link #score} for one
   * that fails; the other estimators are ignored.
   *
   * @param runnable the estimators to run, from {@link #runnable}
   * @param input the input of one candidate model
   * @param backend the linear algebra
   * @param wording how the caller names the input's subject
   * @param warnings receives one line per skipped estimator
   * @return the components by estimator name, in the order requested
   * @throws LogmeException if the only estimator fails
   * @since 0.2
   */
  public Map<String, ModelComponents> components(List<TransferabilityEstimator> runnable,
      EstimationInput input, LinearAlgebraBackend backend, Wording wording,
      List<String> warnings) {
    Map<String, ModelComponents> results = new LinkedHashMap<>();
    for (TransferabilityEstimator estimator : runnable) {
      if (!(estimator instanceof CandidateSetEstimator set)) {
        continue;
      }
      try {
        results.put(estimator.name(), set.components(input, backend));
      } catch (LogmeException e) {
        String message = wording.subject() + failed(estimator, e);
        if (!skipsEstimatorsThatCannotRun()) {
          if (wording.subject().isEmpty()) {
            throw e;
          }
          throw e instanceof NumericalException ? new NumericalException(message, e)
              : new InvalidInputException(message, e);
        }
        warnings.add(message + "; skipped");
      }
    }
    return results;
  }

  /** @return e.g. {@code estimator 'hscore' failed: the features ...}, naming it once */
  private static String failed(TransferabilityEstimator estimator, LogmeException e) {
    String named = "estimator '" + estimator.name() + "': ";
    String message = e.getMessage();
    return "estimator '" + estimator.name() + "' failed: "
        + (message.startsWith(named) ? message.substring(named.length()) : message);
  }
}
