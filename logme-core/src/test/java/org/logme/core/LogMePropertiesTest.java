package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.Tolerance.assertClose;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.TestMatrices;
import org.logme.api.testing.Backends;
import org.logme.core.testing.LogMeCase;

/** Mathematical properties of LogME that hold whatever the reference says. */
class LogMePropertiesTest {

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  static Stream<Arguments> casesAndBackends() {
    return Stream.of("cls-blobs", "cls-wide", "cls-digits", "reg-multi").map(LogMeCase::load)
        .flatMap(c -> Backends.all().stream().map(b -> Arguments.of(c, b)));
  }

  private static double score(LinearAlgebraBackend backend, Matrix f, double[] labels) {
    return new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(f, "F"), Labels.of(labels, "y")).evidence().score();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void permutingTheSamplesLeavesTheScoreUnchanged(LogMeCase c, LinearAlgebraBackend backend) {
    Matrix f = c.features().matrix();
    int n = f.rows();
    int[] order = shuffled(n, 7);
    Matrix permuted = Matrix.zeros(n, f.cols());
    for (int i = 0; i < n; i++) {
      System.arraycopy(f.data(), order[i] * f.cols(), permuted.data(), i * f.cols(), f.cols());
    }
    LogMe logMe = new LogMe(LogMeAlgorithm.FIXED_POINT, backend);
    double original;
    double shuffled;
    if (c.regression()) {
      Matrix y = c.targets().matrix();
      Matrix py = Matrix.zeros(n, y.cols());
      for (int i = 0; i < n; i++) {
        System.arraycopy(y.data(), order[i] * y.cols(), py.data(), i * y.cols(), y.cols());
      }
      original = logMe.fit(c.features(), c.targets()).evidence().score();
      shuffled = logMe.fit(new Features(permuted, "F"), Targets.regression(py, "T")).evidence()
          .score();
    } else {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = c.labels().classIndex(order[i]);
      }
      original = logMe.fit(c.features(), c.labels()).evidence().score();
      shuffled = score(backend, permuted, y);
    }
    assertClose("score after permuting samples", shuffled, original, 1e-9, 0);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void relabellingTheClassesWithAnyBijectionLeavesTheScoreUnchanged(LogMeCase c,
      LinearAlgebraBackend backend) {
    if (c.regression()) {
      return;
    }
    int classes = c.labels().classCount();
    int[] bijection = shuffled(classes, 11);
    double[] original = new double[c.labels().sampleCount()];
    double[] relabelled = new double[original.length];
    for (int i = 0; i < original.length; i++) {
      original[i] = c.labels().classIndex(i);
      // a permutation plus gaps: ids 0, 10, 20, ... in shuffled order
      relabelled[i] = 10.0 * bijection[c.labels().classIndex(i)];
    }
    Matrix f = c.features().matrix();
    assertClose("score after relabelling", score(backend, f, relabelled),
        score(backend, f, original), 1e-9, 0);
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  static Stream<Arguments> shapes() {
    // N > D full rank, N > D rank-deficient, N < D, N = D
    return backends().flatMap(b -> Stream.of(Arguments.of(b, 40, 8, 8), Arguments.of(b, 40, 12, 5),
        Arguments.of(b, 15, 40, 15), Arguments.of(b, 20, 20, 20)));
  }

  /**
   * The evidence formula used by the solver, including the (D − k)·log α term for rank-deficient
   * features, equals the closed form log N(y; 0, β⁻¹I + α⁻¹FFᵀ) computed directly.
   */
  @ParameterizedTest(name = "{0}: N={1}, D={2}, rank {3}")
  @MethodSource("shapes")
  void theEvidenceEqualsItsClosedForm(LinearAlgebraBackend backend, int n, int d, int rank) {
    Matrix f = TestMatrices.rankDeficient(n, d, rank, 3);
    Matrix y = TestMatrices.gaussian(n, 1, 4);
    LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(f, "F"), Targets.regression(y, "y"));
    assertThat(model.evidence().rank()).isEqualTo(rank);
    TargetColumns columns = TargetColumns.dense(y);
    SpectralBasis basis = n < d ? SpectralBasis.ofOuterGram(f, backend)
        : SpectralBasis.ofGram(backend.gram(f), backend);
    double[] x = basis.project(columns.transposeTimes(f, backend), columns, backend).column(0);
    double yy = y.column(0).length == 0 ? 0 : dot(y.data(), y.data());
    LogMeEvidence evidence = model.evidence();
    for (double[] ab : new double[][] {{0.5, 2.0}, {3.0, 0.7},
        {evidence.alphas()[0], evidence.betas()[0]}}) {
      double formula = EvidenceMaximizer.evidenceAt(basis.eigenvalues(), x, yy, n, d, ab[0], ab[1]);
      double closed = closedFormEvidence(backend, f, y.data(), ab[0], ab[1]) / n;
      assertClose("evidence at alpha=" + ab[0] + ", beta=" + ab[1], formula, closed, 1e-9, 1e-12);
    }
  }

