package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logme.core.testing.Tolerance.assertClose;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.NumericalException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.api.testing.Backends;
import org.logme.core.testing.HardCases;
import org.logme.core.testing.LogMeCase;

/**
 * LogME's exact maximum ({@link LogMeAlgorithm#EXACT}): checked against a maximisation of the
 * closed-form evidence log N(y; 0, β⁻¹I + α⁻¹FFᵀ) that shares nothing with the profile it
 * maximises, against the stationarity conditions, and for invariance to the scale of the
 * features.
 */
class LogMeExactTest {
  private static final LinearAlgebraBackend EJML = Backends.all().get(0);

  static Stream<Arguments> casesAndBackends() {
    return Stream.of("cls-blobs", "cls-digits", "cls-wide", "reg-multi").map(LogMeCase::load)
        .flatMap(c -> Backends.all().stream().map(b -> Arguments.of(c, b)));
  }

  private static LogMeEvidence exact(LogMeCase c, LinearAlgebraBackend backend, double scale) {
    Matrix f = c.features().matrix().copy();
    for (int i = 0; i < f.data().length; i++) {
      f.data()[i] *= scale;
    }
    LogMe logMe = new LogMe(LogMeAlgorithm.EXACT, backend);
    Features features = new Features(f, "F x " + scale);
    return c.regression() ? logMe.evidence(features, c.targets())
        : logMe.evidence(features, c.labels());
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void theScoreDoesNotDependOnTheScaleOfTheFeatures(LogMeCase c, LinearAlgebraBackend backend) {
    double unit = exact(c, backend, 1).score();
    for (double scale : new double[] {1e-4, 1e-2, 3, 1e2, 1e4}) {
      assertClose(c.name() + " scaled by " + scale, exact(c, backend, scale).score(), unit, 1e-9,
          1e-12);
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void theMaximumIsAtLeastTheReferenceAndCloseToItWhereTheReferenceConverges(LogMeCase c,
      LinearAlgebraBackend backend) {
    LogMeEvidence exact = exact(c, backend, 1);
    double reference = c.logme().get("exact_score").asDouble();
    // the reference evaluates the evidence at its last iterate (its m from the previous t), so
    // it cannot exceed the maximum; its stopping rule leaves it within ~1e-3 of the maximiser
    assertThat(exact.score()).isGreaterThanOrEqualTo(reference - 1e-12 * Math.abs(reference));
    assertThat(exact.score() - reference).isLessThan(1e-3 * Math.max(1, Math.abs(reference)));
    assertThat(exact.companionAlgorithm()).isEqualTo(LogMeAlgorithm.FIXED_POINT);
    assertClose("companion = reference", exact.companionScore(), reference, 1e-6, 1e-9);
  }

  /**
   * Far above the eigenvalues g is constant to rounding over many grid points, each a "maximum"
   * of the grid; they are compared as they are instead of each being searched (which once cost
   * a golden-section search of 72 evaluations apiece): beyond the grid, only the bisections of
   * true maxima (about 60 evaluations each) and two slopes per plateau point remain.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void plateausOfRoundingAreNotSearched(LogMeCase c, LinearAlgebraBackend backend) {
    LogMeEvidence exact = exact(c, backend, 1);
    double[] lambda = backend.symmetricEigen(backend.gram(c.features().matrix())).values();
    int grid = new EvidenceMaximizer.Spectrum(Arrays.copyOf(lambda, SpectralBasis.rank(lambda)))
        .gridSteps() + 1;
    for (int col = 0; col < exact.targetNames().size(); col++) {
      assertThat(exact.fit(col).iterations()).as(exact.targetNames().get(col))
          .isLessThanOrEqualTo(grid + 150);
    }
  }

  /**
   * The fixed-point equations of the evidence hold at the maximum (with ε = 0), where it is
   * attained; where the features interpolate the targets (rank = N, {@code cls-wide}) the
   * maximum is the noise-free limit β → ∞ instead, and the result says so.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void theMaximumIsAStationaryPoint(LogMeCase c, LinearAlgebraBackend backend) {
    if (c.features().sampleCount() <= c.features().dimension()) {
      LogMeEvidence limit = exact(c, backend, 1);
      assertThat(limit.warnings()).anyMatch(w -> w.contains("noise-free limit"));
      for (int col = 0; col < limit.betas().length; col++) {
        assertThat(limit.betas()[col]).isGreaterThan(1e10 * limit.alphas()[col]);
      }
      return;
    }
    LogMe logMe = new LogMe(LogMeAlgorithm.EXACT, backend);
    LogMeModel model = c.regression() ? logMe.fit(c.features(), c.targets())
        : logMe.fit(c.features(), c.labels());
    LogMeEvidence evidence = model.evidence();
    int n = evidence.sampleCount();
    Matrix y = c.regression() ? c.targets().matrix() : TargetColumns.indicators(c.labels()).matrix();
    Matrix predictions = model.decisionValues(c.features().matrix(), backend);
    SpectralBasis basis = n < evidence.dimension()
        ? SpectralBasis.ofOuterGram(c.features().matrix(), backend)
        : SpectralBasis.ofGram(backend.gram(c.features().matrix()), backend);
    for (int col = 0; col < y.cols(); col++) {
      double alpha = evidence.alphas()[col];
      double beta = evidence.betas()[col];
      double gamma = 0;
      for (double l : basis.eigenvalues()) {
        gamma += beta * l / (alpha + beta * l);
      }
      double m2 = 0;
      for (double w : model.weights().row(col)) {
        m2 += w * w;
      }
      double r2 = 0;
      for (int i = 0; i < n; i++) {
        double r = y.get(i, col) - predictions.get(i, col);
        r2 += r * r;
      }
      assertClose(c.name() + " column " + col + ": alpha = gamma/|m|^2", alpha, gamma / m2, 1e-6,
          0);
      assertClose(c.name() + " column " + col + ": beta = (N - gamma)/|r|^2", beta,
          (n - gamma) / r2, 1e-6, 0);
    }
  }

  /**
   * Against the definition: maximise log N(y; 0, β⁻¹I + α⁻¹FFᵀ), built and decomposed afresh for
   * every (α, β), by coordinate-wise golden-section search in log α and log β.
   */
  @Test
  void equalsABruteForceMaximisationOfTheClosedFormEvidence() {
    for (int[] shape : new int[][] {{40, 8, 8}, {40, 12, 5}, {15, 40, 15}}) {
      int n = shape[0];
      Matrix f = TestMatrices.rankDeficient(n, shape[1], shape[2], 3);
      Matrix y = TestMatrices.gaussian(n, 1, 4);
      for (int i = 0; i < n; i++) {
        y.set(i, 0, y.get(i, 0) + 0.8 * f.get(i, 0) - 0.3 * f.get(i, 1));
      }
      double exact = new LogMe(LogMeAlgorithm.EXACT, EJML)
          .evidence(new Features(f, "F"), Targets.regression(y, "y")).score();
      double[] logs = {0, 0};
      double best = Double.NEGATIVE_INFINITY;
      for (int round = 0; round < 40; round++) {
        for (int axis = 0; axis < 2; axis++) {
          double a = logs[axis] - 25;
          double b = logs[axis] + 25;
          for (int step = 0; step < 90; step++) {
            double c1 = b - 0.618034 * (b - a);
            double c2 = a + 0.618034 * (b - a);
            if (closed(f, y, logs, axis, c1) >= closed(f, y, logs, axis, c2)) {
              b = c2;
            } else {
              a = c1;
            }
          }
          logs[axis] = (a + b) / 2;
        }
        best = closed(f, y, logs, 0, logs[0]);
      }
      assertThat(exact).as("N=%d D=%d rank %d", n, shape[1], shape[2])
          .isGreaterThanOrEqualTo(best - 1e-10 * Math.abs(best));
      assertClose("exact vs brute force, N=" + n, exact, best, 1e-8, 1e-10);
    }
  }

  private static double closed(Matrix f, Matrix y, double[] logs, int axis, double value) {
    double logAlpha = axis == 0 ? value : logs[0];
    double logBeta = axis == 1 ? value : logs[1];
    return LogMePropertiesTest.closedFormEvidence(EJML, f, y.data(), Math.exp(logAlpha),
        Math.exp(logBeta)) / f.rows();
  }

  @Test
  void convergesWhereTheReferenceStopsAtItsCap() {
    HardCases.Problem p = HardCases.nonConverging();
    Features features = new Features(p.features(), "F");
    Labels labels = Labels.of(p.labels(), "y");
    LogMeEvidence capped = new LogMe(LogMeAlgorithm.FIXED_POINT, EJML).evidence(features, labels);
    LogMeEvidence exact = new LogMe(LogMeAlgorithm.EXACT, EJML).evidence(features, labels);
    assertThat(capped.warnings()).anyMatch(w -> w.contains("did not converge"));
    assertThat(exact.warnings()).noneMatch(w -> w.contains("did not converge"));
    assertThat(exact.score()).isGreaterThanOrEqualTo(capped.score());
    assertThat(capped.companionScore()).isEqualTo(exact.score());
  }

  @Test
  void anUnboundedMaximumIsAClearErrorAndTheReferenceStaysFinite() {
    // the features are the one-hot labels: a noise-free fit of every indicator
    double[] labels = new double[30];
    Matrix f = Matrix.zeros(30, 3);
    for (int i = 0; i < 30; i++) {
      labels[i] = i % 3;
      f.set(i, i % 3, 1);
    }
    Features features = new Features(f, "F");
    Labels y = Labels.of(labels, "y");
    assertThatThrownBy(() -> new LogMe(LogMeAlgorithm.EXACT, EJML).evidence(features, y))
        .isInstanceOf(NumericalException.class)
        .hasMessageContaining("unbounded").hasMessageContaining("fixed-point");
    LogMeEvidence reference = new LogMe(LogMeAlgorithm.FIXED_POINT, EJML).evidence(features, y);
    assertThat(reference.score()).isFinite();
    assertThat(reference.companionScore()).isNaN();
  }

  @Test
  void theEstimatorReportsBothScoresWhenTheyDiffer() {
    HardCases.Problem p = HardCases.clustered(1e4);
    var input = org.logme.api.estimator.EstimationInput.builder()
        .features(new Features(p.features(), "F")).labels(Labels.of(p.labels(), "y")).build();
    LogMeEstimatorProvider provider = new LogMeEstimatorProvider();
    EstimateResult reference = provider.create().estimate(input, EJML);
    EstimateResult exact = provider.create(EstimatorParameters.resolve("logme",
        provider.parameters(), java.util.Map.of("algorithm", "exact"))).estimate(input, EJML);
    assertThat(reference.details()).containsKey("exact_maximum");
    assertThat((Double) reference.details().get("exact_maximum")).isEqualTo(exact.score());
    assertThat(exact.details()).containsEntry("fixed_point_score", reference.score());
    assertThat(exact.details()).containsEntry("epsilon", 0.0);
    assertThat(reference.details()).containsEntry("epsilon", LogMeAlgorithm.EPSILON);
    // with epsilon = 0 the reference procedure is no longer biased by the scale
    EstimateResult noEpsilon = provider.create(EstimatorParameters.resolve("logme",
        provider.parameters(), java.util.Map.of("epsilon", "0"))).estimate(input, EJML);
    assertThat(Math.abs(noEpsilon.score() - exact.score()))
        .isLessThan(Math.abs(reference.score() - exact.score()));
    assertThat(List.of(reference.parameters().asText().get("epsilon"),
        noEpsilon.parameters().asText().get("epsilon"))).containsExactly("1e-5", "0");
  }
}
