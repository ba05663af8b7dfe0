package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.NumericalException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;
import org.logme.api.testing.Backends;
import org.logme.core.testing.LogMeCase;

/**
 * The target columns are maximised on as many threads as the backend reports: the fits, the
 * companion score and the failures are those of one thread, bit for bit.
 */
class LogMeThreadsTest {
  private static final LinearAlgebraBackend BACKEND = Backends.all().get(0);
  /** The backend, reporting one thread: LogMe maximises the columns in turn. */
  private static final LinearAlgebraBackend ONE = withThreads(BACKEND, 1);

  static Stream<Arguments> casesAndAlgorithms() {
    return Stream.of("cls-blobs", "cls-digits", "cls-wide", "reg-multi").map(LogMeCase::load)
        .flatMap(c -> Stream.of(LogMeAlgorithm.values()).map(a -> Arguments.of(c, a)));
  }

  private static LogMeEvidence evidence(LogMeCase c, LogMeAlgorithm algorithm,
      LinearAlgebraBackend backend) {
    LogMe logMe = new LogMe(algorithm, backend);
    return c.regression() ? logMe.evidence(c.features(), c.targets())
        : logMe.evidence(c.features(), c.labels());
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("casesAndAlgorithms")
  void severalThreadsGiveTheFitsOfOne(LogMeCase c, LogMeAlgorithm algorithm) {
    LogMeEvidence sequential = evidence(c, algorithm, ONE);
    for (int threads : new int[] {2, 3, 8}) {
      LogMeEvidence parallel = evidence(c, algorithm, withThreads(BACKEND, threads));
      assertThat(parallel.targetNames()).isEqualTo(sequential.targetNames());
      for (int col = 0; col < sequential.targetNames().size(); col++) {
        assertThat(parallel.fit(col)).isEqualTo(sequential.fit(col));
      }
      assertThat(parallel.companionScore()).isEqualTo(sequential.companionScore());
      assertThat(parallel.warnings()).isEqualTo(sequential.warnings());
    }
  }

  @Test
  void anUnboundedColumnFailsAndEmptiesTheCompanionOnSeveralThreadsToo() {
    // features equal to the one-hot labels fit every indicator without noise
    double[] labels = new double[40];
    Matrix f = Matrix.zeros(40, 4);
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 4;
      f.set(i, i % 4, 1);
    }
    Features features = new Features(f, "F");
    Labels y = Labels.of(labels, "y");
    LinearAlgebraBackend four = withThreads(BACKEND, 4);
    assertThatThrownBy(() -> new LogMe(LogMeAlgorithm.EXACT, four).evidence(features, y))
        .isInstanceOf(NumericalException.class).hasMessageContaining("unbounded");
    LogMeEvidence reference = new LogMe(LogMeAlgorithm.FIXED_POINT, four).evidence(features, y);
    assertThat(reference.score()).isFinite();
    assertThat(reference.companionScore()).isNaN();
  }

  /** The backend, reporting the given number of threads. */
  private static LinearAlgebraBackend withThreads(LinearAlgebraBackend b, int threads) {
    return new LinearAlgebraBackend() {
      @Override
      public String name() {
        return b.name() + " x" + threads;
      }

      @Override
      public int threads() {
        return threads;
      }

      @Override
      public Matrix gram(Matrix a) {
        return b.gram(a);
      }

      @Override
      public Matrix outerGram(Matrix a) {
        return b.outerGram(a);
      }

      @Override
      public Matrix multiply(Matrix x, Matrix y) {
        return b.multiply(x, y);
      }

      @Override
      public Matrix multiplyTransposeA(Matrix x, Matrix y) {
        return b.multiplyTransposeA(x, y);
      }

      @Override
      public SymmetricEigen symmetricEigen(Matrix s) {
        return b.symmetricEigen(s);
      }

      @Override
      public SpectralProjection symmetricEigenProjection(Matrix s, Matrix v) {
        return b.symmetricEigenProjection(s, v);
      }

      @Override
      public ThinSvd thinSvd(Matrix a) {
        return b.thinSvd(a);
      }

      @Override
      public Matrix solve(Matrix a, Matrix r) {
        return b.solve(a, r);
      }

      @Override
      public Matrix cholesky(Matrix s) {
        return b.cholesky(s);
      }

      @Override
      public Matrix solveLowerTriangular(Matrix l, Matrix r) {
        return b.solveLowerTriangular(l, r);
      }

      @Override
      public String toString() {
        return name();
      }
    };
  }
}
