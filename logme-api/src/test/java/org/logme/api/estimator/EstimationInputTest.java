package org.logme.api.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.NumericalException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

class EstimationInputTest {

  private static final Features THREE_ROWS = new Features(Matrix.zeros(3, 2).copy(), "F.npy");

  @Test
  void rowCountsMustAgree() {
    Labels twoRows = Labels.of(new double[] {0, 1}, "y.npy");
    assertThatThrownBy(() -> EstimationInput.builder().features(THREE_ROWS).labels(twoRows).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("row counts disagree: features (F.npy) has 3 rows but labels (y.npy) has 2"
            + " rows; every input must have one row per target sample, in the same order");
  }

  @Test
  void labelsAndTargetsAreExclusive() {
    assertThatThrownBy(() -> EstimationInput.builder()
        .labels(Labels.of(new double[] {0, 1, 1}, "y.npy"))
        .targets(Targets.regression(Matrix.zeros(3, 1), "T.npy")).build())
        .hasMessageContaining("give one of them");
  }

  @Test
  void missingInputsNameTheOptions() {
    TransferabilityEstimator estimator = new TransferabilityEstimator() {
      @Override
      public String name() {
        return "demo";
      }

      @Override
      public List<Set<InputKind>> acceptedInputs() {
        return List.of(Set.of(InputKind.FEATURES, InputKind.LABELS));
      }

      @Override
      public EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
        throw new UnsupportedOperationException();
      }
    };
    EstimationInput onlyFeatures = EstimationInput.builder().features(THREE_ROWS).build();
    assertThat(estimator.missingInputs(onlyFeatures)).isPresent().get().asString()
        .startsWith("estimator 'demo' needs ").contains("--features").contains("--labels");
    EstimationInput both = EstimationInput.builder().features(THREE_ROWS)
        .labels(Labels.of(new double[] {0, 1, 1}, "y")).build();
    assertThat(estimator.missingInputs(both)).isEmpty();
  }

  @Test
  void parametersAreCheckedAgainstTheirSpecs() {
    List<ParameterSpec> specs = List.of(
        ParameterSpec.choice("algorithm", "fixed-point", "solver", "fixed-point", "mackay"),
        ParameterSpec.of("eps", "1e-5", "epsilon"));
    EstimatorParameters defaults = EstimatorParameters.resolve("logme", specs, Map.of());
    assertThat(defaults.get("algorithm")).isEqualTo("fixed-point");
    assertThat(defaults.getDouble("eps")).isEqualTo(1e-5);
    assertThatThrownBy(() -> EstimatorParameters.resolve("logme", specs, Map.of("alpha", "1")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("estimator 'logme' has no parameter 'alpha'; it takes: algorithm, eps");
    assertThatThrownBy(() -> EstimatorParameters.resolve("logme", specs,
        Map.of("algorithm", "newton")))
        .hasMessageContaining("must be one of fixed-point, mackay, not 'newton'");
    EstimatorParameters bad = EstimatorParameters.resolve("logme", specs, Map.of("eps", "x"));
    assertThatThrownBy(() -> bad.getDouble("eps")).hasMessageContaining("finite number");
  }

  @Test
  void aNonFiniteScoreIsNeverAResult() {
    assertThatThrownBy(() -> EstimateResult.builder("demo", Double.NaN).build())
        .isInstanceOf(NumericalException.class)
        .hasMessageContaining("non-finite score");
    EstimateResult ok = EstimateResult.builder("demo", 1.5)
        .targets(List.of("0", "1"), new double[] {1, 2}).detail("alphas", new double[] {3, 4})
        .warning("w").build();
    assertThat(ok.details().get("alphas")).isEqualTo(List.of(3.0, 4.0));
    assertThat(ok.warnings()).containsExactly("w");
  }
}
