package org.logme.eval.stats;

import java.util.Arrays;
import java.util.Optional;
import org.logme.api.InvalidParameterException;

/**
 * What a user gets by picking models by score: the metrics of "select the top-scored model"
 * rather than of the whole ranking.
 *
 * <p>When several models share the top score, the pick is taken to be uniformly random among
 * them, so the accuracy of the pick is their mean ground truth. Every metric is undefined, with
 * the reason, for fewer than two models; the ratios are undefined when the best ground truth is
 * not positive.
 *
 * @since 0.1
 */
public final class ModelSelection {
  private ModelSelection() {
  }

  /**
   * Top-1 relative accuracy: the ground truth of the top-scored model divided by the best
   * ground truth (1 means the estimator picked the best model).
   *
   * @param scores the estimator's score per model (higher is better)
   * @param truth the ground truth per model (higher is better), for example accuracy
   * @return the ratio, in (0, 1] for positive ground truth
   */
  public static Statistic top1RelativeAccuracy(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = whyUndefined(scores, truth, true);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of(pickedTruth(scores, truth) / max(truth));
  }

  /**
   * Regret: the best ground truth minus that of the top-scored model (0 means the estimator
   * picked the best model), in the unit of the ground truth (for example accuracy points).
   *
   * @param scores the estimator's score per model (higher is better)
   * @param truth the ground truth per model (higher is better)
   * @return the regret, ≥ 0
   */
  public static Statistic regret(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = whyUndefined(scores, truth, false);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of(max(truth) - pickedTruth(scores, truth));
  }

  /**
   * Best-in-top-k: the best ground truth among the k top-scored models divided by the best
   * ground truth overall (1 means the best model is among the top k). Models tied with the
   * k-th score are all included.
   *
   * @param scores the estimator's score per model (higher is better)
   * @param truth the ground truth per model (higher is better)
   * @param k how many top-scored models to consider, ≥ 1
   * @return the ratio, in (0, 1] for positive ground truth
   * @throws InvalidParameterException if k &lt; 1
   */
  public static Statistic bestInTopK(double[] scores, double[] truth, int k) {
    if (k < 1) {
      throw new InvalidParameterException("k must be at least 1, not " + k);
    }
    Samples.requireValid(scores, truth);
    Optional<String> undefined = whyUndefined(scores, truth, true);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double threshold = sorted[Math.max(0, sorted.length - k)];
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        best = Math.max(best, truth[i]);
      }
    }
    return Statistic.of(best / max(truth));
  }

  private static Optional<String> whyUndefined(double[] scores, double[] truth, boolean ratio) {
    if (scores.length < 2) {
      return Optional.of("fewer than 2 models (" + scores.length + ")");
    }
    if (ratio && max(truth) <= 0) {
      return Optional.of("the best ground-truth value is " + max(truth)
          + ", not positive, so a ratio to it is meaningless");
    }
    return Optional.empty();
  }

  /** The mean ground truth of the models sharing the top score. */
  private static double pickedTruth(double[] scores, double[] truth) {
    double top = max(scores);
    double sum = 0;
    int count = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == top) {
        sum += truth[i];
        count++;
      }
    }
    return sum / count;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
