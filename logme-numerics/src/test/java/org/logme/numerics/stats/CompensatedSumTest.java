package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompensatedSumTest {

  private static double exact(double[] xs) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double x : xs) {
      sum = sum.add(new BigDecimal(x));
    }
    return sum.doubleValue();
  }

  @Test
  void recoversWhatAPlainSumLoses() {
    // 1 followed by many terms below its last bit: a plain sum never moves
    double[] xs = new double[1_000_001];
    xs[0] = 1;
    for (int i = 1; i < xs.length; i++) {
      xs[i] = 1e-16;
    }
    double plain = 0;
    CompensatedSum compensated = CompensatedSum.ZERO;
    for (double x : xs) {
      plain += x;
      compensated = compensated.plus(x);
    }
    assertThat(plain).isEqualTo(1.0);
    assertThat(compensated.value()).isEqualTo(exact(xs));
  }

  @Test
  void handlesTermsLargerThanTheRunningSum() {
    // Kahan's algorithm loses the 1 here; Neumaier's keeps it
    CompensatedSum s = CompensatedSum.ZERO.plus(1).plus(1e100).plus(1).plus(-1e100);
    assertThat(s.value()).isEqualTo(2.0);
  }

  @Test
  void mergingPartialSumsMatchesOneSumToTheLastBit() {
    Random random = new Random(3);
    double[] xs = new double[20_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextGaussian() * Math.pow(10, random.nextInt(12)) + 1e6;
    }
    double expected = exact(xs);
    CompensatedSum[] parts = new CompensatedSum[7];
    java.util.Arrays.fill(parts, CompensatedSum.ZERO);
    for (int i = 0; i < xs.length; i++) {
      parts[i % parts.length] = parts[i % parts.length].plus(xs[i]);
    }
    CompensatedSum leftToRight = CompensatedSum.ZERO;
    for (CompensatedSum p : parts) {
      leftToRight = leftToRight.plus(p);
    }
    CompensatedSum rightToLeft = CompensatedSum.ZERO;
    for (int k = parts.length - 1; k >= 0; k--) {
      rightToLeft = rightToLeft.plus(parts[k]);
    }
    assertThat(Math.abs(leftToRight.value() - expected)).isLessThanOrEqualTo(Math.ulp(expected));
    assertThat(Math.abs(rightToLeft.value() - expected)).isLessThanOrEqualTo(Math.ulp(expected));
  }
}
