package org.logme.api.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.logme.api.linalg.TestMatrices.gaussian;
import static org.logme.api.linalg.TestMatrices.hilbert;
import static org.logme.api.linalg.TestMatrices.maxAbs;
import static org.logme.api.linalg.TestMatrices.maxAbsDiff;
import static org.logme.api.linalg.TestMatrices.mirrorUpper;
import static org.logme.api.linalg.TestMatrices.naiveMultiply;
import static org.logme.api.linalg.TestMatrices.orthonormalityError;
import static org.logme.api.linalg.TestMatrices.rankDeficient;
import static org.logme.api.linalg.TestMatrices.recompose;
import static org.logme.api.linalg.TestMatrices.symmetrized;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.NumericalException;

/**
 * The contract every {@link LinearAlgebraBackend} must meet. A backend module runs it by
 * subclassing and returning its backend from {@link #backend()}; the cases cover the shapes and
 * conditions LogME meets in practice: N &lt; D, rank deficiency, 1×1, ill-conditioning.
 */
public abstract class BackendContractTest {

  /** @return the backend under test */
  protected abstract LinearAlgebraBackend backend();

  /** @return the name the backend is expected to report */
  protected abstract String expectedName();

  static Stream<Arguments> shapes() {
    return Stream.of(Arguments.of(1, 1), Arguments.of(7, 3), Arguments.of(3, 7),
        Arguments.of(50, 20), Arguments.of(20, 50), Arguments.of(1, 5), Arguments.of(5, 1));
  }

  static Stream<Arguments> symmetricMatrices() {
    return Stream.of(
        Arguments.of("1x1", Matrix.of(new double[] {4.0})),
        Arguments.of("1x1 zero", Matrix.of(new double[] {0.0})),
        Arguments.of("random SPD gram 30x10", gram(gaussian(30, 10, 1))),
        Arguments.of("rank-deficient gram (rank 4 of 12)", gram(rankDeficient(40, 12, 4, 2))),
        Arguments.of("gram with N < D (rank 5 of 30)", gram(gaussian(5, 30, 3))),
        Arguments.of("gram with N < D (rank 60 of 256; Commons Math's eigensolver fails on it)",
            gram(gaussian(60, 256, 23))),
        Arguments.of("gram with duplicated and zero columns", gram(duplicatedAndZeroColumns())),
        Arguments.of("Hilbert 10x10 (cond ~1e13)", hilbert(10)),
        Arguments.of("indefinite", indefinite()),
        Arguments.of("zero 6x6", Matrix.zeros(6, 6)),
        Arguments.of("identity 5x5 (repeated eigenvalue)", Matrix.identity(5)),
        Arguments.of("diagonal, unsorted", Matrix.of(new double[] {1, 0, 0},
            new double[] {0, 3, 0}, new double[] {0, 0, 2})));
  }

  private static Matrix gram(Matrix f) {
    return naiveMultiply(f.transpose(), f);
  }

  private static Matrix duplicatedAndZeroColumns() {
    Matrix base = gaussian(25, 8, 4);
    Matrix f = Matrix.zeros(25, 12);
    for (int i = 0; i < 25; i++) {
      for (int j = 0; j < 8; j++) {
        f.set(i, j, base.get(i, j));
      }
      f.set(i, 8, base.get(i, 0));
      f.set(i, 9, 2 * base.get(i, 1));
      // columns 10 and 11 stay zero, as constant pixels do in image features
    }
    return f;
  }

  private static Matrix indefinite() {
    Matrix a = gaussian(8, 8, 5);
    return symmetrized(a);
  }

