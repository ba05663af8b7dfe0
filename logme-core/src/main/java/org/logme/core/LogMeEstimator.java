package org.logme.core;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

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

  /**
   * The evidence-maximisation procedure. The default is the reference's fixed point, so that
   * scores agree with thuml/LogME and with the published tables computed with it; {@code exact}
   * gives the true maximum, which does not depend on the scale of the features.
   */
  public static final Parameter<LogMeAlgorithm> ALGORITHM = Parameter.choice("algorithm",
      LogMeAlgorithm.class, LogMeAlgorithm.FIXED_POINT, LogMeAlgorithm::id,
      "fixed-point (default): the reference's JMLR fixed point, capped at 11 iterations, with"
      + " epsilon in its updates; it matches thuml/LogME and published tables, but depends on the"
      + " scale of the features. exact: the maximum evidence itself, to convergence, invariant"
      + " to scale. mackay: the ICML 2021 procedure");
  /** ε in the α and β updates of the reference procedures (thuml/LogME: 1e-5). */
  public static final Parameter<Double> EPSILON = Parameter.nonNegative("epsilon",
      LogMeAlgorithm.EPSILON, "epsilon added to the denominators of the alpha and beta updates"
      + " of fixed-point and mackay (the reference's 1e-5; 0 removes its bias towards small"
      + " features); exact uses none");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(ALGORITHM, EPSILON);
  /** How far the other procedure's score may be before a result reports it beside the score. */
  static final double COMPANION_DIFFERENCE = 1e-6;

  private final EstimatorParameters parameters;
  private final LogMeAlgorithm algorithm;
  private final double epsilon;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public LogMeEstimator(EstimatorParameters parameters) {
    this.parameters = parameters;
    this.algorithm = parameters.get(ALGORITHM);
    this.epsilon = parameters.get(EPSILON);
  }

  /** @return LogME with the default parameters */
  public static LogMeEstimator withDefaults() {
    return new LogMeEstimator(EstimatorParameters.defaults(NAME, PARAMETERS));
  }

  @Override
  public EstimatorParameters parameters() {
    return parameters;
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
    requireInputs(input);
    LogMeEvidence model = evidence(new LogMe(algorithm, epsilon, backend), input);
    EstimateResult.Builder result = EstimateResult.builder(NAME, model.score())
        .parameters(parameters)
        .targets(model.targetNames(), model.evidences())
        .iterations(model.iterations())
        .warnings(model.warnings())
        .detail("task", model.task().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .detail("algorithm", algorithm.id())
        .detail("epsilon", algorithm == LogMeAlgorithm.EXACT ? 0.0 : epsilon)
        .detail("rank", model.rank())
        .detail("decomposition", model.usedOuterGram()
            ? "eigendecomposition of F·Fᵀ (" + model.sampleCount() + "x" + model.sampleCount() + ")"
            : "eigendecomposition of Fᵀ·F (" + model.dimension() + "x" + model.dimension() + ")")
        .detail("alphas", model.alphas())
        .detail("betas", model.betas());
    if (model.referenceScore() != model.score()) {
      result.detail("reference_score", model.referenceScore())
          .detail("reference_note", "thuml/LogME reports this value for N < D: it omits"
              + " (D-N)/2*log(alpha) from each evidence (its issue #23); the score here includes"
              + " it");
    }
    double companion = model.companionScore();
    if (Double.isFinite(companion) && Math.abs(companion - model.score())
        > COMPANION_DIFFERENCE * Math.max(1, Math.abs(model.score()))) {
      if (algorithm == LogMeAlgorithm.EXACT) {
        result.detail("fixed_point_score", companion).detail("fixed_point_note", "the score of"
            + " the reference's fixed point (the default algorithm, epsilon 1e-5) on the same"
            + " data");
      } else {
        result.detail("exact_maximum", companion).detail("exact_maximum_note", "the maximum"
            + " evidence itself (algorithm exact): the score without the reference's epsilon and"
            + " iteration cap, invariant to the scale of the features");
      }
    }
    input.targets().filter(t -> t.kind() == Targets.Kind.REGRESSION)
        .flatMap(LogMeEstimator::unequalScales).ifPresent(result::warning);
    input.labels().filter(Labels::remapped).ifPresent(labels -> result
        .detail("class_ids", Arrays.stream(labels.classIds()).boxed().toList())
        .warning("class ids " + Arrays.toString(labels.classIds()) + " are not 0.."
            + (labels.classCount() - 1) + "; they were mapped to 0.." + (labels.classCount() - 1)
            + " in sorted order (no empty class is fitted)"));
    return result.build();
  }

  /** Columns whose scales differ by more than this are flagged: their evidences do not mix. */
  static final double SCALE_RATIO_WARNING = 10;

  /**
   * The evidence of a column scaled by s moves by −log s per sample, so the mean over columns of
   * very different scales weighs them unequally.
   *
   * @return a warning if the standard deviations of the target columns differ by more than
   *     {@value #SCALE_RATIO_WARNING} times
   */
  private static Optional<String> unequalScales(Targets targets) {
    Matrix y = targets.matrix();
    int n = y.rows();
    int k = y.cols();
    if (k < 2 || n < 2) {
      return Optional.empty();
    }
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    int low = 0;
    int high = 0;
    for (int c = 0; c < k; c++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += y.get(i, c) / n;
      }
      double variance = 0;
      for (int i = 0; i < n; i++) {
        double d = y.get(i, c) - mean;
        variance += d * d / (n - 1);
      }
      double sd = Math.sqrt(variance);
      if (sd < smallest) {
        smallest = sd;
        low = c;
      }
      if (sd > largest) {
        largest = sd;
        high = c;
      }
    }
    if (smallest > 0 && largest / smallest <= SCALE_RATIO_WARNING) {
      return Optional.empty();
    }
    return Optional.of(String.format(java.util.Locale.ROOT, "the target columns have different"
        + " scales (standard deviation %.3g in column %d, %.3g in column %d): a column's evidence"
        + " moves by -log(scale) per sample, so their mean weighs them unequally; standardise"
        + " the targets, (y - y.mean(0)) / y.std(0), if they should count equally", smallest, low,
        largest, high));
  }

  /** The evidence from whichever form of features and targets the input holds. */
  private static LogMeEvidence evidence(LogMe logMe, EstimationInput input) {
    Optional<Features> features = input.features();
    Optional<Labels> labels = input.labels();
    if (features.isPresent()) {
      return labels.isPresent() ? logMe.evidence(features.get(), labels.get())
          : logMe.evidence(features.get(), input.targets().orElseThrow());
    }
    FeatureStatistics statistics = input.featureStatistics().orElseThrow();
    return labels.isPresent() ? logMe.evidence(statistics, labels.get())
        : logMe.evidence(statistics, input.targets().orElseThrow());
  }
}
