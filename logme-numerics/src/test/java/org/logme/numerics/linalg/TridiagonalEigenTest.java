package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.TestMatrices;
import org.logme.numerics.kernel.Kernels;

/** The tridiagonal eigen-projection kernel against the Jacobi method. */
class TridiagonalEigenTest {
  private static final ForkJoinPool POOL = new ForkJoinPool(2);

  static Stream<Arguments> matrices() {
    Matrix f = TestMatrices.gaussian(300, 40, 1);
    return Stream.of(
        Arguments.of("1x1", Matrix.of(new double[] {3})),
        Arguments.of("2x2", Matrix.of(new double[] {2, 1}, new double[] {1, 2})),
        Arguments.of("3x3 indefinite", Matrices.symmetrized(TestMatrices.gaussian(3, 3, 2))),
        Arguments.of("gram 40", TestMatrices.naiveMultiply(f.transpose(), f)),
        Arguments.of("rank-deficient gram", gram(TestMatrices.rankDeficient(50, 30, 7, 3))),
        Arguments.of("N < D gram", gram(TestMatrices.gaussian(20, 90, 4))),
        Arguments.of("zero", Matrix.zeros(5, 5)),
        Arguments.of("identity", Matrix.identity(6)),
        Arguments.of("already tridiagonal", Matrix.of(new double[] {4, 1, 0, 0},
            new double[] {1, 3, 0, 0}, new double[] {0, 0, 2, 1}, new double[] {0, 0, 1, 5})),
        Arguments.of("diagonal", Matrix.of(new double[] {1, 0, 0}, new double[] {0, 5, 0},
            new double[] {0, 0, 3})),
        Arguments.of("Hilbert 12", TestMatrices.hilbert(12)),
        Arguments.of("large gram (parallel path)", gram(TestMatrices.gaussian(320, 270, 5))));
  }

