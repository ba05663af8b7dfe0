package org.logme.api.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
            + " rows; every input must have one row per target sample, in the same order (the"
            + " features have 2 columns, as many as there are targets: are they transposed? Save"
            + " F.T)");
    Labels fourRows = Labels.of(new double[] {0, 1, 0, 1}, "y.npy");
    assertThatThrownBy(() -> EstimationInput.builder().features(THREE_ROWS).labels(fourRows)
        .build()).hasMessageEndingWith("in the same order");
  }

  @Test
  void labelsAndTargetsAreExclusive() {
    assertThatThrownBy(() -> EstimationInput.builder()
        .labels(Labels.of(new double[] {0, 1, 1}, "y.npy"))
        .targets(Targets.regression(Matrix.zeros(3, 1), "T.npy")).build())
        .hasMessageContaining("give one of them");
  }

  @Test
  void missingInputsNameTheKinds() {
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
    assertThat(estimator.missingInputs(onlyFeatures)).containsExactly(InputKind.LABELS);
    assertThatThrownBy(() -> estimator.requireInputs(onlyFeatures))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("estimator 'demo' needs features + labels");
    EstimationInput both = EstimationInput.builder().features(THREE_ROWS)
        .labels(Labels.of(new double[] {0, 1, 1}, "y")).build();
    assertThat(estimator.missingInputs(both)).isEmpty();
  }

  /** The solvers of the example below. */
  private enum Solver {
    FIXED_POINT, MACKAY;

    String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  @Test
  void parametersAreCheckedAgainstTheirDeclarations() {
    Parameter<Solver> algorithm = Parameter.choice("algorithm", Solver.class,
        Solver.FIXED_POINT, Solver::id, "solver");
    Parameter<Double> eps = Parameter.positive("eps", 1e-5, "epsilon");
    List<Parameter<?>> declared = List.of(algorithm, eps);
    EstimatorParameters defaults = EstimatorParameters.defaults("logme", declared);
    assertThat(defaults.get(algorithm)).isEqualTo(Solver.FIXED_POINT);
    assertThat(defaults.get(eps)).isEqualTo(1e-5);
    assertThat(defaults.asText()).containsExactly(Map.entry("algorithm", "fixed-point"),
        Map.entry("eps", "1e-5"));
    assertThat(EstimatorParameters.resolve("logme", declared, Map.of("algorithm", "mackay",
        "eps", "0.25")).asText()).containsExactly(Map.entry("algorithm", "mackay"),
        Map.entry("eps", "0.25"));
    assertThatThrownBy(() -> EstimatorParameters.resolve("logme", declared, Map.of("alpha", "1")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("estimator 'logme' has no parameter 'alpha'; it takes: algorithm, eps");
    assertThatThrownBy(() -> EstimatorParameters.resolve("logme", declared,
        Map.of("algorithm", "newton")))
        .hasMessage("estimator 'logme': parameter 'algorithm' must be one of fixed-point, mackay,"
            + " not 'newton'");
    for (String bad : List.of("x", "0", "-1", "NaN", "Infinity")) {
      assertThatThrownBy(() -> EstimatorParameters.resolve("logme", declared, Map.of("eps", bad)))
          .isInstanceOf(InvalidParameterException.class)
          .hasMessage("estimator 'logme': parameter 'eps' must be a positive number, not '" + bad
              + "'");
    }
    assertThatThrownBy(() -> defaults.with(eps, -2.0))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not '-2.0'");
    assertThat(defaults.with(eps, 0.5).get(eps)).isEqualTo(0.5);
    assertThatThrownBy(() -> defaults.get(Parameter.positive("eps", 1, "another")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyKindOfParameterParsesChecksAndFormats() {
    Parameter<Long> seed = Parameter.seed("seed", 0, "s");
    assertThat(seed.parse("e", "4294967295")).isEqualTo(4294967295L);
    assertThatThrownBy(() -> seed.parse("e", "4294967296")).hasMessageContaining("numpy's range");
    assertThatThrownBy(() -> seed.parse("e", "-1")).hasMessageContaining("numpy's range");
    Parameter<Integer> count = Parameter.positiveInt("k", 5, "k");
    assertThat(count.parse("e", " 7 ")).isEqualTo(7);
    assertThatThrownBy(() -> count.parse("e", "0")).hasMessageContaining("a positive integer");
    assertThatThrownBy(() -> count.parse("e", "1.5")).hasMessageContaining("a positive integer");
    Parameter<Double> share = Parameter.openUnit("share", 0.8, "s");
    assertThat(share.format(share.parse("e", "0.80"))).isEqualTo("0.8");
    assertThatThrownBy(() -> share.parse("e", "1")).hasMessageContaining("strictly between");
    Parameter<Double> eps = Parameter.nonNegative("epsilon", 0, "e");
    assertThat(eps.parse("e", "0")).isZero();
    assertThat(eps.format(1e-5)).isEqualTo("1e-5");
    assertThat(eps.format(1.5e-4)).isEqualTo("1.5e-4");
    assertThat(eps.format(100.0)).isEqualTo("100");
    Parameter<OptionalInt> dims = Parameter.dimensionsOrNone("n_dims", OptionalInt.of(32), "d");
    assertThat(dims.parse("e", "None")).isEmpty();
    assertThat(dims.parse("e", "64")).hasValue(64);
    assertThat(dims.format(OptionalInt.empty())).isEqualTo("none");
    assertThatThrownBy(() -> dims.parse("e", "0")).hasMessageContaining("or 'none'");
    Parameter<OptionalInt> folds = Parameter.foldsOrLeaveOneOut("folds", OptionalInt.empty(),
        "f");
    assertThat(folds.parse("e", "LOO")).isEmpty();
    assertThat(folds.parse("e", "5")).hasValue(5);
    assertThat(folds.format(OptionalInt.empty())).isEqualTo("loo");
    assertThatThrownBy(() -> folds.parse("e", "1")).hasMessageContaining("'loo'");
    assertThatThrownBy(() -> folds.parse("e", "two")).hasMessageContaining(">= 2");
    assertThatThrownBy(() -> Parameter.positiveInt("bad", 0, "a default out of range"))
        .isInstanceOf(IllegalArgumentException.class);
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
