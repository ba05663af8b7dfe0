package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;

/**
 * Leave-one-out kNN with k ∈ {1, 3, 5, 10} against scikit-learn's
 * {@code KNeighborsClassifier} under {@code LeaveOneOut} cross-validation
 * ({@code fixtures/knn/knn_loo.json}) on the shared baseline cases.
 */
class KnnFixtureTest {
  static Stream<Arguments> cases() {
    return Stream.of("blobs", "digits", "iris", "wide").flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void matchesScikitLearnsLeaveOneOutKnn(String c, LinearAlgebraBackend backend) {
    JsonNode scores = ReferenceFixtures.json("knn", "knn_loo.json").at("/scores/" + c);
    BaselineCase data = BaselineCase.load("baselines-" + c);
    scores.fieldNames().forEachRemaining(k -> {
      double expected = scores.get(k).asDouble();
      double actual = Estimators.create("knn", Map.of("k", k)).estimate(data.input(), backend)
          .score();
      FixtureErrors.record("knn k=" + k + " " + c, Math.abs(actual - expected));
      assertThat(actual).as("knn k=%s on %s", k, c).isCloseTo(expected, within(1e-12));
    });
  }
}
