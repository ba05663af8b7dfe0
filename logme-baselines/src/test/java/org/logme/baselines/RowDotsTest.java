package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;

/**
 * The register-tiled row products are, to the last bit, the one-at-a-time sums along the row
 * (fused or not, as the tiles), whatever the block's offsets, sizes and threads; and xᵢ·xⱼ is
 * the same number as xⱼ·xᵢ, so a pair's product does not depend on which of its rows a block
 * puts first.
 */
class RowDotsTest {
  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void tilesAndEdgesGiveTheSequentialSums(LinearAlgebraBackend backend) {
    int n = 203;
    Random random = new Random(11);
    for (int d : new int[] {1, 3, 8, 37}) {
      double[] x = new double[n * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextGaussian();
      }
      boolean fused = RowDots.fused();
      // whole range, odd offsets (edges on both sides), more than one square of 64 rows
      int[][] ranges = {{0, n, 0, n}, {5, 72, 130, 203}, {3, 4, 0, 199}, {66, 201, 1, 2}};
      for (int[] r : ranges) {
        int w = r[3] - r[2];
        double[] out = new double[(r[1] - r[0]) * w];
        RowDots.products(x, d, r[0], r[1], r[2], r[3], out, backend);
        for (int i = r[0]; i < r[1]; i++) {
          for (int j = r[2]; j < r[3]; j++) {
            assertThat(out[(i - r[0]) * w + j - r[2]]).as("d=%d, x%d.x%d", d, i, j)
                .isEqualTo(sequential(x, d, i, j, fused))
                .isEqualTo(sequential(x, d, j, i, fused));
          }
        }
      }
    }
  }

  private static double sequential(double[] x, int d, int i, int j, boolean fused) {
    double c = 0;
    for (int s = 0; s < d; s++) {
      c = fused ? Math.fma(x[i * d + s], x[j * d + s], c) : c + x[i * d + s] * x[j * d + s];
    }
    return c;
  }
}
