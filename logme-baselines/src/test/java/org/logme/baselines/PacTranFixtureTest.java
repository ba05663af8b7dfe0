package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.NpyReader;

/**
 * PACTran against google-research/pactran_metrics {@code compute_metrics.py} run on the shared
 * fixture inputs ({@code fixtures/pactran/*.json}): Dirichlet and Gamma on synthetic source
 * probabilities (and on the real ones of {@code leep-nce}) to 1e-9 relative; Gaussian at every
 * λ and s2_factor of the reference, converged to the converged fixture (1e-6 relative) and
 * {@code optimizer=reference} to the reference's own early-stopped run (same iteration count,
 * 1e-6 relative); Dirichlet and Gamma on mixture posteriors within the reference's seed range.
 */
class PacTranFixtureTest {
  static final double TOLERANCE = 1e-6;

  static final Map<String, String> CASES = Map.of("blobs", "baselines-blobs", "digits",
      "baselines-digits", "iris", "baselines-iris", "wide", "baselines-wide", "leep-nce",
      "leep-nce");

  static Stream<Arguments> cases() {
    return CASES.keySet().stream().sorted()
        .flatMap(c -> Backends.all().stream().map(b -> Arguments.of(c, b)));
  }

  static Stream<String> names() {
    return CASES.keySet().stream().sorted();
  }

  private static Matrix features(String c) {
    return NpyReader.read(SharedFixtures.fixture(CASES.get(c)).resolve("features.npy"))
        .asMatrix();
  }

  private static Labels labels(String c) {
    return Labels.of(NpyReader.read(SharedFixtures.fixture(CASES.get(c)).resolve("labels.npy"))
        .asVector("labels"), c + "/labels");
  }

  private static EstimateResult run(EstimationInput input, LinearAlgebraBackend backend,
      Map<String, String> parameters) {
    return Estimators.create("pactran", parameters).estimate(input, backend);
  }

