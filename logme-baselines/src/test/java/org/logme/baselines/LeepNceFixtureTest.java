package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.Tolerance.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.io.NpyReader;
import org.logme.api.testing.Backends;
import org.logme.api.testing.SharedFixtures;

/**
 * The {@code leep-nce} reference case (thuml/LogME {@code LEEP.py}, {@code NCE.py}) through the
 * providers found by ServiceLoader, on every backend. The fixture README allows 1e-6 relative;
 * both are held to 1e-9 relative here.
 */
class LeepNceFixtureTest {
  private static final double RELATIVE = 1e-9;
  private static final Path DIR = SharedFixtures.fixture("leep-nce");
  private static final JsonNode EXPECTED = SharedFixtures.expected("leep-nce");

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  private static Labels labels() {
    return Labels.of(NpyReader.read(DIR.resolve("labels.npy")).asVector("labels"), "labels.npy");
  }

  private static SourceProbabilities probabilities() {
    return new SourceProbabilities(NpyReader.read(DIR.resolve("source_probs.npy")).asMatrix(),
        "source_probs.npy");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void leepMatchesTheReference(LinearAlgebraBackend backend) {
    EstimationInput input = EstimationInput.builder().labels(labels())
        .sourceProbabilities(probabilities()).build();
    double score = Estimators.create("leep").estimate(input, backend).score();
    assertClose("leep", score, EXPECTED.get("leep").asDouble(), RELATIVE, 0);
    FixtureErrors.record("leep leep-nce", relative(score, EXPECTED.get("leep").asDouble()));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void nceFromHardSourceLabelsMatchesTheReference(LinearAlgebraBackend backend) {
    SourceLabels hard = SourceLabels.of(
        NpyReader.read(DIR.resolve("source_labels.npy")).asVector("source labels"),
        "source_labels.npy");
    EstimationInput input = EstimationInput.builder().labels(labels()).sourceLabels(hard).build();
    EstimateResult result = Estimators.create("nce").estimate(input, backend);
    assertClose("nce", result.score(), EXPECTED.get("nce").asDouble(), RELATIVE, 0);
    assertThat(result.details()).containsEntry("source_labels", "given");
    FixtureErrors.record("nce leep-nce", relative(result.score(), EXPECTED.get("nce").asDouble()));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void nceFromProbabilitiesTakesTheArgmax(LinearAlgebraBackend backend) {
    EstimationInput input = EstimationInput.builder().labels(labels())
        .sourceProbabilities(probabilities()).build();
    EstimateResult result = Estimators.create("nce").estimate(input, backend);
    assertClose("nce", result.score(), EXPECTED.get("nce").asDouble(), RELATIVE, 0);
    assertThat(result.details()).containsEntry("source_labels",
        "argmax of the source probabilities");
  }

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.abs(expected);
  }
}
