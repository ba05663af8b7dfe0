package org.logme.eval.stats;

import java.util.Arrays;
import java.util.Optional;
import org.logme.api.InvalidParameterException;

/**
 * What a user gets by picking models by score: the metrics of "select the top-scored model"
 * rather than of the whole ranking.
 *
 * <p>When several models share the top score, the pick is by default taken to be uniformly
 * random among them, so the accuracy of the pick is their mean ground truth ({@link Ties}).
 * Every metric is undefined, with the reason, for fewer than two models; the ratios are
 * undefined when the best ground truth is not positive (for a lower-is-better truth such as an
 * error: when the best error is not positive).
 *
 * <p>The ground truth passed in is oriented so that higher is better (a lower-is-better truth
 * such as MSE is passed negated); the ratio is then picked/best for a higher-is-better truth and
 * best/picked in the original unit for a lower-is-better one (both in (0, 1]).
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
    return top1RelativeAccuracy(scores, truth, true, Ties.AVERAGE);
  }

  /**
   * Top-1 relative accuracy with a direction of the ground truth and a rule for ties.
   *
   * @param scores the estimator's score per model (higher is better)
   * @param truth the ground truth per model, oriented so that higher is better
   * @param truthHigherIsBetter false if the original truth is lower-is-better (it was negated)
   * @param ties which model a tie at the top picks
   * @return picked/best (higher-is-better truth) or best/picked in the original unit
   */
  public static Statistic top1RelativeAccuracy(double[] scores, double[] truth,
      boolean truthHigherIsBetter, Ties ties) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = whyUndefined(scores, truth, truthHigherIsBetter ? 1 : -1);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    double picked = pickedTruth(scores, truth, ties);
    // lower-is-better: best/picked in the original (positive) unit = max/picked when negated
    return Statistic.of(truthHigherIsBetter ? picked / max(truth) : max(truth) / picked);
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
    return regret(scores, truth, Ties.AVERAGE);
  }

  /**
   * Regret with a rule for ties; the same formula serves a negated lower-is-better truth (the
   * regret is then the picked model's error minus the best error).
   *
   * @param scores the estimator's score per model (higher is better)
   * @param truth the ground truth per model, oriented so that higher is better
   * @param ties which model a tie at the top picks
   * @return the regret, ≥ 0
   */
  public static Statistic regret(double[] scores, double[] truth, Ties ties) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = whyUndefined(scores, truth, 0);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of(max(truth) - pickedTruth(scores, truth, ties));
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
    Optional<String> undefined = whyUndefined(scores, truth, 1);
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

  /**
   * @param ratio 1 for a ratio to a higher-is-better truth, −1 for a ratio of a negated
   *     lower-is-better truth, 0 for a difference
   */
  private static Optional<String> whyUndefined(double[] scores, double[] truth, int ratio) {
    if (scores.length < 2) {
      return Optional.of("fewer than 2 models (" + scores.length + ")");
    }
    if (ratio > 0 && max(truth) <= 0) {
      return Optional.of("the best ground-truth value is " + max(truth)
          + ", not positive, so a ratio to it is meaningless");
    }
    if (ratio < 0 && max(truth) >= 0) {
      return Optional.of("the best (lowest) ground-truth value is " + (-max(truth))
          + ", not positive, so a ratio to it is meaningless");
    }
    return Optional.empty();
  }

  /** The ground truth of the top-scored model: the mean over ties, or the first tied one. */
  private static double pickedTruth(double[] scores, double[] truth, Ties ties) {
    double top = max(scores);
    double sum = 0;
    int count = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == top) {
        if (ties == Ties.FIRST) {
          return truth[i];
        }
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
