package org.logme.api.estimator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * An estimator whose score for one model depends on the other candidate models: it computes
 * each candidate's own {@link ModelComponents} (phase one, from that model's input alone) and
 * then combines them over the whole candidate set (phase two), for example by min-max
 * normalising each component over the set (NCTI, ETran). Its scores are
 * {@link EstimateResult#setDependent() set-dependent}: they compare models only within the
 * set, and change when a candidate is added or removed.
 *
 * <p>Scoring a single model is refused ({@link #estimate}); score the candidates together
 * with {@link #estimateSet}, or compute {@link #components} per model (one model in memory at
 * a time, in parallel) and {@link #combine} them once all are known, as a model-zoo scorer
 * does.
 *
 * <p>Implementations are immutable and thread-safe, like every estimator.
 *
 * @since 0.2
 */
public interface CandidateSetEstimator extends TransferabilityEstimator {

  /** @return true: scores depend on the candidate set */
  @Override
  default boolean setDependent() {
    return true;
  }

  /** @return the fewest candidates the estimator can compare: 2 */
  default int minimumCandidates() {
    return 2;
  }

  /**
   * Phase one: one candidate's own values.
   *
   * @param input the candidate's data; must satisfy one of {@link #acceptedInputs()}
   * @param backend the linear algebra to use
   * @return the candidate's components
   * @throws org.logme.api.InvalidInputException if the input lacks what the estimator needs or
   *     is unsuitable for it
   * @throws org.logme.api.NumericalException if no trustworthy value can be computed
   */
  ModelComponents components(EstimationInput input, LinearAlgebraBackend backend);

  /**
   * Phase two: every candidate's score from all their components.
   *
   * @param candidates the components of every candidate, all computed by this estimator on the
   *     same target samples, at least {@link #minimumCandidates()}
   * @return one result per candidate, in the same order, each
   *     {@link EstimateResult#setDependent() set-dependent}
   * @throws InvalidParameterException if there are fewer than {@link #minimumCandidates()}
   */
  List<EstimateResult> combine(List<ModelComponents> candidates);

  /**
   * Scores a whole candidate set: {@link #components} of each, then {@link #combine}.
   *
   * @param candidates one input per candidate model, all on the same target samples
   * @param backend the linear algebra to use
   * @return one result per candidate, in the same order
   * @throws InvalidParameterException if there are fewer than {@link #minimumCandidates()}
   * @throws InvalidInputException if the candidates' labels differ
   */
  default List<EstimateResult> estimateSet(List<EstimationInput> candidates,
      LinearAlgebraBackend backend) {
    requireCandidates(candidates.size());
    Labels first = candidates.get(0).labels().orElse(null);
    for (int i = 1; i < candidates.size() && first != null; i++) {
      Labels other = candidates.get(i).labels().orElse(null);
      if (other != null && !Arrays.equals(first.classIndices(), other.classIndices())) {
        throw new InvalidInputException("estimator '" + name() + "': the labels of candidate "
            + i + " (" + other.origin() + ") differ from those of candidate 0 ("
            + first.origin() + "); every candidate must be scored on the same target samples");
      }
    }
    List<ModelComponents> components = new ArrayList<>();
    for (EstimationInput input : candidates) {
      requireInputs(input);
      components.add(components(input, backend));
    }
    return combine(components);
  }

  /**
   * Refuses to score one model alone: the score needs the other candidates.
   *
   * @param input the data of one model
   * @param backend unused
   * @return never
   * @throws org.logme.api.InvalidInputException if the input lacks what the estimator needs
   * @throws InvalidParameterException always otherwise, saying how to score a set
   */
  @Override
  default EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    throw new InvalidParameterException(aloneMessage());
  }

  /**
   * @param count the number of candidates at hand
   * @throws InvalidParameterException if it is below {@link #minimumCandidates()}
   */
  default void requireCandidates(int count) {
    if (count < minimumCandidates()) {
      throw new InvalidParameterException(aloneMessage() + " (got " + count + ")");
    }
  }

  /** @return why one model cannot be scored alone, and what to do */
  private String aloneMessage() {
    return "estimator '" + name() + "' is set-dependent: it normalises each model's values over"
        + " the candidate models, so it needs at least " + minimumCandidates() + " candidates"
        + " scored together (a model zoo: logme rank --zoo DIR --estimator " + name() + ")";
  }
}
