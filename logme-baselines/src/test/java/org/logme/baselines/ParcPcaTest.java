package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.Pca;

/**
 * PARC's PCA step, {@link Pca#randomizedScores} with the reference's settings, against the
 * reference's own output {@code expected_parc_pca32.npy}, on every backend. The randomized PCA
 * is only approximate when D &gt; 32, so this checks the draws (MT19937 seed 1919, legacy
 * Gaussian), the power iteration and the sign rule, not just the subspace.
 */
class ParcPcaTest {
  /** Largest element-wise error, relative to the largest |score|. */
  private static final double RELATIVE = 1e-8;

  static Stream<Arguments> cases() {
    return BaselineFixtureTest.cases()
        .filter(a -> ((BaselineCase) a.get()[0]).has("expected_parc_pca32.npy"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void matchesTheReferencesPcaOutput(BaselineCase c, LinearAlgebraBackend backend) {
    Matrix expected = c.array("expected_parc_pca32.npy");
    Matrix actual = Pca.randomizedScores(c.features(), 32, 10, 1, 1919, backend);
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.cols()).isEqualTo(expected.cols());
    double largest = 0;
    double worst = 0;
    for (int i = 0; i < expected.data().length; i++) {
      largest = Math.max(largest, Math.abs(expected.data()[i]));
      worst = Math.max(worst, Math.abs(expected.data()[i] - actual.data()[i]));
    }
    FixtureErrors.record("parc pca32 " + c + " (max abs error / max |value|)", worst / largest);
    assertThat(worst).as("max abs error on %s", c).isLessThanOrEqualTo(RELATIVE * largest);
  }
}
