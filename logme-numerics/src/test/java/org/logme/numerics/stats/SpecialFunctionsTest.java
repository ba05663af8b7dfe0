package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** ψ and ln Γ against scipy.special.digamma and gammaln (scipy 1.17). */
class SpecialFunctionsTest {
  /** x, digamma(x), gammaln(x) as scipy prints them. */
  private static final double[][] SCIPY = {
      {1e-10, -10000000000.577215, 23.025850929882733},
      {0.001, -1000.5755719318103, 6.907178885383853},
      {0.5, -1.9635100260214235, 0.5723649429247},
      {1, -0.5772156649015329, 0.0},
      {1.5, 0.03648997397857652, -0.12078223763524526},
      {2, 0.42278433509846713, 0.0},
      {3.7, 1.1671535393615113, 1.428072326665388},
      {9.99, 2.250700372831201, 12.779315214350195},
      {10, 2.251752589066721, 12.801827480081469},
      {25.5, 3.2189424728839198, 56.38916764371994},
      {1000.0, 6.907255195648812, 5905.220423209181},
      {1000000.0, 13.81551005796419, 12815504.569147611},
  };

  @Test
  void agreeWithScipy() {
    for (double[] row : SCIPY) {
      double psi = SpecialFunctions.digamma(row[0]);
      double lg = SpecialFunctions.logGamma(row[0]);
      assertThat(Math.abs(psi - row[1])).as("digamma(%s)", row[0])
          .isLessThanOrEqualTo(2e-15 * Math.max(1, Math.abs(row[1])));
      assertThat(Math.abs(lg - row[2])).as("gammaln(%s)", row[0])
          .isLessThanOrEqualTo(4e-15 * Math.max(1, Math.abs(row[2])));
    }
  }

  @Test
  void satisfyTheirRecurrences() {
    for (double x = 0.03; x < 40; x *= 1.37) {
      assertThat(SpecialFunctions.digamma(x + 1) - SpecialFunctions.digamma(x))
          .isCloseTo(1 / x, org.assertj.core.api.Assertions.within(1e-13 * Math.max(1, 1 / x)));
      assertThat(SpecialFunctions.logGamma(x + 1) - SpecialFunctions.logGamma(x))
          .isCloseTo(Math.log(x), org.assertj.core.api.Assertions.within(1e-13
              * Math.max(1, SpecialFunctions.logGamma(x + 1))));
    }
  }

  @Test
  void refuseNonPositiveArguments() {
    assertThatThrownBy(() -> SpecialFunctions.digamma(0)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> SpecialFunctions.logGamma(-1)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> SpecialFunctions.logGamma(Double.NaN)).isInstanceOf(
        IllegalArgumentException.class);
  }
}
