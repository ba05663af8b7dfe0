package org.logme.baselines;

import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
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
 * <ul>
 *   <li>Inputs: features and labels (at least two samples). Hyper-parameters: none.</li>
 *   <li>Direction: higher is better; in [0, 100]. Invariant to rotations, translations and
 *       uniform scaling of the features (up to distance ties) and to relabelling.</li>
 *   <li>Cost: the N×N inner products, O(N²·D) time; they are formed whole (8·N² bytes) up to
 *       N = 8192 and in row blocks beyond.</li>
 *   <li>Difference from the reference: the reference argsorts each row (numpy's unstable
 *       quicksort) and takes position 1, assuming position 0 is the sample itself; with exact
 *       distance ties or duplicated samples its choice is arbitrary. Here the neighbour is the
 *       nearest other sample, the lowest index among exact ties. The two agree whenever the
 *       nearest neighbour is unique, as in every reference fixture.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class KnnEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "knn";

  /** Creates the estimator (it has no hyper-parameters). */
  public KnnEstimator() {
    super(NAME, FEATURES_AND_LABELS);
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int n = f.rows();
    int d = f.cols();
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
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          if (j == i) {
            continue;
          }
          double distance = Math.max(0, (-2 * g[row + j] + norms[i]) + norms[j]);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = j;
          }
        }
        if (best >= 0 && labels.classIndex(best) == labels.classIndex(i)) {
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
