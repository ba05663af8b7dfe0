package org.logme.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparison with a relative tolerance and an absolute floor. */
public final class Tolerance {
  private Tolerance() {
  }

  /** Asserts |actual − expected| ≤ max(relative·|expected|, absolute). */
  public static void assertClose(String what, double actual, double expected, double relative,
      double absolute) {
    double allowed = Math.max(relative * Math.abs(expected), absolute);
    assertThat(Math.abs(actual - expected))
        .as("%s: actual %s, expected %s (allowed difference %s)", what, actual, expected, allowed)
        .isLessThanOrEqualTo(allowed);
  }

  /** Element-wise {@link #assertClose}. */
  public static void assertClose(String what, double[] actual, double[] expected, double relative,
      double absolute) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < actual.length; i++) {
      assertClose(what + "[" + i + "]", actual[i], expected[i], relative, absolute);
    }
  }

  /** @return the largest |value| */
  public static double maxAbs(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
