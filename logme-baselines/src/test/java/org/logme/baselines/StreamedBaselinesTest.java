package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.NumericalException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.InputFiles;
import org.logme.io.StreamingStatistics;

/**
 * The estimators that work from streamed statistics give the in-memory score to 1e-9 relative
 * on every labelled fixture and backend: H-score (both variants) and the shrinkage H-score.
 * Where the centred features are rank-deficient (N &lt; D), H-score refuses the statistics and
 * says to read the features into memory, or, when the caller allows it, reads the rows and gives
 * exactly the in-memory score with a warning; the shrinkage H-score still streams.
 */
class StreamedBaselinesTest {
  static final double PARITY = 1e-9;

  static Stream<Arguments> cases() {
    return SharedFixtures.cases("baselines-", "cls-", "leep-nce").stream()
        .filter(name -> Files.exists(SharedFixtures.fixture(name).resolve("labels.npy")))
        .flatMap(name -> Stream.of(Map.of("name", "hscore"),
            Map.of("name", "hscore", "variant", "parc"), Map.of("name", "hscore-shrinkage"))
            .flatMap(e -> Backends.all().stream().map(b -> Arguments.of(name, e, b))));
  }

  @ParameterizedTest(name = "{0}, {1} on {3}")
  @MethodSource("cases")
  void streamedScoreEqualsInMemoryScore(String name, Map<String, String> estimator,
      LinearAlgebraBackend backend) {
    Path dir = SharedFixtures.fixture(name);
    String features = dir.resolve("features.npy").toString();
    Labels labels = InputFiles.labels(dir.resolve("labels.npy").toString());
    Map<String, String> parameters = new java.util.HashMap<>(estimator);
    String estimatorName = parameters.remove("name");
    TransferabilityEstimator e = Estimators.create(estimatorName, parameters);
    assertThat(e.acceptsFeatureStatistics()).isTrue();
    double memory = e.estimate(EstimationInput.builder().features(InputFiles.features(features))
        .labels(labels).build(), backend).score();
    FeatureStatistics statistics = StreamingStatistics.read(features, labels, backend);
    EstimationInput streamed = EstimationInput.builder().featureStatistics(statistics)
        .labels(labels).build();
    if (estimatorName.equals("hscore") && statistics.count() < statistics.dimension()) {
      assertThatThrownBy(() -> e.estimate(streamed, backend))
          .isInstanceOf(NumericalException.class)
          .hasMessageContaining("rank-deficient")
          .hasMessageContaining("--read memory");
      int[] reads = {0};
      EstimationInput withRows = EstimationInput.builder().featureStatistics(statistics)
          .featuresOnRequest(() -> {
            reads[0]++;
            return InputFiles.features(features);
          }).labels(labels).build();
      var result = e.estimate(withRows, backend);
      assertThat(result.score()).isEqualTo(memory);
      assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
          .contains("read into memory"));
      assertThat(reads[0]).isEqualTo(1);
      return;
    }
    double fromStatistics = e.estimate(streamed, backend).score();
    double relative = Math.abs(fromStatistics - memory) / Math.abs(memory);
    FixtureErrors.record("streamed " + estimator + " " + name, relative);
    assertThat(relative).as("%s %s: streamed %s, in memory %s", name, estimator, fromStatistics,
        memory).isLessThanOrEqualTo(PARITY);
  }
}