  /** log N(y; 0, C) with C = β⁻¹I + α⁻¹FFᵀ, from an eigendecomposition of C. */
  static double closedFormEvidence(LinearAlgebraBackend backend, Matrix f, double[] y,
      double alpha, double beta) {
    int n = f.rows();
    Matrix c = backend.outerGram(f);
    for (int i = 0; i < c.data().length; i++) {
      c.data()[i] /= alpha;
    }
    for (int i = 0; i < n; i++) {
      c.set(i, i, c.get(i, i) + 1 / beta);
    }
    SymmetricEigen eig = backend.symmetricEigen(c);
    double logDet = 0;
    double quadratic = 0;
    for (int i = 0; i < n; i++) {
      logDet += Math.log(eig.values()[i]);
      double projection = 0;
      for (int r = 0; r < n; r++) {
        projection += eig.vectors().get(r, i) * y[r];
      }
      quadratic += projection * projection / eig.values()[i];
    }
    return -0.5 * quadratic - 0.5 * logDet - n / 2.0 * Math.log(2 * Math.PI);
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("backends")
  void featuresScaledBy1e6Or1eMinus6StillGiveFiniteScores(LinearAlgebraBackend backend) {
    LogMeCase c = LogMeCase.load("cls-blobs");
    for (double scale : new double[] {1e6, 1e-6}) {
      Matrix f = c.features().matrix().copy();
      for (int i = 0; i < f.data().length; i++) {
        f.data()[i] *= scale;
      }
      LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
          .fit(new Features(f, "F"), c.labels());
      assertThat(model.evidence().score()).isFinite();
      assertThat(model.evidence().rank()).isEqualTo(32);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void allZeroFeaturesGiveTheNoiseOnlyEvidenceWithAWarning(LinearAlgebraBackend backend) {
    double[] labels = {0, 0, 1, 1, 1, 2};
    LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(Matrix.zeros(6, 3), "F"), Labels.of(labels, "y"));
    assertThat(model.evidence().rank()).isZero();
    assertThat(model.evidence().warnings()).anyMatch(w -> w.contains("all zero"));
    // with F = 0 the evidence is that of y ~ N(0, β⁻¹I) at β = N/(‖y‖² + ε)
    double expected = 0;
    for (int count : new int[] {2, 3, 1}) {
      double beta = 6 / (count + LogMeAlgorithm.EPSILON);
      expected += (3 * Math.log(beta) - beta / 2 * count - 3 * Math.log(2 * Math.PI)) / 6;
    }
    assertClose("noise-only evidence", model.evidence().score(), expected / 3, 1e-12, 0);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void aClassWithASingleSampleIsFitted(LinearAlgebraBackend backend) {
    Matrix f = TestMatrices.gaussian(30, 5, 9);
    double[] labels = new double[30];
    for (int i = 0; i < 30; i++) {
      labels[i] = i == 0 ? 2 : i % 2;
    }
    LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(f, "F"), Labels.of(labels, "y"));
    assertThat(java.util.Arrays.stream(model.evidence().evidences()).boxed().toList()).hasSize(3)
        .allMatch(Double::isFinite);
  }

  @Test
  void multiLabelPredictionsAreIndicators() {
    LinearAlgebraBackend backend = Backends.all().get(0);
    Matrix f = TestMatrices.gaussian(50, 4, 12);
    Matrix y = Matrix.zeros(50, 2);
    for (int i = 0; i < 50; i++) {
      f.set(i, 3, 1.0); // a bias column: indicators have mean about 0.5
      y.set(i, 0, f.get(i, 0) > 0 ? 1 : 0);
      y.set(i, 1, f.get(i, 1) + f.get(i, 2) > 0 ? 1 : 0);
    }
    LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(f, "F"), Targets.multiLabel(y, "Y"));
    assertThat(model.evidence().task()).isEqualTo(LogMeEvidence.Task.MULTI_LABEL);
    Matrix predicted = model.predictTargets(f, backend);
    int agree = 0;
    for (int i = 0; i < predicted.data().length; i++) {
      assertThat(predicted.data()[i]).isIn(0.0, 1.0);
      agree += predicted.data()[i] == y.data()[i] ? 1 : 0;
    }
    assertThat(agree).as("a linear model recovers linearly separable labels mostly")
        .isGreaterThan(80);
    // multi-label evidence is the regression evidence of the indicator columns
    double regression = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(f, "F"), Targets.regression(y, "Y")).evidence().score();
    assertThat(model.evidence().score()).isEqualTo(regression);
  }

  @Test
  void informativeFeaturesScoreHigherThanNoise() {
    LinearAlgebraBackend backend = Backends.all().get(0);
    LogMeCase c = LogMeCase.load("cls-blobs");
    Matrix noise = TestMatrices.gaussian(c.features().sampleCount(), c.features().dimension(), 5);
    double informative = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(c.features(), c.labels()).evidence().score();
    double random = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(noise, "noise"), c.labels()).evidence().score();
    assertThat(informative).isGreaterThan(random);
  }
}
