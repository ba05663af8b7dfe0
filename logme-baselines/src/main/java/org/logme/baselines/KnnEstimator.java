package org.logme.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.StratifiedKFold;

/**
 * Cross-validated k-nearest-neighbour accuracy (or F1), in percent. With its defaults (k = 1,
 * leave-one-out, accuracy) it is dbolya/parc {@code methods.py::kNN(k=1, distance='l2')}
 * (commit ddfca43a), the kNN baseline of Bolya, Mittapalli &amp; Hoffman, "Scalable Diverse
 * Model Selection for Accessible Transfer Learning", NeurIPS 2021:
 * <pre>
 *   d²ᵢⱼ = max(0, ‖xᵢ‖² − 2xᵢ·xⱼ + ‖xⱼ‖²)     (scikit-learn's euclidean_distances)
 *   ŷᵢ  = the majority class among the k nearest candidates j of i (ties: the smallest class)
 *   kNN = 100 · (1/N)·#{i : ŷᵢ = yᵢ}
 * </pre>
 * <ul>
 *   <li>Candidates. Leave-one-out ({@code folds=loo}, default): every other sample, which is
 *       N-fold cross-validation of scikit-learn's {@code KNeighborsClassifier(n_neighbors=k)}
 *       ({@code cross_val_score(..., cv=LeaveOneOut())}) and transformer-ranker's
 *       {@code NearestNeighbors} (the distance to itself set to ∞; duplicates of a sample stay
 *       candidates). k-fold ({@code folds=F}): the samples outside i's test fold, the folds
 *       being scikit-learn's {@code StratifiedKFold(F, shuffle=True, random_state=seed)}
 *       ({@link StratifiedKFold}, draw for draw), and the score the mean over folds of the
 *       fold's value, as {@code cross_val_score(...).mean()}.</li>
 *   <li>Metric. {@code accuracy} (default). {@code f1}: flairNLP/transformer-ranker's
 *       {@code NearestNeighbors.fit} (commit 43b42c1b) score, torchmetrics'
 *       {@code f1_score(task=..., average='micro')}: with two classes the F1 of class 1 (the
 *       second class id), 2TP/(2TP + FP + FN), 0 when there is no positive at all; with more,
 *       micro-averaged F1, which equals accuracy for single-label predictions. Reported ×100
 *       (transformer-ranker reports the fraction). Its default is k = 3 with leave-one-out:
 *       {@code --param knn.k=3 --param knn.metric=f1}.</li>
 *   <li>Ties. The k nearest candidates are ordered by distance, then by index: the nearest of
 *       several at one distance is the lowest index. The reference (dbolya/parc) argsorts each
 *       row with numpy's unstable quicksort and takes positions 1..k, assuming position 0 is
 *       the sample itself, and transformer-ranker takes {@code topk}; with exact distance ties
 *       or duplicated samples their choice is arbitrary, otherwise all agree. A vote tie goes
 *       to the smallest class, as scikit-learn ({@code scipy.stats.mode}) and torch's
 *       {@code mode} on the CPU decide it.</li>
 *   <li>Inputs: features and labels (more than k candidates for every sample).
 *       Hyper-parameters: {@code k} (1), {@code folds} (loo), {@code seed} (0, for the folds),
 *       {@code metric} (accuracy).</li>
 *   <li>Direction: higher is better; in [0, 100]. Invariant to rotations, translations and
 *       uniform scaling of the features (up to distance ties) and to relabelling; with k-fold
 *       the folds, and so the value, depend on the order of the samples.</li>
 *   <li>Cost: O(N²·D) time for the inner products, taken in blocks
 *       ({@link PairBlocks}); memory O(N·D + N·k) beyond the features: the N×N distances are
 *       never held, so N is bounded by the features themselves (8·N·D bytes) and one 8 MB
 *       block of products.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KnnEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "knn";

  /** What is measured on the cross-validated predictions. */
  public enum Metric {
    /** The share of correct predictions. */
    ACCURACY,
    /** transformer-ranker's F1: of class 1 for two classes, micro (= accuracy) for more. */
    F1;

    /** @return the name users write */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The number of neighbours that vote. */
  public static final Parameter<Integer> K = Parameter.positiveInt("k", 1,
      "neighbours that vote (ties go to the smallest class)");
  /** Leave-one-out, or the number of stratified folds. */
  public static final Parameter<OptionalInt> FOLDS = Parameter.foldsOrLeaveOneOut("folds",
      OptionalInt.empty(), "loo: leave-one-out (default, the reference's); F: scikit-learn's"
      + " StratifiedKFold(F, shuffle=True, random_state=seed), the mean over folds");
  /** The seed of the stratified folds. */
  public static final Parameter<Long> SEED = Parameter.seed("seed", 0,
      "seed of the stratified folds (numpy's RandomState, as scikit-learn's random_state)");
  /** Accuracy or transformer-ranker's F1. */
  public static final Parameter<Metric> METRIC = Parameter.choice("metric", Metric.class,
      Metric.ACCURACY, Metric::id, "accuracy (default); f1: transformer-ranker's, the F1 of"
      + " class 1 for two classes and micro F1 (= accuracy) for more");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(K, FOLDS, SEED, METRIC);

  private final int k;
  private final OptionalInt folds;
  private final long seed;
  private final Metric metric;

  /** Creates the estimator with k = 1, leave-one-out, accuracy: the reference's. */
  public KnnEstimator() {
    this(EstimatorParameters.defaults(NAME, PARAMETERS));
  }

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public KnnEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.k = parameters.get(K);
    this.folds = parameters.get(FOLDS);
    this.seed = parameters.get(SEED);
    this.metric = parameters.get(METRIC);
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int n = f.rows();
    int[] y = labels.classIndices();
    List<String> warnings = new ArrayList<>();
    int[] fold = null;
    int splits = n;
    if (folds.isPresent()) {
      splits = folds.getAsInt();
      try {
        fold = StratifiedKFold.testFolds(y, splits, seed);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(prefix() + e.getMessage() + "; lower --param knn.folds"
            + " or use leave-one-out (--param knn.folds=loo)");
      }
      int smallest = StratifiedKFold.smallestClass(y);
      if (smallest < splits) {
        warnings.add("the smallest class has " + smallest + " sample" + (smallest == 1 ? "" : "s")
            + ", fewer than the " + splits + " folds: some test folds hold none of it");
      }
      int[] sizes = foldSizes(fold, splits);
      int largest = Arrays.stream(sizes).max().orElse(0);
      if (n - largest < k) {
        throw new InvalidInputException(prefix() + k + " neighbours need at least " + k
            + " samples outside every test fold, but fold sizes reach " + largest + " of " + n
            + "; lower --param knn.k or raise --param knn.folds");
      }
    } else if (n <= k) {
      throw new InvalidInputException(prefix() + k + " neighbours need more than " + k
          + " samples, got " + n + "; lower --param knn.k");
    }
    int[] predicted = predict(f, y, labels.classCount(), fold, backend);
    double value = 100 * (fold == null ? metric(y, predicted, labels.classCount(), null, 0)
        : meanOverFolds(y, predicted, labels.classCount(), fold, splits));
    int correct = 0;
    for (int i = 0; i < n; i++) {
      correct += predicted[i] == y[i] ? 1 : 0;
    }
    return EstimateResult.builder(NAME, value)
        .warnings(warnings)
        .detail("correct", correct)
        .detail("samples", n)
        .detail("cross_validation", fold == null ? "leave-one-out"
            : "stratified " + splits + "-fold, seed " + seed)
        .detail("metric", metric == Metric.F1 && labels.classCount() == 2
            ? "f1 of class " + labels.classIds()[1] : metric == Metric.F1 ? "micro f1 (accuracy)"
            : "accuracy");
  }

  /** The majority vote of each sample's k nearest candidates. */
  private int[] predict(Matrix f, int[] y, int classes, int[] fold, LinearAlgebraBackend backend) {
    int n = f.rows();
    int d = f.cols();
    double[] fd = f.data();
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += fd[i * d + j] * fd[i * d + j];
      }
      norms[i] = s;
    }
    double[] bestDistance = new double[n * k];
    int[] best = new int[n * k];
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    Arrays.fill(best, -1);
    PairBlocks.forEachUpper(f, backend, (r0, r1, c0, c1, g) -> {
      int w = c1 - c0;
      // each row of the block against the block's columns ...
      backend.forEachTask(r1 - r0, t -> nearest(r0 + t, g, t * w, 1, c0, c1, norms, fold,
          bestDistance, best));
      if (c0 != r0) {
        // ... and, off the diagonal, each column against the block's rows: the same products
        backend.forEachTask(w, t -> nearest(c0 + t, g, t, w, r0, r1, norms, fold, bestDistance,
            best));
      }
    });
    int[] predicted = new int[n];
    int[] votes = new int[classes];
    for (int i = 0; i < n; i++) {
      Arrays.fill(votes, 0);
      for (int r = 0; r < k; r++) {
        votes[y[best[i * k + r]]]++;
      }
      int vote = 0;
      for (int c = 1; c < classes; c++) {
        if (votes[c] > votes[vote]) {
          vote = c;
        }
      }
      predicted[i] = vote;
    }
    return predicted;
  }

  /**
   * Merges candidates j in [j0, j1) of sample i into its k nearest, kept ordered by distance,
   * then index, so that the result does not depend on the order the candidates come in. The
   * product xᵢ·xⱼ is g[offset + (j − j0)·stride].
   */
  private void nearest(int i, double[] g, int offset, int stride, int j0, int j1,
      double[] norms, int[] fold, double[] bestDistance, int[] best) {
    int base = i * k;
    int last = base + k - 1;
    for (int j = j0, at = offset; j < j1; j++, at += stride) {
      if (j == i || fold != null && fold[j] == fold[i]) {
        continue;
      }
      double distance = Math.max(0, (-2 * g[at] + norms[i]) + norms[j]);
      if (distance < bestDistance[last] || distance == bestDistance[last] && j < best[last]) {
        int p = k - 1;
        while (p > 0 && (bestDistance[base + p - 1] > distance
            || bestDistance[base + p - 1] == distance && best[base + p - 1] > j)) {
          bestDistance[base + p] = bestDistance[base + p - 1];
          best[base + p] = best[base + p - 1];
          p--;
        }
        bestDistance[base + p] = distance;
        best[base + p] = j;
      }
    }
  }

  private static int[] foldSizes(int[] fold, int splits) {
    int[] sizes = new int[splits];
    for (int f : fold) {
      sizes[f]++;
    }
    return sizes;
  }

  /** The metric on each test fold, averaged over the folds. */
  private double meanOverFolds(int[] y, int[] predicted, int classes, int[] fold, int splits) {
    double sum = 0;
    for (int s = 0; s < splits; s++) {
      sum += metric(y, predicted, classes, fold, s);
    }
    return sum / splits;
  }

  /** The metric on the samples of one fold, or on all when fold is null. */
  private double metric(int[] y, int[] predicted, int classes, int[] fold, int which) {
    int count = 0;
    int correct = 0;
    int truePositive = 0;
    int falsePositive = 0;
    int falseNegative = 0;
    for (int i = 0; i < y.length; i++) {
      if (fold != null && fold[i] != which) {
        continue;
      }
      count++;
      correct += predicted[i] == y[i] ? 1 : 0;
      truePositive += predicted[i] == 1 && y[i] == 1 ? 1 : 0;
      falsePositive += predicted[i] == 1 && y[i] != 1 ? 1 : 0;
      falseNegative += predicted[i] != 1 && y[i] == 1 ? 1 : 0;
    }
    if (metric == Metric.F1 && classes == 2) {
      int denominator = 2 * truePositive + falsePositive + falseNegative;
      return denominator == 0 ? 0 : 2.0 * truePositive / denominator;
    }
    return count == 0 ? 0 : (double) correct / count;
  }
}