  private static Matrix gram(Matrix f) {
    return TestMatrices.naiveMultiply(f.transpose(), f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrices")
  void matchesAFullEigendecomposition(String label, Matrix s) {
    int n = s.rows();
    Matrix b = TestMatrices.gaussian(n, 3, 9);
    Matrix before = s.copy();
    for (ForkJoinPool pool : new ForkJoinPool[] {null, POOL}) {
      SpectralProjection fast = new TridiagonalEigen(pool).decompose(s, b);
      SymmetricEigen full = JacobiEigen.decompose(s, List.of());
      double scale = Math.max(1, TestMatrices.maxAbs(s));
      assertThat(fast.values()).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(Math.abs(fast.values()[i] - full.values()[i])).as("eigenvalue %d", i)
            .isLessThan(1e-11 * scale * n);
      }
      Matrix reference = TestMatrices.naiveMultiply(full.vectors().transpose(), b);
      // where an eigenvalue is well separated, its projections are unique up to sign
      for (int i = 0; i < n; i++) {
        double gap = Double.POSITIVE_INFINITY;
        if (i > 0) {
          gap = Math.min(gap, full.values()[i - 1] - full.values()[i]);
        }
        if (i < n - 1) {
          gap = Math.min(gap, full.values()[i] - full.values()[i + 1]);
        }
        if (gap > 1e-3 * scale) {
          for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(Math.abs(fast.projections().get(i, c))
                - Math.abs(reference.get(i, c)))).as("projection %d,%d", i, c)
                .isLessThan(1e-8 * Math.sqrt(n));
          }
        }
      }
      // functions of the spectrum: Σ f(λᵢ)·xᵢ², invariant under eigenvector sign and basis
      for (int c = 0; c < 3; c++) {
        double fastSum = 0;
        double referenceSum = 0;
        double fastNorm = 0;
        double referenceNorm = 0;
        for (int i = 0; i < n; i++) {
          double weight = 1 / (1 + Math.abs(full.values()[i]) / scale);
          fastSum += weight * square(fast.projections().get(i, c));
          referenceSum += weight * square(reference.get(i, c));
          fastNorm += square(fast.projections().get(i, c));
          referenceNorm += square(reference.get(i, c));
        }
        assertThat(Math.abs(fastNorm - referenceNorm)).isLessThan(1e-10 * referenceNorm);
        assertThat(Math.abs(fastSum - referenceSum)).isLessThan(1e-9 * referenceNorm);
      }
    }
    assertThat(s.sameValues(before)).as("input unchanged").isTrue();
  }

  private static double square(double x) {
    return x * x;
  }

  /**
   * A reduction of order 1000 runs on the Vector API's loops when the module is present: every
   * kernel gives the same spectrum and projections to rounding, and basis-free identities hold
   * (Σλ = tr S, Σλ² = ‖S‖²_F, Σλᵢxᵢ² = bᵀSb for x = Vᵀb).
   */
  @Test
  void everyKernelGivesTheSameLargeDecomposition() {
    int n = 1000;
    Matrix s = new GramKernel(POOL).gram(TestMatrices.gaussian(1100, n, 11));
    Matrix b = TestMatrices.gaussian(n, 2, 12);
    double trace = 0;
    double frobenius = 0;
    for (int i = 0; i < n; i++) {
      trace += s.get(i, i);
      for (int j = 0; j < n; j++) {
        frobenius += square(s.get(i, j));
      }
    }
    double[] sb = new double[2];
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < n; i++) {
        double row = 0;
        for (int j = 0; j < n; j++) {
          row += s.get(i, j) * b.get(j, c);
        }
        sb[c] += b.get(i, c) * row;
      }
    }
    SpectralProjection first = null;
    for (Kernels kernels : Stream.concat(Stream.of(Kernels.scalar()), Kernels.vector().stream())
        .toList()) {
      SpectralProjection p = new TridiagonalEigen(POOL, kernels).decompose(s, b);
      double sum = 0;
      double squares = 0;
      for (double lambda : p.values()) {
        sum += lambda;
        squares += lambda * lambda;
      }
      assertThat(Math.abs(sum - trace)).as(kernels.description()).isLessThan(1e-10 * trace);
      assertThat(Math.abs(squares - frobenius)).isLessThan(1e-10 * frobenius);
      for (int c = 0; c < 2; c++) {
        double quadratic = 0;
        for (int i = 0; i < n; i++) {
          quadratic += p.values()[i] * square(p.projections().get(i, c));
        }
        assertThat(Math.abs(quadratic - sb[c])).isLessThan(1e-10 * Math.abs(sb[c]));
      }
      if (first != null) {
        for (int i = 0; i < n; i++) {
          assertThat(Math.abs(p.values()[i] - first.values()[i]))
              .isLessThan(1e-11 * first.values()[0]);
        }
      }
      first = p;
    }
  }

  @Test
  void leadingVectorsOfEmptyAndZeroMatrices() {
    TridiagonalEigen eigen = new TridiagonalEigen(null);
    SymmetricEigen empty = eigen.leading(Matrix.zeros(0, 0), 0, null);
    assertThat(empty.values()).isEmpty();
    assertThat(empty.vectors().cols()).isZero();
    SymmetricEigen zero = eigen.leading(Matrix.zeros(7, 7), 3, null);
    assertThat(zero.values()).containsOnly(0.0);
    assertThat(TestMatrices.orthonormalityError(zero.vectors())).isLessThan(1e-15);
  }

  /** Entries far below or above 1 are decomposed as well as the same matrix at unit size. */
  @Test
  void extremeScalesGiveTheScaledSpectrum() {
    Matrix unit = gram(TestMatrices.gaussian(60, 20, 13));
    Matrix b = TestMatrices.gaussian(20, 2, 14);
    TridiagonalEigen eigen = new TridiagonalEigen(null);
    SpectralProjection reference = eigen.decompose(unit, b);
    for (double factor : new double[] {1e-200, 1e-160, 1e160, 1e200}) {
      Matrix s = unit.copy();
      for (int i = 0; i < s.data().length; i++) {
        s.data()[i] *= factor;
      }
      SpectralProjection p = eigen.decompose(s, b);
      SymmetricEigen leading = eigen.leading(s, 2, null);
      for (int i = 0; i < 20; i++) {
        assertThat(p.values()[i] / factor).as("%g: eigenvalue %d", factor, i)
            .isCloseTo(reference.values()[i], within(
                1e-12 * reference.values()[0]));
        assertThat(leading.values()[i]).isEqualTo(p.values()[i]);
      }
      for (int c = 0; c < 2; c++) {
        assertThat(Math.abs(p.projections().get(0, c)))
            .isCloseTo(Math.abs(reference.projections().get(0, c)),
                within(1e-10));
      }
      assertThat(TestMatrices.orthonormalityError(leading.vectors())).isLessThan(1e-12);
    }
  }
}
