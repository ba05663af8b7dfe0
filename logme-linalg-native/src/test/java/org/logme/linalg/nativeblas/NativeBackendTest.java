package org.logme.linalg.nativeblas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.api.linalg.TestMatrices.gaussian;
import static org.logme.api.linalg.TestMatrices.maxAbsDiff;
import static org.logme.api.linalg.TestMatrices.naiveMultiply;
import static org.logme.api.linalg.TestMatrices.orthonormalityError;
import static org.logme.api.linalg.TestMatrices.recompose;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.lapack.JavaLAPACK;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;

/** What the contract does not cover: agreement across implementations and the fallbacks. */
class NativeBackendTest {
  private final NativeBackend backend = new NativeBackend();

  /** @return the backend on netlib's pure-Java BLAS and LAPACK, whatever is installed */
  static NativeBackend pureJava() {
    return new NativeBackend(JavaBLAS.getInstance(), JavaLAPACK.getInstance());
  }

  /** The pure-Java routines, except that the named ones report failure (info = 1). */
  private static NativeBackend failing(Set<String> routines) {
    Lapack real = Lapack.on(JavaLAPACK.getInstance());
    Lapack lapack = new Lapack() {
      @Override
      public int dsyevd(int n, double[] a, double[] w) {
        return routines.contains("dsyevd") ? 1 : real.dsyevd(n, a, w);
      }

      @Override
      public int dsyev(int n, double[] a, double[] w) {
        return routines.contains("dsyev") ? 1 : real.dsyev(n, a, w);
      }

      @Override
      public int dsytrd(int n, double[] a, double[] d, double[] e, double[] tau) {
        return routines.contains("dsytrd") ? 1 : real.dsytrd(n, a, d, e, tau);
      }

      @Override
      public int dormtrRight(int m, int n, double[] a, double[] tau, double[] c) {
        return routines.contains("dormtr") ? 1 : real.dormtrRight(m, n, a, tau, c);
      }

      @Override
      public int dstedc(int n, double[] d, double[] e, double[] z) {
        return routines.contains("dstedc") ? 1 : real.dstedc(n, d, e, z);
      }

      @Override
      public int dgesdd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        return routines.contains("dgesdd") ? 1 : real.dgesdd(m, n, a, s, u, vt);
      }

      @Override
      public int dgesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        return routines.contains("dgesvd") ? 1 : real.dgesvd(m, n, a, s, u, vt);
      }

      @Override
      public int dgetrf(int n, double[] a, int[] ipiv) {
        return real.dgetrf(n, a, ipiv);
      }

      @Override
      public int dgetrs(String trans, int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        return real.dgetrs(trans, n, nrhs, lu, ipiv, b);
      }

