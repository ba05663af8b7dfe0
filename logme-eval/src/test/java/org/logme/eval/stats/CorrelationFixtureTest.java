package org.logme.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.testing.SharedFixtures;

/** The pairs of {@code ../shared/fixtures/rank-correlation}, computed by scipy, to 1e-12. */
class CorrelationFixtureTest {
  private static final double TOLERANCE = 1e-12;

  static Stream<Integer> pairs() {
    return IntStream.range(0, SharedFixtures.expected("rank-correlation").get("pairs").size())
        .boxed();
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  @ParameterizedTest(name = "pair {0}")
  @MethodSource("pairs")
  void matchesScipy(int index) {
    JsonNode pair = SharedFixtures.expected("rank-correlation").get("pairs").get(index);
    double[] scores = doubles(pair.get("scores"));
    double[] accuracies = doubles(pair.get("accuracies"));
    assertThat(Correlation.weightedTau(scores, accuracies).value()).as("weighted tau")
        .isCloseTo(pair.get("weighted_tau").asDouble(), within(TOLERANCE));
    assertThat(Correlation.kendallTauB(scores, accuracies).value()).as("kendall tau-b")
        .isCloseTo(pair.get("kendall_tau_b").asDouble(), within(TOLERANCE));
    assertThat(Correlation.spearman(scores, accuracies).value()).as("spearman")
        .isCloseTo(pair.get("spearman").asDouble(), within(TOLERANCE));
    assertThat(Correlation.pearson(scores, accuracies).value()).as("pearson")
        .isCloseTo(pair.get("pearson").asDouble(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "pair {0}")
  @MethodSource("pairs")
  void everyCoefficientIsSymmetric(int index) {
    JsonNode pair = SharedFixtures.expected("rank-correlation").get("pairs").get(index);
    double[] x = doubles(pair.get("scores"));
    double[] y = doubles(pair.get("accuracies"));
    assertThat(Correlation.weightedTau(y, x).value())
        .isCloseTo(Correlation.weightedTau(x, y).value(), within(1e-15));
    assertThat(Correlation.kendallTauB(y, x).value())
        .isCloseTo(Correlation.kendallTauB(x, y).value(), within(1e-15));
  }
}
