package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;
import org.logme.numerics.stats.StratifiedKFold;

/**
 * kNN's k-fold mode against scikit-learn's {@code KNeighborsClassifier} under
 * {@code StratifiedKFold(F, shuffle=True, random_state=seed)} (the folds themselves, and the
 * accuracy and binary F1 averaged over folds), and its F1 metric against transformer-ranker's
 * {@code NearestNeighbors} run in numpy ({@code fixtures/knn/knn_folds.json}, made by
 * {@code make_knn_folds.py}) on the shared baseline cases; binary tasks are y mod 2.
 */
class KnnFoldsFixtureTest {
  private static final JsonNode FIXTURE = ReferenceFixtures.json("knn", "knn_folds.json");
  private static final String[] SPLITS = {"F5_seed0", "F3_seed7"};

  static Stream<Arguments> cases() {
    return Stream.of("blobs", "digits", "iris", "wide").flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  private static int[] labels(BaselineCase data, boolean binary) {
    int[] y = new int[data.labels().length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (int) data.labels()[i] % (binary ? 2 : Integer.MAX_VALUE);
    }
    return y;
  }

  private static double[] asDouble(int[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i];
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("caseNames")
  void foldsAreScikitLearnsStratifiedKFold(String c) {
    int[] y = labels(BaselineCase.load("baselines-" + c), false);
    for (String key : SPLITS) {
      int splits = Integer.parseInt(key.substring(1, key.indexOf('_')));
      long seed = Long.parseLong(key.substring(key.indexOf("seed") + 4));
      JsonNode expected = FIXTURE.at("/folds/" + c + "/" + key);
      int[] actual = StratifiedKFold.testFolds(y, splits, seed);
      for (int i = 0; i < y.length; i++) {
        assertThat(actual[i]).as("%s %s sample %d", c, key, i).isEqualTo(expected.get(i).asInt());
      }
    }
  }

  static Stream<String> caseNames() {
    return Stream.of("blobs", "digits", "iris", "wide");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void kFoldAccuracyAndF1MatchScikitLearn(String c, LinearAlgebraBackend backend) {
    BaselineCase data = BaselineCase.load("baselines-" + c);
    for (boolean binary : new boolean[] {false, true}) {
      JsonNode scores = FIXTURE.at((binary ? "/kfold_f1/" : "/kfold_accuracy/") + c);
      double[] y = asDouble(labels(data, binary));
      scores.fieldNames().forEachRemaining(key -> {
        String[] parts = key.split("_");
        Map<String, String> parameters = Map.of("k", parts[0].substring(1),
            "folds", parts[1].substring(1), "seed", parts[2].substring(4),
            "metric", binary ? "f1" : "accuracy");
        double actual = Estimators.create("knn", parameters)
            .estimate(data.input(data.features(), y), backend).score();
        double expected = scores.get(key).asDouble();
        FixtureErrors.record("knn " + (binary ? "f1 " : "") + key + " " + c,
            Math.abs(actual - expected));
        assertThat(actual).as("knn %s %s on %s", binary ? "f1" : "accuracy", key, c)
            .isCloseTo(expected, within(1e-9));
      });
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void f1MatchesTransformerRanker(String c, LinearAlgebraBackend backend) {
    BaselineCase data = BaselineCase.load("baselines-" + c);
    for (boolean binary : new boolean[] {false, true}) {
      JsonNode scores = FIXTURE.at("/transformer_ranker/" + c + (binary ? "/binary" : "/multiclass"));
      double[] y = asDouble(labels(data, binary));
      scores.fieldNames().forEachRemaining(key -> {
        double actual = Estimators.create("knn", Map.of("k", key.substring(1), "metric", "f1"))
            .estimate(data.input(data.features(), y), backend).score();
        double expected = 100 * scores.get(key).asDouble();
        FixtureErrors.record("knn transformer-ranker " + key + " " + c,
            Math.abs(actual - expected));
        assertThat(actual).as("knn f1 %s on %s (%s)", key, c, binary ? "binary" : "multiclass")
            .isCloseTo(expected, within(1e-9));
      });
    }
  }

  @Test
  void tooManyFoldsOrNeighboursAreClearErrors() {
    BaselineCase data = BaselineCase.load("baselines-iris");
    LinearAlgebraBackend backend = Backends.all().get(0);
    assertThatThrownBy(() -> Estimators.create("knn", Map.of("folds", "60"))
        .estimate(data.input(), backend)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("60 folds").hasMessageContaining("knn.folds");
    assertThat(Estimators.create("knn", Map.of("folds", "2", "k", "3"))
        .estimate(data.input(), backend).details()).containsEntry("cross_validation",
        "stratified 2-fold, seed 0");
  }
}