  private static void check(String what, double actual, double expected, double tolerance) {
    double error = ReferenceFixtures.relative(actual, expected);
    FixtureErrors.record("pactran " + what, error);
    assertThat(error).as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void dirichletAndGammaOnSyntheticSourceProbabilities(String c, LinearAlgebraBackend backend) {
    JsonNode expected = ReferenceFixtures.json("pactran", c + ".json")
        .at("/pac_dir_gamma/synthetic_probs");
    Matrix p = ReferenceFixtures.softmaxOfCentred(features(c),
        ReferenceFixtures.matrix("pactran", c + "_W.npy"));
    EstimationInput input = EstimationInput.builder().labels(labels(c))
        .sourceProbabilities(new SourceProbabilities(p, c + "/synthetic")).build();
    EstimateResult dir = run(input, backend, Map.of("variant", "dirichlet"));
    EstimateResult gam = run(input, backend, Map.of("variant", "gamma"));
    assertThat(dir.higherIsBetter()).isFalse();
    check("dirichlet " + c, dir.score(), expected.get("pac_dir_1.0").asDouble(), 1e-9);
    check("gamma " + c, gam.score(), expected.get("pac_gamma_1.0").asDouble(), 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void dirichletAndGammaOnRealSourceProbabilities(String c) {
    JsonNode expected = ReferenceFixtures.json("pactran", c + ".json")
        .at("/pac_dir_gamma/source_probs");
    if (expected.isMissingNode()) {
      return;
    }
    Matrix p = NpyReader.read(SharedFixtures.fixture(CASES.get(c)).resolve("source_probs.npy"))
        .asMatrix();
    EstimationInput input = EstimationInput.builder().labels(labels(c))
        .sourceProbabilities(new SourceProbabilities(p, c + "/source_probs")).build();
    LinearAlgebraBackend backend = Backends.all().get(0);
    check("dirichlet source_probs " + c, run(input, backend, Map.of("variant", "dirichlet"))
        .score(), expected.get("pac_dir_1.0").asDouble(), 1e-9);
    check("gamma source_probs " + c, run(input, backend, Map.of("variant", "gamma")).score(),
        expected.get("pac_gamma_1.0").asDouble(), 1e-9);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void gaussianConvergedMatchesTheConvergedFixtureAtEveryLambda(String c,
      LinearAlgebraBackend backend) {
    JsonNode gauss = ReferenceFixtures.json("pactran", c + ".json").at("/pac_gauss");
    EstimationInput input = EstimationInput.builder()
        .features(new Features(features(c), c)).labels(labels(c)).build();
    for (var lambda : List.of("10.0", "1.0", "0.1")) {
      JsonNode converged = gauss.at("/converged_variant/" + lambda.replace(".", "~1")
          .replace("~1", "."));
      converged = gauss.get("converged_variant").get(lambda);
      var s2s = converged.get("pac_gauss_by_s2_factor").fieldNames();
      while (s2s.hasNext()) {
        String s2 = s2s.next();
        EstimateResult r = run(input, backend, Map.of("lda_factor", lambda, "s2_factor", s2));
        check("gaussian converged " + c + " lambda " + lambda + " s2 " + s2, r.score(),
            converged.get("pac_gauss_by_s2_factor").get(s2).asDouble(), TOLERANCE);
        check("gaussian converged pac_opt " + c + " lambda " + lambda,
            (Double) r.details().get("pac_opt"), converged.get("pac_opt").asDouble(), TOLERANCE);
      }
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void gaussianReferenceReproducesTheEarlyStoppedRun(String c, LinearAlgebraBackend backend) {
    JsonNode gauss = ReferenceFixtures.json("pactran", c + ".json").at("/pac_gauss");
    EstimationInput input = EstimationInput.builder()
        .features(new Features(features(c), c)).labels(labels(c)).build();
    for (var lambda : List.of("10.0", "1.0", "0.1")) {
      JsonNode reference = gauss.get("reference").get(lambda);
      var s2s = reference.get("pac_gauss_by_s2_factor").fieldNames();
      while (s2s.hasNext()) {
        String s2 = s2s.next();
        EstimateResult r = run(input, backend, Map.of("lda_factor", lambda, "s2_factor", s2,
            "optimizer", "reference"));
        check("gaussian reference " + c + " lambda " + lambda + " s2 " + s2, r.score(),
            reference.get("pac_gauss_by_s2_factor").get(s2).asDouble(), TOLERANCE);
        assertThat(r.details().get("lbfgs_iterations")).as("L-BFGS-B iterations, %s λ=%s", c,
            lambda).isEqualTo(reference.at("/lbfgsb/nit").asInt());
      }
    }
  }

  static Stream<String> mixtureCases() {
    return Stream.of("blobs", "iris", "wide");
  }

  /** Dirichlet and Gamma on mixture posteriors: stochastic, so within the seed range. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("mixtureCases")
  void dirichletAndGammaOnMixturePosteriorsFallInTheWidenedSeedRange(String c) {
    JsonNode expected = ReferenceFixtures.json("pactran", c + ".json").at("/gmm_posteriors");
    EstimationInput input = EstimationInput.builder()
        .features(new Features(features(c), c)).labels(labels(c)).build();
    LinearAlgebraBackend backend = Backends.all().get(0);
    for (String variant : List.of("dirichlet", "gamma")) {
      JsonNode values = expected.get(variant.equals("dirichlet") ? "pac_ndir" : "pac_ngam");
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (JsonNode v : values) {
        min = Math.min(min, v.asDouble());
        max = Math.max(max, v.asDouble());
      }
      double margin = max - min;
      EstimateResult r = run(input, backend, Map.of("variant", variant));
      assertThat(r.details()).containsEntry("probabilities", "gaussian mixture posteriors")
          .containsEntry("gmm_components", expected.get("gmm_components").asInt())
          .containsEntry("pca_components_kept", expected.get("pca_dims").get(0).asInt());
      assertThat(r.score()).as("%s on %s: reference seeds 0..4 gave [%s, %s]", variant, c, min,
          max).isBetween(min - margin, max + margin);
      FixtureErrors.record("pactran " + variant + " mixture " + c
          + " (distance outside [min, max])",
          Math.max(0, Math.max(min - r.score(), r.score() - max)));
    }
  }
}
