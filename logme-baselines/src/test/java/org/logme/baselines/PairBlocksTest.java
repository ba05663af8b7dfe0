package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/**
 * The blocked visit of XXᵀ gives every product once (the upper visit every pair i &lt; j at
 * least once), in blocks no larger than asked, and PARC's ranking of the dissimilarities gives
 * the same value, to the last bit, in one pass or in many.
 */
class PairBlocksTest {

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  private static Matrix gaussian(int n, int d, long seed) {
    Random random = new Random(seed);
    Matrix x = Matrix.zeros(n, d);
    for (int i = 0; i < x.data().length; i++) {
      x.data()[i] = random.nextGaussian();
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("backends")
  void everyProductOnceInBoundedBlocks(LinearAlgebraBackend backend) {
    int n = 37;
    Matrix x = gaussian(n, 6, 5);
    for (boolean upper : new boolean[] {false, true}) {
      int[] seen = new int[n * n];
      int[] visits = new int[1];
      PairBlocks.forEach(x, backend, upper, 8, 5 * 8, (r0, r1, c0, c1, p) -> {
        assertThat(r1 - r0).isLessThanOrEqualTo(5);
        assertThat(c1 - c0).isLessThanOrEqualTo(8);
        visits[0]++;
        for (int i = r0; i < r1; i++) {
          for (int j = c0; j < c1; j++) {
            double expected = 0;
            for (int c = 0; c < 6; c++) {
              expected += x.get(i, c) * x.get(j, c);
            }
            assertThat(p[(i - r0) * (c1 - c0) + j - c0]).isCloseTo(expected, within(1e-12));
            seen[i * n + j]++;
          }
        }
      });
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (!upper || i < j) {
            assertThat(seen[i * n + j]).as("pair %d, %d", i, j).isEqualTo(1);
          }
        }
      }
      // 5 column blocks; below each, the row blocks of 5 up to its end (upper) or all 8
      assertThat(visits[0]).isEqualTo(upper ? 2 + 4 + 5 + 7 + 8 : 5 * 8);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void parcRanksTheSameInOnePassAsInMany(LinearAlgebraBackend backend) {
    int n = 300;
    Matrix x = gaussian(n, 4, 7);
    // rows of unit norm; a few duplicated rows give exact ties
    for (int i = 0; i < n; i++) {
      if (i % 29 == 3) {
        System.arraycopy(x.data(), 0, x.data(), i * 4, 4);
      }
      double norm = 0;
      for (int c = 0; c < 4; c++) {
        norm += x.get(i, c) * x.get(i, c);
      }
      for (int c = 0; c < 4; c++) {
        x.set(i, c, x.get(i, c) / Math.sqrt(norm));
      }
    }
    int[] y = new int[n];
    long same = 0;
    int[] counts = new int[3];
    for (int i = 0; i < n; i++) {
      y[i] = (i * 7) % 3;
      counts[y[i]]++;
    }
    for (int c : counts) {
      same += (long) c * (c - 1) / 2;
    }
    DissimilarityRanks ranks = new DissimilarityRanks(x, y, backend);
    double onePass = ranks.correlation(same, Long.MAX_VALUE);
    assertThat(ranks.passes()).isEqualTo(1);
    double many = ranks.correlation(same, 2000);
    assertThat(ranks.passes()).isGreaterThan(20);
    assertThat(many).isEqualTo(onePass);
    // and it is Spearman's rho of the dissimilarities with the different-class indicator
    double[] sameValues = new double[(int) same];
    double[] otherValues = new double[n * (n - 1) / 2 - (int) same];
    int s = 0;
    int o = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double corr = 0;
        for (int c = 0; c < 4; c++) {
          corr += x.get(i, c) * x.get(j, c);
        }
        double r = 1 - Math.max(-1, Math.min(1, corr));
        if (y[i] == y[j]) {
          sameValues[s++] = r;
        } else {
          otherValues[o++] = r;
        }
      }
    }
    assertThat(onePass).isCloseTo(
        org.logme.numerics.stats.Spearman.withBinary(sameValues, otherValues), within(1e-9));
  }
}
