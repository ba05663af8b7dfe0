package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logme.core.testing.Tolerance.assertClose;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.PluginRegistry;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.core.testing.LogMeCase;

class LogMeEstimatorTest {
  private final LinearAlgebraBackend backend = Backends.all().get(0);

  private static EstimatorProvider provider() {
    return PluginRegistry.discover("estimator", EstimatorProvider.class, EstimatorProvider::name)
        .get("logme");
  }

  @Test
  void isFoundByServiceLoaderAndHonoursTheAlgorithmParameter() {
    LogMeCase c = LogMeCase.load("cls-wide");
    EstimatorProvider provider = provider();
    EstimateResult exact = provider.create().estimate(c.input(), backend);
    assertClose("exact", exact.score(), c.logme().get("exact_score").asDouble(), 1e-6, 1e-9);
    assertThat(exact.details()).containsEntry("algorithm", "fixed-point").containsEntry("rank", 60)
        .containsKey("reference_score");
    assertThat((String) exact.details().get("decomposition")).contains("F·Fᵀ (60x60)");
    EstimateResult mackay = provider.create(EstimatorParameters.resolve("logme",
        provider.parameters(), Map.of("algorithm", "mackay"))).estimate(c.input(), backend);
    assertClose("mackay", mackay.score(), c.logme().at("/icml/score").asDouble(), 1e-6, 1e-9);
    assertThat(mackay.targetNames()).containsExactly("0", "1", "2");
    assertThat(java.util.Arrays.stream(mackay.iterations()).boxed().toList()).hasSize(3)
        .allMatch(i -> i >= 1 && i <= 11);
  }

  @Test
  void remappedClassIdsAreReported() {
    Matrix f = org.logme.api.linalg.TestMatrices.gaussian(6, 2, 1);
    EstimationInput input = EstimationInput.builder().features(new Features(f, "F"))
        .labels(Labels.of(new double[] {0, 5, 5, 2, 0, 2}, "y")).build();
    EstimateResult result = provider().create().estimate(input, backend);
    assertThat(result.details()).containsEntry("class_ids", List.of(0L, 2L, 5L));
    assertThat(result.targetNames()).containsExactly("0", "2", "5");
    assertThat(result.warnings()).anyMatch(w -> w.contains("mapped to 0..2"));
  }

  @Test
  void missingTargetsAreAClearError() {
    EstimationInput input = EstimationInput.builder()
        .features(new Features(Matrix.zeros(3, 2), "F")).build();
    assertThatThrownBy(() -> provider().create().estimate(input, backend))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("estimator 'logme' needs features + labels or features + targets");
  }
}