      @Override
      public int dpotrf(int n, double[] a) {
        return real.dpotrf(n, a);
      }
    };
    return new NativeBackend(JavaBLAS.getInstance(), lapack, false);
  }

  @Test
  void pureJavaAndDefaultImplementationsAgree() {
    NativeBackend java = pureJava();
    assertThat(java.usesNativeCode()).isFalse();
    Matrix a = gaussian(120, 40, 31);
    Matrix b = gaussian(40, 7, 32);
    assertThat(maxAbsDiff(backend.gram(a), java.gram(a))).isLessThan(1e-10);
    assertThat(maxAbsDiff(backend.outerGram(b), java.outerGram(b))).isLessThan(1e-10);
    assertThat(maxAbsDiff(backend.multiply(a, b), java.multiply(a, b))).isLessThan(1e-10);
    assertThat(maxAbsDiff(backend.multiplyTransposeA(a, a), java.multiplyTransposeA(a, a)))
        .isLessThan(1e-10);
    double[] nativeValues = backend.symmetricEigen(backend.gram(a)).values();
    double[] javaValues = java.symmetricEigen(java.gram(a)).values();
    for (int i = 0; i < nativeValues.length; i++) {
      assertThat(Math.abs(nativeValues[i] - javaValues[i])).isLessThan(1e-9 * nativeValues[0]);
    }
    Matrix c = gaussian(40, 40, 33);
    assertThat(maxAbsDiff(backend.solve(c, b), java.solve(c, b))).isLessThan(1e-8);
  }

  @Test
  void theThreadLimitBoundsTheJavaSideWork() {
    NativeBackendProvider provider = new NativeBackendProvider();
    int all = provider.create().threads();
    assertThat(provider.create(1).threads()).isEqualTo(1);
    assertThat(provider.create(all + 3).threads()).isEqualTo(all);
    assertThat(provider.create(all + 3)).isSameAs(provider.create());
    // the limit does not change the arithmetic
    Matrix f = gaussian(40, 7, 3);
    assertThat(provider.create(1).gram(f).data()).containsExactly(provider.create().gram(f)
        .data());
  }

  @Test
  void productsHandleEmptyInnerDimensions() {
    Matrix a = Matrix.zeros(3, 0);
    assertThat(backend.gram(a).sameValues(Matrix.zeros(0, 0))).isTrue();
    assertThat(backend.outerGram(a).sameValues(Matrix.zeros(3, 3))).isTrue();
    assertThat(backend.multiply(a, Matrix.zeros(0, 2)).sameValues(Matrix.zeros(3, 2))).isTrue();
    assertThat(backend.thinSvd(a).singularValues()).isEmpty();
    assertThat(backend.symmetricEigen(Matrix.zeros(0, 0)).values()).isEmpty();
  }

  @Test
  void eigenFallsBackToDsyevThenJacobiWithWarnings() {
    Matrix s = backend.gram(gaussian(30, 8, 34));
    SymmetricEigen viaDsyev =
        failing(Set.of("dsyevd")).symmetricEigen(s);
    assertThat(viaDsyev.warnings()).singleElement().asString()
        .contains("dsyevd failed").contains("info = 1").contains("dsyev instead");
    SymmetricEigen viaJacobi = failing(Set.of("dsyevd", "dsyev")).symmetricEigen(s);
    assertThat(viaJacobi.warnings()).hasSize(2).last().asString().contains("Jacobi");
    for (SymmetricEigen eig : new SymmetricEigen[] {viaDsyev, viaJacobi}) {
      assertThat(orthonormalityError(eig.vectors())).isLessThan(1e-10);
      assertThat(maxAbsDiff(recompose(eig.vectors(), eig.values(), eig.vectors()), s))
          .isLessThan(1e-9);
      assertThat(eig.values()).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }
  }

  /**
   * The projections without eigenvectors (dsytrd, dormtr on B, dstedc, dgemm) equal VᵀB of the
   * full decomposition up to each eigenvector's sign, native and pure Java alike; a failing
   * routine falls back to the full decomposition and says which failed.
   */
  @Test
  void projectionsWithoutEigenvectorsEqualThoseOfTheFullDecomposition() {
    Matrix s = backend.gram(gaussian(90, 37, 37));
    Matrix b = gaussian(37, 5, 38);
    SymmetricEigen eig = backend.symmetricEigen(s);
    Matrix expected = naiveMultiply(eig.vectors().transpose(), b);
    assertSameProjections(backend.symmetricEigenProjection(s, b), eig, expected);
    assertSameProjections(pureJava().symmetricEigenProjection(s, b), eig, expected);
    for (String routine : new String[] {"dsytrd", "dormtr", "dstedc"}) {
      SpectralProjection p = failing(Set.of(routine)).symmetricEigenProjection(s, b);
      assertThat(p.warnings()).singleElement().asString().contains(routine + " failed")
          .contains("info = 1").contains("full eigendecomposition");
      assertSameProjections(p, eig, expected);
    }
  }

  /** With as many vectors as rows, the full decomposition is the cheaper path, and it is used. */
  @Test
  void manyVectorsAreProjectedThroughTheFullDecomposition() {
    Matrix s = backend.gram(gaussian(30, 12, 39));
    Matrix b = gaussian(12, 12, 40);
    SymmetricEigen eig = backend.symmetricEigen(s);
    // every routine of the projection path fails, unseen: it is not called
    SpectralProjection p = failing(Set.of("dsytrd", "dormtr", "dstedc"))
        .symmetricEigenProjection(s, b);
    assertThat(p.warnings()).isEmpty();
    assertSameProjections(p, eig, naiveMultiply(eig.vectors().transpose(), b));
  }

  /** Equal eigenvalues and rows of VᵀB equal up to sign (taken from the row's largest entry). */
  private static void assertSameProjections(SpectralProjection p, SymmetricEigen eig,
      Matrix expected) {
    int n = eig.values().length;
    assertThat(p.values()).hasSize(n);
    assertThat(p.projections().rows()).isEqualTo(n);
    assertThat(p.projections().cols()).isEqualTo(expected.cols());
    for (int k = 0; k < n; k++) {
      assertThat(Math.abs(p.values()[k] - eig.values()[k])).isLessThan(1e-12 * eig.values()[0]);
      int largest = 0;
      for (int c = 1; c < expected.cols(); c++) {
        if (Math.abs(expected.get(k, c)) > Math.abs(expected.get(k, largest))) {
          largest = c;
        }
      }
      double sign = Math.signum(p.projections().get(k, largest) * expected.get(k, largest));
      for (int c = 0; c < expected.cols(); c++) {
        assertThat(Math.abs(sign * p.projections().get(k, c) - expected.get(k, c)))
            .isLessThan(1e-10);
      }
    }
  }

  @Test
  void svdFallsBackToDgesvdThenTheGramMatrixWithWarnings() {
    for (Matrix a : new Matrix[] {gaussian(12, 5, 35), gaussian(5, 12, 36)}) {
      ThinSvd viaDgesvd =
          failing(Set.of("dgesdd")).thinSvd(a);
      assertThat(viaDgesvd.warnings()).singleElement().asString().contains("dgesvd instead");
      ThinSvd viaGram = failing(Set.of("dgesdd", "dgesvd")).thinSvd(a);
      assertThat(viaGram.warnings()).hasSize(2).last().asString().contains("Gram matrix");
      for (ThinSvd svd : new ThinSvd[] {viaDgesvd, viaGram}) {
        assertThat(maxAbsDiff(recompose(svd.u(), svd.singularValues(), svd.v()), a))
            .isLessThan(1e-9);
        assertThat(orthonormalityError(svd.u())).isLessThan(1e-9);
        assertThat(orthonormalityError(svd.v())).isLessThan(1e-9);
      }
    }
  }

  @Test
  void solveIsExactOnAPermutedSystem() {
    Matrix p = Matrix.of(new double[] {0, 2, 0}, new double[] {0, 0, 4}, new double[] {8, 0, 0});
    Matrix b = Matrix.of(new double[] {2, 4}, new double[] {4, 8}, new double[] {8, 16});
    Matrix x = backend.solve(p, b);
    assertThat(x.sameValues(Matrix.of(new double[] {1, 2}, new double[] {1, 2},
        new double[] {1, 2}))).isTrue();
    assertThat(maxAbsDiff(naiveMultiply(p, x), b)).isZero();
  }
}
