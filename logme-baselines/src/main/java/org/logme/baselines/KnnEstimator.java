package org.logme.baselines;

import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Leave-one-out 1-nearest-neighbour accuracy, in percent, as dbolya/parc
 * {@code methods.py::kNN(k=1, distance='l2')} (commit ddfca43a) computes it (the kNN baseline of
 * Bolya, Mittapalli &amp; Hoffman, "Scalable Diverse Model Selection for Accessible Transfer
 * Learning", NeurIPS 2021):
 * <pre>
 *   d²ᵢⱼ = max(0, ‖xᵢ‖² − 2xᵢ·xⱼ + ‖xⱼ‖²)     (scikit-learn's pairwise_distances)
 *   nᵢ = argmin_{j ≠ i} d²ᵢⱼ
 *   kNN = 100 · (1/N)·#{i : y_{nᵢ} = yᵢ}
 * </pre>
 *
 * With {@code k} &gt; 1 (the leave-one-out kNN of transformer-ranker and of recent kNN
 * studies) the prediction for sample i is the majority class among its k nearest other
 * samples, a tie going to the smallest class index (as scikit-learn's
 * {@code KNeighborsClassifier}); leave-one-out is N-fold cross-validation of that classifier.
 *
 * <ul>
 *   <li>Inputs: features and labels (more than k samples). Hyper-parameter: {@code k} (1,
 *       the reference's).</li>
 *   <li>Direction: higher is better; in [0, 100]. Invariant to rotations, translations and
 *       uniform scaling of the features (up to distance ties) and to relabelling.</li>
 *   <li>Cost: the N×N inner products, O(N²·D) time; they are formed whole (8·N² bytes) up to
 *       N = 8192 and in row blocks beyond.</li>
 *   <li>Difference from the reference: the reference argsorts each row (numpy's unstable
 *       quicksort) and takes position 1, assuming position 0 is the sample itself; with exact
 *       distance ties or duplicated samples its choice is arbitrary. Here the neighbour is the
 *       nearest other sample, the lowest index among exact ties. The two agree whenever the
 *       nearest neighbour is unique, as in every reference fixture. Neighbours beyond the
 *       first are likewise ordered by distance, then index. transformer-ranker reports the
 *       F1 of class 1 instead of accuracy for binary tasks; this reports accuracy
 *       throughout.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KnnEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "knn";

  /** The number of neighbours that vote. */
  public static final Parameter<Integer> K = Parameter.positiveInt("k", 1,
      "neighbours that vote (leave-one-out; ties go to the smallest class)");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(K);

  private final int k;

  /** Creates the estimator with k = 1, the reference's. */
  public KnnEstimator() {
    this(EstimatorParameters.defaults(NAME, PARAMETERS));
  }

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public KnnEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.k = parameters.get(K);
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int n = f.rows();
    int d = f.cols();
    if (n <= k) {
      throw new InvalidInputException(prefix() + k + " neighbours need more than " + k
          + " samples, got " + n + "; lower --param knn.k");
    }
    int classes = labels.classCount();
    double[] norms = new double[n];
    double[] fd = f.data();
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += fd[i * d + j] * fd[i * d + j];
      }
      norms[i] = s;
    }
    int[] correct = new int[1];
    RowProducts.forEach(f, backend, (first, end, g) -> {
      for (int i = first; i < end; i++) {
        int row = (i - first) * n;
        double[] bestDistance = new double[k];
        int[] best = new int[k];
        java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(best, -1);
        for (int j = 0; j < n; j++) {
          if (j == i) {
            continue;
          }
          double distance = Math.max(0, (-2 * g[row + j] + norms[i]) + norms[j]);
          if (distance < bestDistance[k - 1]) {
            // insert, keeping (distance, index) order: j grows, so ties keep the lower index
            int p = k - 1;
            while (p > 0 && bestDistance[p - 1] > distance) {
              bestDistance[p] = bestDistance[p - 1];
              best[p] = best[p - 1];
              p--;
            }
            bestDistance[p] = distance;
            best[p] = j;
          }
        }
        int predicted;
        if (k == 1) {
          predicted = labels.classIndex(best[0]);
        } else {
          int[] votes = new int[classes];
          for (int neighbour : best) {
            votes[labels.classIndex(neighbour)]++;
          }
          predicted = 0;
          for (int c = 1; c < classes; c++) {
            if (votes[c] > votes[predicted]) {
              predicted = c;
            }
          }
        }
        if (predicted == labels.classIndex(i)) {
          correct[0]++;
        }
      }
    });
    double accuracy = (double) correct[0] / n * 100;
    return EstimateResult.builder(NAME, accuracy)
        .detail("correct", correct[0])
        .detail("samples", n);
  }
}
