package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.Tolerance.assertClose;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;
import org.logme.core.testing.HardCases.Problem;
import org.logme.core.testing.HardCases;

/**
 * Numerical honesty: when the fixed point stops at its cap, or the reference's ε biases the
 * evidence, the result says so in one warning; the score stays finite.
 */
class LogMeHonestyTest {

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  private static LogMeModel fit(Problem p, LinearAlgebraBackend backend) {
    return new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
        .fit(new Features(p.features(), "F"), Labels.of(p.labels(), "y"));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void hittingTheIterationCapGivesOneWarningNamingTheClasses(LinearAlgebraBackend backend) {
    Problem p = HardCases.nonConverging();
    LogMeModel model = fit(p, backend);
    assertThat(model.evidence().iterations()).contains(LogMeAlgorithm.MAX_ITERATIONS);
    assertThat(model.evidence().warnings()).singleElement().asString()
        .startsWith("LogME's fixed-point iteration did not converge within 11 iterations for ")
        .contains(" of 3 classes (", "relative change of α/β", "> 0.001",
            "the evidence is that of the last iterate");
    assertThat(model.evidence().score()).isFinite();
  }

  @Test
  void theSearchForANonConvergingProblemIsStable() {
    assertThat(HardCases.nonConverging().seed()).isEqualTo(HardCases.nonConverging().seed());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void smallScalesChangeNothingAndLargeOnesAreFlagged(LinearAlgebraBackend backend) {
    LogMeModel unit = fit(HardCases.clustered(1), backend);
    assertThat(unit.evidence().warnings()).isEmpty();
    for (double scale : new double[] {1e-6, 1e-3}) {
      LogMeModel small = fit(HardCases.clustered(scale), backend);
      assertThat(small.evidence().warnings()).as("scale %s", scale).isEmpty();
      assertClose("score at scale " + scale, small.evidence().score(), unit.evidence().score(),
          1e-6, 0);
    }
    LogMeModel large = fit(HardCases.clustered(1e6), backend);
    assertThat(large.evidence().score()).isFinite().isLessThan(unit.evidence().score() - 0.1);
    assertThat(large.evidence().warnings()).singleElement().asString()
        .startsWith("ε = 1.0E-5 in the α update of the reference implementation lowers the"
            + " evidence of 3 of 3 classes (0, 1, 2) by up to ")
        .contains(" per sample (worst: class ", "rescale them to values near 1");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void constantFeaturesGiveAFiniteScore(LinearAlgebraBackend backend) {
    Problem p = HardCases.clustered(1);
    double[] f = p.features().data().clone();
    java.util.Arrays.fill(f, 3.0);
    LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend).fit(new Features(
        org.logme.api.linalg.Matrix.wrap(300, 20, f), "F"), Labels.of(p.labels(), "y"));
    assertThat(model.evidence().rank()).isEqualTo(1);
    assertThat(model.evidence().score()).isFinite();
  }
}
