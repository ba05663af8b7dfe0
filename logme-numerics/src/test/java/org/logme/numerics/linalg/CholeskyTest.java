package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.NumericalException;
import org.logme.api.linalg.Matrix;

/**
 * The blocked factor agrees with the textbook column recurrence (the same sums in another
 * order) and LLᵀ reproduces S, for every size around the blocks of four and beyond several
 * blocks; an indefinite matrix is refused.
 */
class CholeskyTest {
  @Test
  void agreesWithTheTextbookRecurrenceAndReproducesTheMatrix() {
    Random random = new Random(5);
    for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 37, 64, 101}) {
      int m = 2 * n + 3;
      double[] b = new double[m * n];
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextGaussian();
      }
      double[] s = new double[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int r = 0; r < m; r++) {
            s[i * n + j] += b[r * n + i] * b[r * n + j];
          }
        }
      }
      Matrix l = Cholesky.factor(Matrix.wrap(n, n, s.clone()));
      double[] expected = textbook(s, n);
      double scale = 0;
      for (double v : expected) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int k = 0; k < expected.length; k++) {
        assertThat(l.data()[k]).as("n=%d, entry %d", n, k)
            .isCloseTo(expected[k], within(1e-13 * scale));
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double v = 0;
          for (int k = 0; k < n; k++) {
            v += l.get(i, k) * l.get(j, k);
          }
          assertThat(v).isCloseTo(s[i * n + j], within(1e-12 * (1 + Math.abs(s[i * n + j]))));
          if (j > i) {
            assertThat(l.get(i, j)).isZero();
          }
        }
      }
    }
  }

  @Test
  void namesTheFirstPivotThatFails() {
    // positive definite in its leading 5x5 block, singular at order 6
    int n = 9;
    double[] s = new double[n * n];
    for (int i = 0; i < n; i++) {
      s[i * n + i] = i == 5 ? 0 : 1;
    }
    assertThatThrownBy(() -> Cholesky.factor(Matrix.wrap(n, n, s)))
        .isInstanceOf(NumericalException.class).hasMessageContaining("pivot 5 is 0.0");
  }

  @Test
  void refusesAnIndefiniteMatrix() {
    Matrix s = Matrix.wrap(2, 2, new double[] {1, 2, 2, 1});
    assertThatThrownBy(() -> Cholesky.factor(s)).isInstanceOf(NumericalException.class)
        .hasMessageContaining("not positive definite");
  }

  private static double[] textbook(double[] a, int n) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double d = a[j * n + j];
      for (int k = 0; k < j; k++) {
        d -= l[j * n + k] * l[j * n + k];
      }
      double ljj = Math.sqrt(d);
      l[j * n + j] = ljj;
      for (int i = j + 1; i < n; i++) {
        double x = a[i * n + j];
        for (int k = 0; k < j; k++) {
          x -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = x / ljj;
      }
    }
    return l;
  }
}
