package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.TestMatrices;

class JacobiEigenTest {

  private static void assertDecomposes(Matrix s) {
    SymmetricEigen eig = JacobiEigen.decompose(s, List.of("w"));
    assertThat(eig.warnings()).containsExactly("w");
    for (int i = 1; i < eig.size(); i++) {
      assertThat(eig.values()[i]).isLessThanOrEqualTo(eig.values()[i - 1]);
    }
    assertThat(TestMatrices.orthonormalityError(eig.vectors())).isLessThan(1e-12);
    assertThat(TestMatrices.maxAbsDiff(
        TestMatrices.recompose(eig.vectors(), eig.values(), eig.vectors()), s))
        .isLessThan(1e-11 * Math.max(1, TestMatrices.maxAbs(s)));
  }

  @Test
  void decomposesSemiDefiniteIndefiniteAndIllConditionedMatrices() {
    Matrix f = TestMatrices.gaussian(10, 40, 3);
    assertDecomposes(TestMatrices.naiveMultiply(f.transpose(), f));
    assertDecomposes(Matrices.symmetrized(TestMatrices.gaussian(12, 12, 4)));
    assertDecomposes(TestMatrices.hilbert(8));
    assertDecomposes(Matrix.zeros(3, 3));
    assertDecomposes(Matrix.of(new double[] {7}));
  }

  @Test
  void findsKnownEigenvaluesIncludingAPairOfOppositeSign() {
    // [[0, 1], [1, 0]] has eigenvalues +1 and -1: the case an SVD cannot tell apart
    SymmetricEigen eig = JacobiEigen.decompose(Matrix.of(new double[] {0, 1},
        new double[] {1, 0}), List.of());
    assertThat(eig.values()).containsExactly(new double[] {1, -1}, within(1e-15));
  }
}