  @Test
  void reportsItsName() {
    assertThat(backend().name()).isEqualTo(expectedName());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void gramIsAtAAndExactlySymmetric(int m, int n) {
    Matrix a = gaussian(m, n, 11);
    Matrix before = a.copy();
    Matrix g = backend().gram(a);
    assertThat(g.rows()).isEqualTo(n);
    assertThat(g.cols()).isEqualTo(n);
    assertThat(maxAbsDiff(g, naiveMultiply(a.transpose(), a))).isLessThan(1e-12 * m * n);
    assertExactlySymmetric(g);
    assertThat(a.sameValues(before)).as("input unchanged").isTrue();
  }

  @Test
  void addGramAccumulatesBlocksIntoTheGramOfTheirConcatenation() {
    Matrix a = gaussian(700, 37, 21);
    // without and with the stream's size (the loops may be chosen by it, not the result)
    for (boolean sized : new boolean[] {false, true}) {
      Matrix accumulator = Matrix.zeros(37, 37);
      int[] cuts = {0, 1, 300, 557, 700};
      for (int k = 0; k + 1 < cuts.length; k++) {
        Matrix block = Matrix.wrap(cuts[k + 1] - cuts[k], 37,
            java.util.Arrays.copyOfRange(a.data(), cuts[k] * 37, cuts[k + 1] * 37));
        if (sized) {
          backend().addGram(accumulator, block, 700);
        } else {
          backend().addGram(accumulator, block);
        }
      }
      mirrorUpper(accumulator);
      assertThat(maxAbsDiff(accumulator, naiveMultiply(a.transpose(), a))).as("sized %s", sized)
          .isLessThan(1e-9);
    }
    assertThatThrownBy(() -> backend().addGram(Matrix.zeros(3, 3), Matrix.zeros(2, 4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backend().addGram(Matrix.zeros(3, 3), Matrix.zeros(2, 4), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void largeGramMatricesAreExactWhateverTheTiling() {
    // sizes that are not multiples of the 4x4 tiles or of the row blocks
    Matrix a = gaussian(1031, 77, 22);
    assertThat(maxAbsDiff(backend().gram(a), naiveMultiply(a.transpose(), a))).isLessThan(1e-9);
    Matrix wide = gaussian(45, 301, 23);
    assertThat(maxAbsDiff(backend().outerGram(wide), naiveMultiply(wide, wide.transpose())))
        .isLessThan(1e-9);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void outerGramIsAAtAndExactlySymmetric(int m, int n) {
    Matrix a = gaussian(m, n, 12);
    Matrix g = backend().outerGram(a);
    assertThat(g.rows()).isEqualTo(m);
    assertThat(maxAbsDiff(g, naiveMultiply(a, a.transpose()))).isLessThan(1e-12 * m * n);
    assertExactlySymmetric(g);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void multiplyMatchesDefinition(int m, int n) {
    Matrix a = gaussian(m, n, 13);
    Matrix b = gaussian(n, 4, 14);
    Matrix before = a.copy();
    assertThat(maxAbsDiff(backend().multiply(a, b), naiveMultiply(a, b))).isLessThan(1e-12 * n);
    assertThat(a.sameValues(before)).isTrue();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void multiplyTransposeAMatchesDefinition(int m, int n) {
    Matrix a = gaussian(m, n, 15);
    Matrix b = gaussian(m, 3, 16);
    assertThat(maxAbsDiff(backend().multiplyTransposeA(a, b), naiveMultiply(a.transpose(), b)))
        .isLessThan(1e-12 * m);
  }

  @Test
  void productsRejectMismatchedShapes() {
    assertThatThrownBy(() -> backend().multiply(Matrix.zeros(2, 3), Matrix.zeros(2, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backend().multiplyTransposeA(Matrix.zeros(2, 3), Matrix.zeros(3, 3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> backend().symmetricEigen(Matrix.zeros(2, 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symmetricMatrices")
  void symmetricEigenDecomposes(String label, Matrix s) {
    Matrix before = s.copy();
    SymmetricEigen eig = backend().symmetricEigen(s);
    int n = s.rows();
    double scale = Math.max(1.0, maxAbs(s));
    assertThat(eig.values()).hasSize(n);
    for (int i = 1; i < n; i++) {
      assertThat(eig.values()[i]).as("descending order").isLessThanOrEqualTo(eig.values()[i - 1]);
    }
    assertThat(orthonormalityError(eig.vectors())).as("orthonormal vectors").isLessThan(1e-10);
    assertThat(maxAbsDiff(recompose(eig.vectors(), eig.values(), eig.vectors()), s))
        .as("V diag(λ) Vᵀ = S").isLessThan(1e-10 * scale * n);
    assertThat(s.sameValues(before)).as("input unchanged").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symmetricMatrices")
  void eigenProjectionsAgreeWithTheEigendecomposition(String label, Matrix s) {
    int n = s.rows();
    Matrix b = gaussian(n, 4, 31);
    Matrix before = s.copy();
    SpectralProjection projection = backend().symmetricEigenProjection(s, b);
    SymmetricEigen eig = backend().symmetricEigen(s);
    double scale = Math.max(1.0, maxAbs(s));
    assertThat(projection.values()).hasSize(n);
    assertThat(projection.projections().rows()).isEqualTo(n);
    assertThat(projection.projections().cols()).isEqualTo(4);
    for (int i = 0; i < n; i++) {
      assertThat(Math.abs(projection.values()[i] - eig.values()[i]))
          .isLessThan(1e-10 * scale * n);
    }
    Matrix reference = naiveMultiply(eig.vectors().transpose(), b);
    // basis-independent checks: ‖Vᵀb‖ = ‖b‖ and Σ λᵢ(vᵢᵀb)² = bᵀSb
    Matrix sb = naiveMultiply(s, b);
    for (int c = 0; c < 4; c++) {
      double norm = 0;
      double quadratic = 0;
      double expectedNorm = 0;
      double expectedQuadratic = 0;
      for (int i = 0; i < n; i++) {
        double x = projection.projections().get(i, c);
        norm += x * x;
        quadratic += projection.values()[i] * x * x;
        expectedNorm += b.get(i, c) * b.get(i, c);
        expectedQuadratic += b.get(i, c) * sb.get(i, c);
      }
      assertThat(Math.abs(norm - expectedNorm)).isLessThan(1e-10 * expectedNorm);
      assertThat(Math.abs(quadratic - expectedQuadratic)).isLessThan(1e-9 * scale * expectedNorm);
      for (int i = 0; i < n; i++) {
        boolean separated = (i == 0 || eig.values()[i - 1] - eig.values()[i] > 1e-3 * scale)
            && (i == n - 1 || eig.values()[i] - eig.values()[i + 1] > 1e-3 * scale);
        if (separated) {
          assertThat(Math.abs(Math.abs(projection.projections().get(i, c))
              - Math.abs(reference.get(i, c)))).isLessThan(1e-7 * Math.sqrt(expectedNorm));
        }
      }
    }
    assertThat(s.sameValues(before)).as("input unchanged").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("symmetricMatrices")
  void leadingEigenvectorsAreEigenvectorsOfTheLargestValues(String label, Matrix s) {
    assertLeadingEigenvectors(s);
  }

  /**
   * Eigenvalues 10, 10, 10 + 1e-9, 5 − 1e-12, 5, 1 and then a spread, rotated by a Householder
   * reflection: clusters that inverse iteration alone cannot separate.
   */
  @Test
  void leadingEigenvectorsOfClusteredEigenvaluesAreOrthonormal() {
    int n = 40;
    double[] lambda = new double[n];
    double[] head = {10 + 1e-9, 10, 10, 5, 5 - 1e-12, 1};
    for (int i = 0; i < n; i++) {
      lambda[i] = i < head.length ? head[i] : 0.5 / (i + 1);
    }
    Matrix u = gaussian(n, 1, 41);
    double uu = 0;
    for (int i = 0; i < n; i++) {
      uu += u.get(i, 0) * u.get(i, 0);
    }
    Matrix h = Matrix.identity(n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h.set(i, j, h.get(i, j) - 2 * u.get(i, 0) * u.get(j, 0) / uu);
      }
    }
    assertLeadingEigenvectors(symmetrized(recompose(h, lambda, h)));
  }

  @Test
  void leadingEigenvectorsOfALargerGram() {
    assertLeadingEigenvectors(gram(gaussian(400, 150, 42)));
  }

  private void assertLeadingEigenvectors(Matrix s) {
    int n = s.rows();
    double scale = Math.max(1.0, maxAbs(s));
    double[] all = backend().symmetricEigen(s).values();
    Matrix before = s.copy();
    // an eighth and fewer: the pure-Java backends' inverse iteration; more: full decompositions
    for (int k : new int[] {0, 1, Math.min(n, 2), n / 8, n / 2, n}) {
      SymmetricEigen eig = backend().symmetricEigenLeading(s, k);
      assertThat(eig.values()).hasSize(n);
      for (int i = 0; i < n; i++) {
        assertThat(Math.abs(eig.values()[i] - all[i])).as("value %d", i)
            .isLessThan(1e-10 * scale * n);
      }
      assertThat(eig.vectors().rows()).isEqualTo(n);
      assertThat(eig.vectors().cols()).isEqualTo(k);
      if (k > 0) {
        assertThat(orthonormalityError(eig.vectors())).as("k=%d orthonormal", k)
            .isLessThan(1e-10);
      }
      Matrix sv = naiveMultiply(s, eig.vectors());
      for (int j = 0; j < k; j++) {
        for (int i = 0; i < n; i++) {
          assertThat(Math.abs(sv.get(i, j) - eig.values()[j] * eig.vectors().get(i, j)))
              .as("k=%d: S v_%d = λ v_%d, entry %d", k, j, j, i)
              .isLessThan(1e-10 * scale * n);
        }
      }
    }
    assertThat(s.sameValues(before)).as("input unchanged").isTrue();
    assertThatThrownBy(() -> backend().symmetricEigenLeading(s, n + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void symmetricEigenGivesKnownValues() {
    SymmetricEigen eig = backend().symmetricEigen(Matrix.of(new double[] {2, 1},
        new double[] {1, 2}));
    assertThat(eig.values()[0]).isCloseTo(3.0, within(1e-14));
    assertThat(eig.values()[1]).isCloseTo(1.0, within(1e-14));
    assertThat(Math.abs(eig.vectors().get(0, 0))).isCloseTo(Math.sqrt(0.5), within(1e-14));
  }

  @Test
  void rankDeficientGramHasZeroEigenvaluesToWorkingPrecision() {
    Matrix g = gram(rankDeficient(40, 12, 4, 2));
    double[] values = backend().symmetricEigen(g).values();
    for (int i = 4; i < 12; i++) {
      assertThat(Math.abs(values[i])).isLessThan(1e-12 * values[0]);
    }
    assertThat(values[3]).isGreaterThan(1e-6 * values[0]);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void thinSvdDecomposes(int m, int n) {
    Matrix a = gaussian(m, n, 17);
    assertSvd(a);
  }

  @Test
  void thinSvdOfRankDeficientAndIllConditionedMatrices() {
    assertSvd(rankDeficient(30, 10, 3, 6));
    assertSvd(rankDeficient(10, 30, 3, 7));
    assertSvd(hilbert(10));
    assertSvd(Matrix.zeros(4, 3));
  }

  @Test
  void thinSvdGivesKnownValues() {
    ThinSvd svd = backend().thinSvd(Matrix.of(new double[] {3, 0}, new double[] {0, -4},
        new double[] {0, 0}));
    assertThat(svd.singularValues()).containsExactly(new double[] {4, 3}, within(1e-14));
  }

  private void assertSvd(Matrix a) {
    Matrix before = a.copy();
    ThinSvd svd = backend().thinSvd(a);
    int k = Math.min(a.rows(), a.cols());
    assertThat(svd.singularValues()).hasSize(k);
    assertThat(svd.u().rows()).isEqualTo(a.rows());
    assertThat(svd.u().cols()).isEqualTo(k);
    assertThat(svd.v().rows()).isEqualTo(a.cols());
    assertThat(svd.v().cols()).isEqualTo(k);
    for (int i = 0; i < k; i++) {
      assertThat(svd.singularValues()[i]).isGreaterThanOrEqualTo(0.0);
      if (i > 0) {
        assertThat(svd.singularValues()[i]).isLessThanOrEqualTo(svd.singularValues()[i - 1]);
      }
    }
    assertThat(orthonormalityError(svd.v())).isLessThan(1e-10);
    double scale = Math.max(1.0, maxAbs(a));
    assertThat(maxAbsDiff(recompose(svd.u(), svd.singularValues(), svd.v()), a))
        .isLessThan(1e-10 * scale * k);
    // columns of U belonging to non-zero singular values are orthonormal
    int nonZero = 0;
    while (nonZero < k && svd.singularValues()[nonZero] > 1e-10 * scale) {
      nonZero++;
    }
    assertThat(orthonormalityError(svd.u().columns(0, nonZero))).isLessThan(1e-10);
    assertThat(a.sameValues(before)).as("input unchanged").isTrue();
  }

  @Test
  void solveSolvesSquareSystems() {
    Matrix a = gaussian(6, 6, 18);
    Matrix b = gaussian(6, 2, 19);
    Matrix before = a.copy();
    Matrix x = backend().solve(a, b);
    assertThat(maxAbsDiff(naiveMultiply(a, x), b)).isLessThan(1e-10);
    assertThat(a.sameValues(before)).isTrue();
    Matrix one = backend().solve(Matrix.of(new double[] {4}), Matrix.of(new double[] {2}));
    assertThat(one.get(0, 0)).isEqualTo(0.5);
  }

  @Test
  void largeProblemsDoNotCrashNativeCode() {
    // sizes where multi-threaded native LAPACK once overflowed the caller's thread stack
    Matrix a = gaussian(300, 300, 24);
    Matrix b = gaussian(300, 5, 25);
    assertThat(maxAbsDiff(naiveMultiply(a, backend().solve(a, b)), b)).isLessThan(1e-8);
    Matrix f = gaussian(400, 300, 26);
    SymmetricEigen eig = backend().symmetricEigen(gram(f));
    assertThat(orthonormalityError(eig.vectors())).isLessThan(1e-10);
    ThinSvd svd = backend().thinSvd(f);
    assertThat(maxAbsDiff(recompose(svd.u(), svd.singularValues(), svd.v()), f)).isLessThan(1e-9);
    ThinSvd wide = backend().thinSvd(f.transpose());
    assertThat(wide.singularValues()[0]).isCloseTo(svd.singularValues()[0], within(1e-9));
  }

  @Test
  void solveRejectsSingularSystems() {
    Matrix singular = Matrix.of(new double[] {1, 2}, new double[] {2, 4});
    assertThatThrownBy(() -> backend().solve(singular, Matrix.identity(2)))
        .isInstanceOf(NumericalException.class)
        .hasMessageContaining("singular");
  }

  @ParameterizedTest(name = "{0}x{1}")
  @MethodSource("shapes")
  void pseudoInverseOfFullRankMatricesMeetsThePenroseConditions(int m, int n) {
    Matrix a = gaussian(m, n, 20);
    Matrix before = a.copy();
    Matrix p = backend().pseudoInverse(a, 1e-15);
    assertThat(p.rows()).isEqualTo(n);
    assertThat(p.cols()).isEqualTo(m);
    assertPenrose(a, p);
    assertThat(a.sameValues(before)).as("input unchanged").isTrue();
  }

  @Test
  void pseudoInverseOfRankDeficientMatricesDropsTheNullSpace() {
    for (Matrix a : new Matrix[] {rankDeficient(30, 10, 3, 21), rankDeficient(10, 30, 4, 22),
        gram(duplicatedAndZeroColumns())}) {
      assertPenrose(a, backend().pseudoInverse(a, 1e-12));
    }
    assertThat(maxAbs(backend().pseudoInverse(Matrix.zeros(3, 2), 1e-15))).isZero();
  }

  @Test
  void pseudoInverseAppliesTheRelativeCutOff() {
    Matrix d = Matrix.of(new double[] {10, 0, 0}, new double[] {0, 1, 0},
        new double[] {0, 0, 1e-3});
    Matrix kept = backend().pseudoInverse(d, 1e-5);
    assertThat(kept.get(2, 2)).isCloseTo(1e3, within(1e-9));
    Matrix cut = backend().pseudoInverse(d, 1e-3);
    assertThat(cut.get(2, 2)).isZero();
    assertThat(cut.get(1, 1)).isCloseTo(1.0, within(1e-14));
    assertThat(cut.get(0, 0)).isCloseTo(0.1, within(1e-15));
    assertThatThrownBy(() -> backend().pseudoInverse(d, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertPenrose(Matrix a, Matrix p) {
    double scale = Math.max(1.0, maxAbs(a)) * Math.max(1.0, maxAbs(p));
    int size = Math.max(a.rows(), a.cols());
    Matrix apa = naiveMultiply(naiveMultiply(a, p), a);
    assertThat(maxAbsDiff(apa, a)).as("A A+ A = A").isLessThan(1e-10 * scale * size);
    Matrix pap = naiveMultiply(naiveMultiply(p, a), p);
    assertThat(maxAbsDiff(pap, p)).as("A+ A A+ = A+").isLessThan(1e-10 * scale * maxAbs(p) * size);
    Matrix ap = naiveMultiply(a, p);
    assertThat(maxAbsDiff(ap, ap.transpose())).as("A A+ symmetric").isLessThan(1e-10 * size);
    Matrix pa = naiveMultiply(p, a);
    assertThat(maxAbsDiff(pa, pa.transpose())).as("A+ A symmetric").isLessThan(1e-10 * size);
  }

  @Test
  void choleskyFactorsPositiveDefiniteMatrices() {
    // 150: beyond the block size of a blocked factorisation
    for (Matrix s : new Matrix[] {gram(gaussian(30, 10, 24)), hilbert(6),
        Matrix.of(new double[] {4}), gram(gaussian(300, 150, 27))}) {
      Matrix before = s.copy();
      Matrix l = backend().cholesky(s);
      for (int i = 0; i < l.rows(); i++) {
        assertThat(l.get(i, i)).isPositive();
        for (int j = i + 1; j < l.cols(); j++) {
          assertThat(l.get(i, j)).isZero();
        }
      }
      assertThat(maxAbsDiff(naiveMultiply(l, l.transpose()), s))
          .isLessThan(1e-12 * Math.max(1, maxAbs(s)));
      assertThat(s.sameValues(before)).isTrue();
    }
    assertThat(backend().cholesky(Matrix.of(new double[] {4})).get(0, 0)).isEqualTo(2.0);
  }

  @Test
  void choleskyIgnoresTheUpperTriangle() {
    Matrix s = gram(gaussian(200, 90, 28));
    Matrix garbled = s.copy();
    for (int i = 0; i < s.rows(); i++) {
      for (int j = i + 1; j < s.cols(); j++) {
        garbled.set(i, j, Double.NaN);
      }
    }
    assertThat(backend().cholesky(garbled).sameValues(backend().cholesky(s))).isTrue();
  }

  @Test
  void choleskyRejectsMatricesThatAreNotPositiveDefinite() {
    assertThatThrownBy(() -> backend().cholesky(indefinite()))
        .isInstanceOf(NumericalException.class).hasMessageContaining("not positive definite");
    assertThatThrownBy(() -> backend().cholesky(Matrix.zeros(3, 3)))
        .isInstanceOf(NumericalException.class);
    // NaN or an infinity in the lower triangle, off or on the diagonal, wherever it is
    for (int[] at : new int[][] {{1, 0}, {2, 1}, {1, 1}, {0, 0}}) {
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
        Matrix s = Matrix.identity(3);
        s.set(at[0], at[1], bad);
        assertThatThrownBy(() -> backend().cholesky(s)).as("%s at %d,%d", bad, at[0], at[1])
            .isInstanceOf(NumericalException.class);
      }
    }
  }

  @Test
  void solveLowerTriangularSolvesByForwardSubstitution() {
    Matrix l = backend().cholesky(gram(gaussian(20, 8, 25)));
    Matrix b = gaussian(8, 5, 26);
    Matrix before = b.copy();
    Matrix x = backend().solveLowerTriangular(l, b);
    assertThat(maxAbsDiff(naiveMultiply(l, x), b)).isLessThan(1e-10);
    assertThat(b.sameValues(before)).isTrue();
    Matrix singular = Matrix.of(new double[] {1, 0}, new double[] {1, 0});
    assertThatThrownBy(() -> backend().solveLowerTriangular(singular, Matrix.identity(2)))
        .isInstanceOf(NumericalException.class);
  }

  @Test
  void forEachTaskRunsEveryTaskOnceAndPropagatesFailures() {
    java.util.concurrent.atomic.AtomicIntegerArray runs =
        new java.util.concurrent.atomic.AtomicIntegerArray(1000);
    backend().forEachTask(1000, runs::incrementAndGet);
    for (int t = 0; t < 1000; t++) {
      assertThat(runs.get(t)).as("task %d", t).isEqualTo(1);
    }
    backend().forEachTask(0, t -> {
      throw new AssertionError("no task to run");
    });
    assertThatThrownBy(() -> backend().forEachTask(8, t -> {
      if (t == 5) {
        throw new NumericalException("task 5 failed");
      }
    })).hasMessageContaining("task 5 failed");
  }

  private static void assertExactlySymmetric(Matrix g) {
    for (int i = 0; i < g.rows(); i++) {
      for (int j = 0; j < i; j++) {
        assertThat(g.get(i, j)).isEqualTo(g.get(j, i));
      }
    }
  }
}
