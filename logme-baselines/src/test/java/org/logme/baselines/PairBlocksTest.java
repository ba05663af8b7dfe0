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
 * The blocked visit of XXᵀ gives every pair i &lt; j once (twice, in both orders, inside a
 * diagonal block), in square blocks no larger than asked, on the tiled and the general
 * products alike, and PARC's ranking of the dissimilarities gives the same value, to the last
 * bit, in one pass or in many.
 */
class PairBlocksTest {

  static Stream<LinearAlgebraBackend> backends() {
    // the pure-Java backends' tiled products and the native backend's general product
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
  void everyPairOnceInBoundedBlocks(LinearAlgebraBackend backend) {
    int n = 37;
    int d = 6;
    Matrix x = gaussian(n, d, 5);
    int[] seen = new int[n * n];
    int[] visits = new int[1];
    PairBlocks.forEachUpper(x, backend, 8, (r0, r1, c0, c1, p) -> {
      assertThat(r1 - r0).isLessThanOrEqualTo(8);
      assertThat(c1 - c0).isLessThanOrEqualTo(8);
      assertThat(c0).isGreaterThanOrEqualTo(r0);
      visits[0]++;
      for (int i = r0; i < r1; i++) {
        for (int j = c0; j < c1; j++) {
          double expected = 0;
          for (int c = 0; c < d; c++) {
            expected += x.get(i, c) * x.get(j, c);
          }
          assertThat(p[(i - r0) * (c1 - c0) + j - c0]).isCloseTo(expected, within(1e-12));
          seen[i * n + j]++;
        }
      }
    });
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        // once, or in both orders inside a diagonal block
        assertThat(seen[i * n + j] + seen[j * n + i]).as("pair %d, %d", i, j)
            .isEqualTo(i / 8 == j / 8 ? 2 : 1);
      }
    }
    assertThat(visits[0]).isEqualTo(5 * 6 / 2); // 5 blocks of 8: the upper triangle of blocks
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
