package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.linalg.Matrix;

/** The tiled symmetric copies equal their definitions at sizes around the tile's. */
class MatricesTest {
  private static final int[] SIZES = {0, 1, 2, 63, 64, 65, 129, 200};

  private static Matrix random(int n, long seed) {
    Random random = new Random(seed);
    Matrix m = Matrix.zeros(n, n);
    for (int i = 0; i < n * n; i++) {
      m.data()[i] = random.nextGaussian();
    }
    return m;
  }

  @Test
  void symmetrizedIsTheMeanOfTheMatrixAndItsTranspose() {
    for (int n : SIZES) {
      Matrix s = random(n, n);
      Matrix before = s.copy();
      Matrix sym = Matrices.symmetrized(s);
      assertThat(s.data()).isEqualTo(before.data());
      for (int i = 0; i < n; i++) {
        assertThat(sym.get(i, i)).isEqualTo(s.get(i, i));
        for (int j = 0; j < n; j++) {
          assertThat(sym.get(i, j)).isEqualTo(0.5 * (s.get(i, j) + s.get(j, i)));
          assertThat(sym.get(j, i)).isEqualTo(sym.get(i, j));
        }
      }
    }
  }

  @Test
  void mirrorUpperCopiesTheUpperTriangleOntoTheLowerInPlace() {
    for (int n : SIZES) {
      Matrix s = random(n, 100 + n);
      Matrix before = s.copy();
      assertThat(Matrices.mirrorUpper(s)).isSameAs(s);
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          assertThat(s.get(i, j)).isEqualTo(before.get(i, j));
          assertThat(s.get(j, i)).isEqualTo(before.get(i, j));
        }
      }
    }
  }
}
