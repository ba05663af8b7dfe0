package org.logme.core;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * LogME as a {@link TransferabilityEstimator}: features plus class labels (classification) or
 * targets (regression, multi-label). Higher is better. The result's details hold α, β,
 * iterations and evidence per class, the feature rank, the decomposition used and, where
 * labels were remapped, the original class ids.
 *
 * @since 0.1
 */
public final class LogMeEstimator implements TransferabilityEstimator {
  /** The name users select it by. */
  public static final String NAME = "logme";

  private final LogMeAlgorithm algorithm;

  /**
   * @param algorithm the evidence-maximisation procedure
   */
  public LogMeEstimator(LogMeAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** LogME needs only N, FᵀF and FᵀY when N ≥ D, so its features can be streamed. */
  @Override
  public boolean acceptsFeatureStatistics() {
    return true;
  }

  @Override
  public List<Set<InputKind>> acceptedInputs() {
    return List.of(Set.of(InputKind.FEATURES, InputKind.LABELS),
        Set.of(InputKind.FEATURES, InputKind.TARGETS));
  }

  @Override
  public EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
    missingInputs(input).ifPresent(message -> {
      throw new InvalidInputException(message);
    });
    Features features = input.features().orElse(null);
    LogMeEvidence model = new LogMe(algorithm, backend).evidence(features,
        features == null ? input.featureStatistics().orElseThrow() : null,
        input.labels().orElse(null), input.labels().isPresent() ? null
            : input.targets().orElseThrow());
    EstimateResult.Builder result = EstimateResult.builder(NAME, model.score())
        .targets(model.targetNames(), model.evidences())
        .iterations(model.iterations())
        .warnings(model.warnings())
        .detail("task", model.task().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .detail("algorithm", algorithm.id())
        .detail("rank", model.rank())
        .detail("decomposition", model.usedOuterGram()
            ? "eigendecomposition of F·Fᵀ (" + model.sampleCount() + "x" + model.sampleCount() + ")"
            : "eigendecomposition of Fᵀ·F (" + model.dimension() + "x" + model.dimension() + ")")
        .detail("alphas", model.alphas())
        .detail("betas", model.betas());
    if (model.referenceScore() != model.score()) {
      result.detail("reference_score", model.referenceScore())
          .detail("reference_note", "thuml/LogME reports this value for N < D: it omits"
              + " (D-N)/2*log(alpha) from each evidence (its issue #23); the score here is exact");
    }
    input.labels().filter(Labels::remapped).ifPresent(labels -> result
        .detail("class_ids", Arrays.stream(labels.classIds()).boxed().toList())
        .warning("class ids " + Arrays.toString(labels.classIds()) + " are not 0.."
            + (labels.classCount() - 1) + "; they were mapped to 0.." + (labels.classCount() - 1)
            + " in sorted order (no empty class is fitted)"));
    return result.build();
  }
}
