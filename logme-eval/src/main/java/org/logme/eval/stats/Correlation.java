package org.logme.eval.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.IntStream;
import org.logme.numerics.stats.Ranks;

/**
 * Correlation coefficients between estimator scores and a ground truth (usually fine-tuned
 * accuracy), one value per model. Every coefficient here is symmetric in its two arguments.
 *
 * <p>Each returns a {@link Statistic}: undefined, with the reason, when there are fewer than
 * two models or either side is constant. Non-finite input is refused with an
 * {@link org.logme.api.InvalidInputException}.
 *
 * @since 0.1
 */
public final class Correlation {
  private Correlation() {
  }

  /**
   * Weighted Kendall τ with hyperbolic additive weights, exactly as
   * {@code scipy.stats.weightedtau(x, y)} with its defaults (Vigna, "A weighted correlation
   * index for rankings with ties", WWW 2015).
   *
   * <p>The elements are ranked by decreasing lexicographic order of (x, y), rank r = 0 being
   * the most important, and element i weighs wᵢ = 1/(rᵢ + 1). A pair weighs wᵢ + wⱼ. Then
   * <pre>
   *   τ(x, y) = Σ w·sgn(Δx)·sgn(Δy) / ( √(Σ_{Δx≠0} w) · √(Σ_{Δy≠0} w) ),
   * </pre>
   * sums over pairs, clipped to [−1, 1]. Pairs tied in x or y contribute nothing to the
   * numerator; joint ties receive consecutive ranks (the assignment among them does not change
   * the sums). The result is the mean of τ(x, y), ranked by (x, y), and τ(y, x), ranked by
   * (y, x), and so symmetric. Computed in O(n log n).
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @return τ_w, or undefined for fewer than two models or a constant side
   */
  public static Statistic weightedTau(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = Samples.whyUndefined(scores, truth);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of((hyperbolicTau(scores, truth) + hyperbolicTau(truth, scores)) / 2);
  }

  /** τ(x, y) with weights from the decreasing lexicographic rank by (x, y). */
  private static double hyperbolicTau(double[] x, double[] y) {
    int n = x.length;
    Integer[] decreasing = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(decreasing, Comparator.<Integer>comparingDouble(i -> x[i])
        .thenComparingDouble(i -> y[i]).reversed());
    double[] w = new double[n];
    for (int r = 0; r < n; r++) {
      w[decreasing[r]] = 1.0 / (r + 1);
    }
    return PairWeights.of(x, y, w).tau();
  }

  /**
   * Kendall's τ-b, as {@code scipy.stats.kendalltau(x, y)} (variant 'b'):
   * (C − D) / √((P − Tx)(P − Ty)), with C and D the concordant and discordant pairs, P all
   * pairs, Tx and Ty the pairs tied in x and in y. O(n log n).
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @return τ-b, or undefined for fewer than two models or a constant side
   */
  public static Statistic kendallTauB(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = Samples.whyUndefined(scores, truth);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    double[] half = new double[scores.length];
    Arrays.fill(half, 0.5); // a pair weighs 1/2 + 1/2: plain counts, exact in double
    return Statistic.of(PairWeights.of(scores, truth, half).tau());
  }

  /**
   * Spearman's ρ, as {@code scipy.stats.spearmanr(x, y)}: Pearson's r of the average ranks.
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @return ρ, or undefined for fewer than two models or a constant side
   */
  public static Statistic spearman(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = Samples.whyUndefined(scores, truth);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of(weightedR(Ranks.ascending(scores), Ranks.ascending(truth), null));
  }

  /**
   * Pearson's r, as {@code scipy.stats.pearsonr(x, y)}:
   * Σ(x − x̄)(y − ȳ) / (‖x − x̄‖·‖y − ȳ‖).
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @return r, or undefined for fewer than two models or a constant side
   */
  public static Statistic pearson(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    Optional<String> undefined = Samples.whyUndefined(scores, truth);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    return Statistic.of(weightedR(scores, truth, null));
  }

  /**
   * Weighted Pearson correlation with given non-negative weights:
   * r_w = Σwᵢ(xᵢ − x̄_w)(yᵢ − ȳ_w) / √(Σwᵢ(xᵢ − x̄_w)² · Σwᵢ(yᵢ − ȳ_w)²), x̄_w the weighted
   * mean.
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @param weights the weight of each model, non-negative, not all zero
   * @return r_w, or undefined for fewer than two models or a side constant over the models of
   *     positive weight
   */
  public static Statistic weightedPearson(double[] scores, double[] truth, double[] weights) {
    Samples.requireValid(scores, truth);
    if (weights.length != scores.length) {
      throw new IllegalArgumentException(weights.length + " weights for " + scores.length
          + " models");
    }
    double weightSum = 0;
    for (double w : weights) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
      }
      weightSum += w;
    }
    if (weightSum == 0) {
      throw new IllegalArgumentException("every weight is zero");
    }
    Optional<String> undefined = Samples.whyUndefined(scores, truth);
    if (undefined.isPresent()) {
      return Statistic.undefined(undefined.get());
    }
    double r = weightedR(scores, truth, weights);
    return Double.isNaN(r)
        ? Statistic.undefined("a side is constant over the models with positive weight")
        : Statistic.of(r);
  }

  /**
   * Weighted Pearson correlation with hyperbolic weights on the ground-truth rank, the
   * analogue of {@link #weightedTau}: the model ranked r-th by decreasing ground truth (r = 0
   * the best, ties sharing their average rank) weighs 1/(r + 1), so disagreement among the
   * best models counts most.
   *
   * @param scores the estimator's score per model
   * @param truth the ground truth per model
   * @return r_w, or undefined for fewer than two models or a constant side
   */
  public static Statistic weightedPearson(double[] scores, double[] truth) {
    Samples.requireValid(scores, truth);
    double[] rank = Ranks.descendingFromZero(truth);
    double[] weights = new double[rank.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1.0 / (rank[i] + 1);
    }
    return weightedPearson(scores, truth, weights);
  }

  /** Pearson's r with weights (null: all 1), clipped to [−1, 1]; NaN if a side is constant. */
  private static double weightedR(double[] x, double[] y, double[] w) {
    double weightSum = 0;
    double sumX = 0;
    double sumY = 0;
    for (int i = 0; i < x.length; i++) {
      double wi = w == null ? 1 : w[i];
      weightSum += wi;
      sumX += wi * x[i];
      sumY += wi * y[i];
    }
    double meanX = sumX / weightSum;
    double meanY = sumY / weightSum;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      double wi = w == null ? 1 : w[i];
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxy += wi * dx * dy;
      sxx += wi * dx * dx;
      syy += wi * dy * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    double r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
    return Math.min(1.0, Math.max(-1.0, r));
  }
}
