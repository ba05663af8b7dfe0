package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpearmanTest {

  @Test
  void averageRanksShareTiedPositions() {
    assertThat(Ranks.ascending(new double[] {10, 20, 10, 30, 20, 20}))
        .containsExactly(1.5, 4, 1.5, 6, 4, 4);
  }

  /** Pearson correlation by the definition. */
  private static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  @Test
  void withBinaryEqualsPearsonOfRanksIncludingTiesAcrossGroups() {
    Random random = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + trial * 7;
      double[] v = new double[n];
      double[] b = new double[n];
      int ones = 0;
      for (int i = 0; i < n; i++) {
        v[i] = random.nextInt(15) + (trial % 2 == 0 ? random.nextDouble() : 0); // ties if odd
        b[i] = random.nextDouble() < 0.3 + 0.02 * trial ? 1 : 0;
        ones += (int) b[i];
      }
      double[] zeros = new double[n - ones];
      double[] onesValues = new double[ones];
      int z = 0;
      int o = 0;
      for (int i = 0; i < n; i++) {
        if (b[i] == 1) {
          onesValues[o++] = v[i];
        } else {
          zeros[z++] = v[i];
        }
      }
      double expected = pearson(Ranks.ascending(v), Ranks.ascending(b));
      assertThat(Spearman.withBinary(zeros, onesValues)).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void perfectSeparationAndDegenerateCases() {
    double rho = Spearman.withBinary(new double[] {1, 2, 3}, new double[] {4, 5});
    assertThat(rho).isCloseTo(pearson(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 1, 1}),
        within(1e-15));
    assertThat(Spearman.withBinary(new double[] {2, 2}, new double[] {2})).isNaN();
    assertThatThrownBy(() -> Spearman.withBinary(new double[0], new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Fed range by range (ties within ranges), the accumulation is withBinary's to the bit. */
  @Test
  void binaryRanksOverRangesEqualsOnePassBitForBit() {
    Random random = new Random(9);
    int n = 5000;
    double[] zeros = new double[n];
    double[] ones = new double[n / 7];
    for (int i = 0; i < zeros.length; i++) {
      zeros[i] = random.nextInt(400) / 100.0;
    }
    for (int i = 0; i < ones.length; i++) {
      ones[i] = random.nextInt(300) / 100.0 + 0.5;
    }
    double whole = Spearman.withBinary(zeros, ones);
    java.util.Arrays.sort(zeros);
    java.util.Arrays.sort(ones);
    for (double cut : new double[] {0.25, 1.0, 2.5}) {
      Spearman.BinaryRanks ranks = new Spearman.BinaryRanks(zeros.length, ones.length);
      double[] limits = {cut / 2, cut, Double.POSITIVE_INFINITY};
      int a = 0;
      int b = 0;
      for (double limit : limits) {
        int aEnd = a;
        while (aEnd < zeros.length && zeros[aEnd] < limit) {
          aEnd++;
        }
        int bEnd = b;
        while (bEnd < ones.length && ones[bEnd] < limit) {
          bEnd++;
        }
        ranks.add(zeros, a, aEnd, ones, b, bEnd);
        a = aEnd;
        b = bEnd;
      }
      assertThat(ranks.correlation()).isEqualTo(whole);
    }
    Spearman.BinaryRanks partial = new Spearman.BinaryRanks(3, 2);
    partial.add(new double[] {1, 2}, 0, 2, new double[] {4}, 0, 1);
    assertThatThrownBy(partial::correlation).isInstanceOf(IllegalStateException.class);
  }
}
