package org.logme.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;

/**
 * Tie-heavy cases and the documentation example, with expected values computed by scipy 1.17.1
 * (numpy 2.4.6): {@code scipy.stats.weightedtau(x, y).statistic},
 * {@code kendalltau(x, y).statistic}, {@code spearmanr(x, y).statistic},
 * {@code pearsonr(x, y).statistic}.
 */
class CorrelationTest {
  private static final double TOLERANCE = 1e-12;

  static Stream<Arguments> scipyCases() {
    return Stream.of(
        // the example of the scipy.stats.weightedtau documentation
        Arguments.of("doc", new double[] {12, 2, 1, 12, 2}, new double[] {1, 4, 7, 1, 0},
            -0.5669496815368272, -0.4714045207910316, -0.5407380704358752, -0.5566399985665696),
        Arguments.of("ties in both", new double[] {1, 1, 2, 2, 3, 3, 3, 4},
            new double[] {5, 5, 1, 2, 2, 2, 9, 0},
            -0.3202443725111978, -0.38306543884143696, -0.4458689170643706,
            -0.31183151790385666),
        Arguments.of("joint ties", new double[] {0.5, 0.5, 0.5, 0.9, 0.1, 0.9},
            new double[] {80, 80, 70, 90, 60, 90},
            0.9504097477007429, 0.9198662110077999, 0.9534625892455922, 0.9469425238482128),
        Arguments.of("binary", new double[] {0, 1, 0, 1, 1, 0, 1, 0, 0, 1},
            new double[] {1, 1, 0, 0, 1, 0, 1, 1, 0, 1},
            0.5063280604719707, 0.4082482904638631, 0.408248290463863, 0.40824829046386296),
        Arguments.of("one pair differs", new double[] {1, 1, 1, 1, 2},
            new double[] {3, 3, 3, 3, 3.5}, 0.9999999999999998, 1.0, 1.0, 1.0),
        Arguments.of("reversed with ties", new double[] {3, 3, 2, 2, 1, 1},
            new double[] {1, 2, 2, 3, 3, 4},
            -0.8075487837751423, -0.8006407690254358, -0.8616404368553291,
            -0.8528028654224418));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scipyCases")
  void matchesScipyOnTies(String name, double[] x, double[] y, double weightedTau,
      double kendall, double spearman, double pearson) {
    assertThat(Correlation.weightedTau(x, y).value()).isCloseTo(weightedTau, within(TOLERANCE));
    assertThat(Correlation.weightedTau(y, x).value()).isCloseTo(weightedTau, within(TOLERANCE));
    assertThat(Correlation.kendallTauB(x, y).value()).isCloseTo(kendall, within(TOLERANCE));
    assertThat(Correlation.spearman(x, y).value()).isCloseTo(spearman, within(TOLERANCE));
    assertThat(Correlation.pearson(x, y).value()).isCloseTo(pearson, within(TOLERANCE));
  }

  @Test
  void weightedTauEqualsThePairwiseDefinitionOnRandomTieHeavyData() {
    Random random = new Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int n = 2 + random.nextInt(30);
      int levels = 1 + random.nextInt(6);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = random.nextInt(levels);
        y[i] = random.nextInt(levels) * 0.5 - 1;
      }
      Statistic fast = Correlation.weightedTau(x, y);
      double definition = (PairwiseDefinition.tau(x, y) + PairwiseDefinition.tau(y, x)) / 2;
      if (Double.isNaN(definition)) {
        assertThat(fast.defined()).as("trial %d", trial).isFalse();
      } else {
        assertThat(fast.value()).as("trial %d", trial).isCloseTo(definition, within(1e-13));
      }
    }
  }

  @Test
  void perfectAgreementAndReversal() {
    double[] x = {1, 2, 3, 4, 5};
    double[] reversed = {50, 40, 30, 20, 10};
    assertThat(Correlation.weightedTau(x, x).value()).isEqualTo(1.0);
    assertThat(Correlation.weightedTau(x, reversed).value()).isCloseTo(-1.0, within(1e-15));
    assertThat(Correlation.kendallTauB(x, reversed).value()).isCloseTo(-1.0, within(1e-15));
    assertThat(Correlation.spearman(x, reversed).value()).isCloseTo(-1.0, within(1e-15));
  }

  @Test
  void constantScoresAreUndefinedWithAReason() {
    double[] constant = {0.5, 0.5, 0.5};
    double[] truth = {1, 2, 3};
    for (Statistic s : new Statistic[] {Correlation.weightedTau(constant, truth),
        Correlation.kendallTauB(constant, truth), Correlation.spearman(constant, truth),
        Correlation.pearson(constant, truth), Correlation.weightedPearson(constant, truth)}) {
      assertThat(s.defined()).isFalse();
      assertThat(s.value()).isNaN();
      assertThat(s.undefinedReason()).contains("every model has the same score (0.5)");
    }
    assertThat(Correlation.weightedTau(truth, constant).undefinedReason())
        .contains("every model has the same ground-truth value (0.5)");
  }

  @Test
  void fewerThanTwoModelsAreUndefinedWithAReason() {
    assertThat(Correlation.weightedTau(new double[] {1}, new double[] {2}).undefinedReason())
        .contains("fewer than 2 models (1)");
    assertThat(Correlation.pearson(new double[0], new double[0]).undefinedReason())
        .contains("fewer than 2 models (0)");
  }

  @Test
  void nonFiniteOrMismatchedInputIsRefused() {
    assertThatThrownBy(() -> Correlation.weightedTau(new double[] {1, Double.NaN},
        new double[] {1, 2})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("score of model 1 is NaN");
    assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2},
        new double[] {1, Double.POSITIVE_INFINITY})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ground-truth value of model 1 is Infinity");
    assertThatThrownBy(() -> Correlation.kendallTauB(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 scores but 1");
  }

  @Test
  void weightedPearsonWithEqualWeightsIsPearson() {
    double[] x = {0.3, 1.2, -0.5, 2.0, 0.7};
    double[] y = {10, 14, 9, 13, 12};
    assertThat(Correlation.weightedPearson(x, y, new double[] {2, 2, 2, 2, 2}).value())
        .isCloseTo(Correlation.pearson(x, y).value(), within(1e-15));
  }

  @Test
  void weightedPearsonWeighsTheBestModelsMost() {
    // hand-computed: weights 1, 1/2, 1/3 for truth ranks 0, 1, 2 (truth 3 > 2 > 1)
    double[] x = {3, 1, 2};
    double[] y = {3, 2, 1};
    double[] w = {1, 0.5, 1.0 / 3};
    double sw = w[0] + w[1] + w[2];
    double mx = (w[0] * 3 + w[1] * 1 + w[2] * 2) / sw;
    double my = (w[0] * 3 + w[1] * 2 + w[2] * 1) / sw;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < 3; i++) {
      sxy += w[i] * (x[i] - mx) * (y[i] - my);
      sxx += w[i] * (x[i] - mx) * (x[i] - mx);
      syy += w[i] * (y[i] - my) * (y[i] - my);
    }
    assertThat(Correlation.weightedPearson(x, y).value())
        .isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-14));
  }

  /** Vigna's definition, pair by pair, O(n²): the oracle for the O(n log n) algorithm. */
  private static final class PairwiseDefinition {
    static double tau(double[] x, double[] y) {
      int n = x.length;
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> x[a] != x[b] ? Double.compare(x[b], x[a])
          : Double.compare(y[b], y[a]));
      double[] w = new double[n];
      for (int r = 0; r < n; r++) {
        w[order[r]] = 1.0 / (r + 1);
      }
      double num = 0;
      double notTiedX = 0;
      double notTiedY = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double wij = w[i] + w[j];
          double sx = Math.signum(x[i] - x[j]);
          double sy = Math.signum(y[i] - y[j]);
          num += wij * sx * sy;
          notTiedX += sx != 0 ? wij : 0;
          notTiedY += sy != 0 ? wij : 0;
        }
      }
      return notTiedX == 0 || notTiedY == 0 ? Double.NaN
          : num / Math.sqrt(notTiedX) / Math.sqrt(notTiedY);
    }
  }
}
