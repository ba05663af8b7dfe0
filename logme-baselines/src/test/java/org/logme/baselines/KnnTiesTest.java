package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/**
 * kNN on small-integer features, where nearly every distance is tied and every product is
 * exact, over more than two blocks of {@link PairBlocks} (so that a sample meets its candidates
 * from row blocks, its diagonal block and column blocks): the score is exactly that of the
 * brute-force definition, the k nearest ordered by distance, then index, and the vote's tie to
 * the smallest class, on the tiled and the general products alike.
 */
class KnnTiesTest {
  static Stream<LinearAlgebraBackend> backends() {
    // the pure-Java backends' tiled products and the native backend's general product
    return Backends.all().stream();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void tiedDistancesGoToTheLowerIndexAsBruteForce(LinearAlgebraBackend backend) {
    int n = 2 * PairBlocks.BLOCK + 300;
    int d = 3;
    int classes = 4;
    Random random = new Random(3);
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(classes);
      for (int c = 0; c < d; c++) {
        x[i * d + c] = random.nextInt(3) + (c == 0 ? (int) y[i] % 2 : 0);
      }
    }
    EstimationInput input = EstimationInput.builder()
        .features(new Features(Matrix.wrap(n, d, x), "ties/features"))
        .labels(Labels.of(y, "ties/labels")).build();
    int[] ks = {1, 3, 4};
    int[] correct = correct(x, d, y, ks, classes);
    for (int m = 0; m < ks.length; m++) {
      double actual = Estimators.create("knn", Map.of("k", Integer.toString(ks[m])))
          .estimate(input, backend).score();
      assertThat(actual).as("k=%d", ks[m]).isEqualTo(100.0 * correct[m] / n);
    }
  }

  /** Leave-one-out kNN by definition, for each k: every distance, sorted by (distance, index). */
  private static int[] correct(double[] x, int d, double[] y, int[] ks, int classes) {
    int n = y.length;
    int[] correct = new int[ks.length];
    for (int i = 0; i < n; i++) {
      double[] distance = new double[n];
      Integer[] order = new Integer[n - 1];
      for (int j = 0, o = 0; j < n; j++) {
        for (int c = 0; c < d; c++) {
          double t = x[i * d + c] - x[j * d + c];
          distance[j] += t * t;
        }
        if (j != i) {
          order[o++] = j;
        }
      }
      java.util.Arrays.sort(order, (a, b) -> distance[a] != distance[b]
          ? Double.compare(distance[a], distance[b]) : Integer.compare(a, b));
      for (int m = 0; m < ks.length; m++) {
        int[] votes = new int[classes];
        for (int r = 0; r < ks[m]; r++) {
          votes[(int) y[order[r]]]++;
        }
        int predicted = 0;
        for (int c = 1; c < classes; c++) {
          if (votes[c] > votes[predicted]) {
            predicted = c;
          }
        }
        correct[m] += predicted == (int) y[i] ? 1 : 0;
      }
    }
    return correct;
  }
}
