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

/** Both ways of visiting XXᵀ (whole, and in row blocks as for large N) give its every row. */
class RowProductsTest {

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void wholeAndBlockedVisitsAgree(LinearAlgebraBackend backend) {
    Random random = new Random(5);
    int n = 37;
    Matrix x = Matrix.zeros(n, 6);
    for (int i = 0; i < x.data().length; i++) {
      x.data()[i] = random.nextGaussian();
    }
    double[] whole = new double[n * n];
    RowProducts.forEach(x, backend, (first, end, p) -> {
      assertThat(first).isZero();
      assertThat(end).isEqualTo(n);
      System.arraycopy(p, 0, whole, 0, n * n);
    });
    double[] blocked = new double[n * n];
    int[] visits = new int[1];
    RowProducts.forEach(x, backend, 100, 5 * n, (first, end, p) -> {
      assertThat(end - first).isLessThanOrEqualTo(5);
      System.arraycopy(p, 0, blocked, first * n, (end - first) * n);
      visits[0]++;
    });
    assertThat(visits[0]).isEqualTo(8); // ceil(37 / 5)
    for (int i = 0; i < n * n; i++) {
      assertThat(blocked[i]).isCloseTo(whole[i], within(1e-12));
    }
  }
}
