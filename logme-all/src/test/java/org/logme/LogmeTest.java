package org.logme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.UnknownPluginException;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.testing.SharedFixtures;

class LogmeTest {
  private static final Path BLOBS = SharedFixtures.fixture("cls-blobs");
  private static final JsonNode EXPECTED = SharedFixtures.expected("cls-blobs");

  @Test
  void findsEveryEstimatorAndBackendOnTheClassPath() {
    assertThat(Logme.estimators()).contains("logme", "hscore", "leep", "nce", "sfda",
        "transrate", "parc", "nleep", "gbc", "knn", "hscore-shrinkage");
    assertThat(Logme.backends()).contains("ejml", "commons", "native");
  }

  @Test
  void scoresFilesOnEveryBackendToTheReference() {
    double expected = EXPECTED.at("/logme/exact_score").asDouble();
    for (String backend : Logme.backends()) {
      double score = Logme.estimator("logme").backend(backend).threads(1)
          .score(BLOBS.resolve("features.npy"), BLOBS.resolve("labels.npy"));
      assertThat(score).as(backend).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
    }
  }

  @Test
  void arraysOfDoublesAndFloatsScoreAsTheFilesDo() {
    Random random = new Random(4);
    double[][] features = new double[90][5];
    float[][] floats = new float[90][5];
    int[] labels = new int[90];
    for (int i = 0; i < 90; i++) {
      labels[i] = 10 * (i % 3);
      for (int j = 0; j < 5; j++) {
        floats[i][j] = (float) (random.nextGaussian() + (j == i % 3 ? 2 : 0));
        features[i][j] = floats[i][j];
      }
    }
    Scorer logme = Logme.estimator("logme");
    EstimateResult result = logme.estimate(features, labels);
    assertThat(logme.score(floats, labels)).isEqualTo(result.score());
    assertThat(result.targetNames()).containsExactly("0", "10", "20");
    assertThat(Logme.estimator("hscore").score(features, labels)).isPositive();
  }

  @Test
  void parametersAreTypedAndRecordedInTheResult() {
    Scorer mackay = Logme.estimator("logme").parameter("algorithm", "mackay");
    assertThat(mackay.parameters().asText()).containsEntry("algorithm", "mackay");
    EstimateResult result = mackay.estimate(BLOBS.resolve("features.npy"),
        BLOBS.resolve("labels.npy"));
    assertThat(result.parameters().asText()).containsEntry("algorithm", "mackay");
    assertThat(result.score()).isCloseTo(EXPECTED.at("/logme/icml/score").asDouble(),
        within(1e-6 * Math.abs(result.score())));
  }

  @Test
  void mistakesAreClearErrors() {
    assertThatThrownBy(() -> Logme.estimator("logmee"))
        .isInstanceOf(UnknownPluginException.class).hasMessageContaining("logme");
    assertThatThrownBy(() -> Logme.estimator("logme").backend("cuda"))
        .isInstanceOf(UnknownPluginException.class).hasMessageContaining("ejml");
    assertThatThrownBy(() -> Logme.estimator("logme").parameter("algorithm", "newton"))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("mackay");
    assertThatThrownBy(() -> Logme.estimator("logme").threads(0))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> Logme.estimator("logme").score(new double[][] {{1, 2}, {3}},
        new int[] {0, 1})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 1 has 1 values but row 0 has 2");
    assertThatThrownBy(() -> Logme.estimator("logme").score(new double[][] {{1}, {2}, {3}},
        new int[] {0, 1})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row counts disagree");
  }
}
