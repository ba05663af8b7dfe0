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
 *   <li>Cost: the N×N inner products in row blocks, O(N²·D) time, O(N·D + 256·N) memory.</li>
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
  private static final int BLOCK = 256;

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
    Matrix ft = f.transpose();
    int correct = 0;
    for (int start = 0; start < n; start += BLOCK) {
      int end = Math.min(n, start + BLOCK);
      Matrix block = Matrix.wrap(end - start, d,
          java.util.Arrays.copyOfRange(fd, start * d, end * d));
      double[] g = backend.multiply(block, ft).data();
      for (int i = start; i < end; i++) {
        int row = (i - start) * n;
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
          correct++;
        }
      }
    }
    double accuracy = (double) correct / n * 100;
    return EstimateResult.builder(NAME, accuracy)
        .detail("correct", correct)
        .detail("samples", n);
  }
}
