package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/** Seeded, deterministic property tests of the baselines that have no reference here. */
class PropertiesTest {

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  private static double[] balancedLabels(int n, int c) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % c;
    }
    return y;
  }

  /** Random softmax rows of width cs; with sharpness s the source class {@code y mod cs} wins. */
  private static SourceProbabilities probabilities(double[] y, int cs, double sharpness,
      long seed) {
    Random random = new Random(seed);
    Matrix p = Matrix.zeros(y.length, cs);
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int z = 0; z < cs; z++) {
        double logit = random.nextGaussian() + (z == (int) y[i] % cs ? sharpness : 0);
        p.set(i, z, Math.exp(logit));
        sum += p.get(i, z);
      }
      for (int z = 0; z < cs; z++) {
        p.set(i, z, p.get(i, z) / sum);
      }
    }
    return new SourceProbabilities(p, "P");
  }

  private static double leep(double[] y, SourceProbabilities p, LinearAlgebraBackend backend) {
    return Estimators.create("leep").estimate(EstimationInput.builder()
        .labels(Labels.of(y, "y")).sourceProbabilities(p).build(), backend).score();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void leepIsAtMostZeroForAnySourceModel(LinearAlgebraBackend backend) {
    for (long seed = 0; seed < 10; seed++) {
      double[] y = balancedLabels(200, 2 + (int) seed % 4);
      assertThat(leep(y, probabilities(y, 3 + (int) seed % 5, seed % 3, seed), backend))
          .isLessThanOrEqualTo(0.0);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void leepIsZeroForASourceModelThatPredictsTheTargetPerfectly(LinearAlgebraBackend backend) {
    double[] y = balancedLabels(120, 4);
    Matrix p = Matrix.zeros(120, 6);
    for (int i = 0; i < 120; i++) {
      p.set(i, (int) y[i] + 2, 1.0); // source class = target class + 2: a bijection
    }
    assertThat(leep(y, new SourceProbabilities(p, "P"), backend)).isCloseTo(0.0, within(1e-15));
    // nearly perfect: a sharp softmax
    assertThat(leep(y, probabilities(y, 4, 30, 1), backend)).isCloseTo(0.0, within(1e-9));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void leepIsLogOneOverCForAnUninformativeSourceModel(LinearAlgebraBackend backend) {
    int c = 5;
    double[] y = balancedLabels(5000, c);
    Matrix uniform = Matrix.zeros(5000, 7);
    java.util.Arrays.fill(uniform.data(), 1.0 / 7);
    assertThat(leep(y, new SourceProbabilities(uniform, "P"), backend))
        .isCloseTo(Math.log(1.0 / c), within(1e-12));
    // random probabilities independent of the labels: log(1/C) up to sampling noise
    assertThat(leep(y, probabilities(y, 7, 0, 2), backend))
        .isCloseTo(Math.log(1.0 / c), within(0.01));
  }

  private static double nce(double[] y, double[] z, LinearAlgebraBackend backend) {
    return Estimators.create("nce").estimate(EstimationInput.builder().labels(Labels.of(y, "y"))
        .sourceLabels(SourceLabels.of(z, "z")).build(), backend).score();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void nceIsAtMostZeroAndZeroWhenTheTargetIsAFunctionOfTheSource(LinearAlgebraBackend backend) {
    Random random = new Random(7);
    for (int trial = 0; trial < 10; trial++) {
      double[] y = new double[300];
      double[] z = new double[300];
      for (int i = 0; i < 300; i++) {
        z[i] = random.nextInt(9);
        y[i] = random.nextInt(4);
      }
      assertThat(nce(y, z, backend)).isLessThanOrEqualTo(0.0);
      double[] function = new double[300];
      for (int i = 0; i < 300; i++) {
        function[i] = (z[i] * 5 + 1) % 3; // y = g(z), many-to-one
      }
      double exact = nce(function, z, backend);
      assertThat(exact).isEqualTo(0.0);
      assertThat(Double.doubleToRawLongBits(exact)).as("+0.0, not -0.0").isZero();
    }
  }

  /** C well-separated Gaussian classes (or identical ones) in D dimensions. */
  private static EstimationInput blobs(int n, int d, int c, double separation, long seed) {
    Random random = new Random(seed);
    double[][] centres = new double[c][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = separation * random.nextGaussian();
      }
    }
    double[] y = balancedLabels(n, c);
    Matrix f = Matrix.zeros(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        f.set(i, j, centres[(int) y[i]][j] + random.nextGaussian());
      }
    }
    return EstimationInput.builder().features(new Features(f, "F")).labels(Labels.of(y, "y"))
        .build();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void hscoreIsBetweenZeroAndCMinusOneAndInvariantToInvertibleAffineMaps(
      LinearAlgebraBackend backend) {
    for (long seed = 0; seed < 4; seed++) {
      int c = 3 + (int) seed;
      EstimationInput input = blobs(150, 10, c, 0.5 + seed, seed);
      double h = Estimators.create("hscore").estimate(input, backend).score();
      assertThat(h).isBetween(0.0, c - 1.0);
      Random random = new Random(100 + seed);
      Matrix a = Matrix.zeros(10, 10);
      for (int i = 0; i < 10; i++) {
        for (int j = 0; j < 10; j++) {
          a.set(i, j, random.nextGaussian() + (i == j ? 3 : 0));
        }
      }
      Matrix f = input.features().orElseThrow().matrix();
      Matrix mapped = backend.multiply(f, a);
      for (int i = 0; i < mapped.rows(); i++) {
        for (int j = 0; j < 10; j++) {
          mapped.set(i, j, mapped.get(i, j) + 5 * j - 7);
        }
      }
      double affine = Estimators.create("hscore").estimate(EstimationInput.builder()
          .features(new Features(mapped, "FA")).labels(input.labels().orElseThrow()).build(),
          backend).score();
      assertThat(affine).isCloseTo(h, within(1e-9 * h));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void hscoreGivesTheSameValueOnItsGramAndItsSvdPaths(LinearAlgebraBackend backend) {
    // a duplicated column leaves the column span, hence H, unchanged, but makes the Gram
    // matrix singular, which sends the computation to the exact SVD path
    EstimationInput input = blobs(200, 8, 4, 0.7, 11);
    Matrix f = input.features().orElseThrow().matrix();
    Matrix duplicated = Matrix.zeros(200, 9);
    for (int i = 0; i < 200; i++) {
      for (int j = 0; j < 9; j++) {
        duplicated.set(i, j, f.get(i, j == 8 ? 3 : j) * (j == 8 ? -2 : 1));
      }
    }
    var gram = Estimators.create("hscore").estimate(input, backend);
    var svd = Estimators.create("hscore").estimate(EstimationInput.builder()
        .features(new Features(duplicated, "F2")).labels(input.labels().orElseThrow()).build(),
        backend);
    assertThat(gram.details()).containsEntry("decomposition",
        "eigendecomposition of the Gram matrix");
    assertThat(svd.details()).containsEntry("decomposition", "thin SVD of the centred features");
    assertThat(svd.details()).containsEntry("rank_kept", 8);
    assertThat(svd.score()).isCloseTo(gram.score(), within(1e-9 * gram.score()));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void hscoreIsCMinusOneWhenTheCentredFeaturesHaveRankNMinusOne(LinearAlgebraBackend backend) {
    EstimationInput wide = blobs(40, 100, 4, 0.3, 9);
    assertThat(Estimators.create("hscore").estimate(wide, backend).score())
        .isCloseTo(3.0, within(1e-12));
  }

  private static double gbc(EstimationInput input, LinearAlgebraBackend backend) {
    return Estimators.create("gbc").estimate(input, backend).score();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void gbcIsWithinItsRangeNearZeroWhenSeparatedAndNearMinusCTimesCMinusOneWhenIdentical(
      LinearAlgebraBackend backend) {
    for (long seed = 0; seed < 3; seed++) {
      int c = 3 + (int) seed;
      double bound = c * (c - 1.0);
      double separated = gbc(blobs(600, 20, c, 10, seed), backend);
      double identical = gbc(blobs(3000, 20, c, 0, seed), backend);
      double between = gbc(blobs(600, 20, c, 0.4, seed), backend);
      for (double v : new double[] {separated, identical, between}) {
        assertThat(v).isBetween(-bound, 0.0);
      }
      assertThat(separated).isGreaterThan(-1e-6 * bound);
      assertThat(identical).isLessThan(-0.9 * bound);
      assertThat(between).isBetween(identical, separated);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void gbcReducesWideFeaturesTo64DimensionsUnlessToldNot(LinearAlgebraBackend backend) {
    EstimationInput wide = blobs(300, 100, 3, 1, 4);
    assertThat(Estimators.create("gbc").estimate(wide, backend).details())
        .containsEntry("dimensions", 64);
    assertThat(Estimators.create("gbc", Map.of("n_dims", "none")).estimate(wide, backend)
        .details()).containsEntry("dimensions", 100);
  }

  @Test
  void everyEstimatorIsRegisteredWithTheInputsItNeeds() {
    assertThat(Estimators.registry().all().keySet()).contains("leep", "nce", "hscore",
        "hscore-shrinkage", "transrate", "sfda", "nleep", "parc", "gbc", "knn");
    assertThat(Estimators.create("leep").acceptedInputs()).containsExactly(
        java.util.Set.of(InputKind.SOURCE_PROBABILITIES, InputKind.LABELS));
    assertThat(Estimators.create("nce").acceptedInputs()).containsExactly(
        java.util.Set.of(InputKind.SOURCE_LABELS, InputKind.LABELS),
        java.util.Set.of(InputKind.SOURCE_PROBABILITIES, InputKind.LABELS));
    for (String name : new String[] {"hscore", "hscore-shrinkage", "transrate", "sfda", "nleep",
        "parc", "gbc", "knn"}) {
      assertThat(Estimators.create(name).acceptedInputs()).as(name).containsExactly(
          java.util.Set.of(InputKind.FEATURES, InputKind.LABELS));
    }
  }

  @Test
  void missingInputsNameTheInputs() {
    EstimationInput onlyLabels = EstimationInput.builder()
        .labels(Labels.of(balancedLabels(10, 2), "y")).build();
    LinearAlgebraBackend backend = Backends.all().get(0);
    assertThatThrownBy(() -> Estimators.create("nce").estimate(onlyLabels, backend))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("estimator 'nce' needs labels + source labels or labels + source"
            + " probabilities");
  }

  @Test
  void parametersAreValidated() {
    assertThatThrownBy(() -> Estimators.create("parc", Map.of("n_dims", "0")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("n_dims");
    assertThatThrownBy(() -> Estimators.create("nleep", Map.of("seed", "-1")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("seed");
    assertThatThrownBy(() -> Estimators.create("transrate", Map.of("eps", "0")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eps");
    assertThatThrownBy(() -> Estimators.create("hscore", Map.of("variant", "other")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("tllib, parc");
    assertThatThrownBy(() -> Estimators.create("nleep", Map.of("pca_variance", "1")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("pca_variance");
  }

  @Test
  void nleepMeanLogIsBelowTheLogOfTheMeanProbability() {
    // Jensen: (1/N) Σ log p ≤ log((1/N) Σ p), strictly unless every p is equal
    EstimationInput input = blobs(120, 6, 3, 2, 4);
    LinearAlgebraBackend backend = Backends.all().get(0);
    EstimateResult probability = Estimators.create("nleep").estimate(input, backend);
    EstimateResult log = Estimators.create("nleep", Map.of("aggregate", "mean-log"))
        .estimate(input, backend);
    assertThat(log.score()).isNegative().isLessThan(Math.log(probability.score()));
    assertThat(log.parameters().asText()).containsEntry("aggregate", "mean-log");
    // the same mixture either way: the same EM iterations and components
    assertThat(log.details().get("gmm_mean_log_likelihood"))
        .isEqualTo(probability.details().get("gmm_mean_log_likelihood"));
  }

  @Test
  void nleepNeedsAtLeastOneSamplePerComponent() {
    EstimationInput tiny = blobs(12, 3, 3, 1, 1);
    assertThatThrownBy(() -> Estimators.create("nleep").estimate(tiny, Backends.all().get(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("15 components").hasMessageContaining("component_ratio");
  }

  @Test
  void parcRejectsInputsWhereItIsUndefined() {
    LinearAlgebraBackend backend = Backends.all().get(0);
    double[] singletons = {0, 1, 2, 3};
    Matrix f = Matrix.of(new double[] {1, 2, 3}, new double[] {3, 1, 2}, new double[] {2, 3, 1},
        new double[] {1, 3, 2});
    EstimationInput input = EstimationInput.builder().features(new Features(f, "F"))
        .labels(Labels.of(singletons, "y")).build();
    assertThatThrownBy(() -> Estimators.create("parc").estimate(input, backend))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("two samples");
    EstimationInput oneColumn = blobs(20, 1, 2, 1, 2);
    assertThatThrownBy(() -> Estimators.create("parc").estimate(oneColumn, backend))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("feature columns");
  }
}
