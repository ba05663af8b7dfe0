package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.numerics.stats.NumpyRandomState;

/**
 * NCTI and ETran against their reference code (BUserName/NCTI {@code NCTI_Score} with the
 * combination of {@code evaluate_metric_group1_cpu.py}; mgholamikn/ETran {@code LDA_Score},
 * {@code Energy_Score} with {@code tw.py}'s combination): per-model components on the shared
 * baseline cases, and the final set-dependent scores of a four-model candidate set rebuilt
 * here from {@code baselines-digits} and numpy's legacy generator (its recipe and checksums
 * in {@code set_digits600rs.json}), to 1e-6 relative.
 */
class SetEstimatorFixtureTest {
  static final double TOLERANCE = 1e-6;
  static final String SET = "set_digits600rs.json";

  /** The candidate set of the fixture, in its order. */
  static Map<String, Matrix> candidateSet() {
    BaselineCase digits = BaselineCase.load("baselines-digits");
    int n = 600;
    Matrix f = digits.features().rows(0, n);
    NumpyRandomState random = new NumpyRandomState(0);
    Matrix g1 = normal(random, n, 64);
    Matrix g2 = normal(random, n, 32);
    Matrix g3 = normal(random, n, 64);
    double[] v = normal(random, 1, 64).data();
    double vv = 0;
    for (double e : v) {
      vv += e * e;
    }
    Map<String, Matrix> models = new LinkedHashMap<>();
    models.put("m0_identity", f);
    Matrix m1 = Matrix.zeros(n, 64);
    Matrix m2 = Matrix.zeros(n, 64);
    Matrix noisy = Matrix.zeros(n, 64);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 64; j++) {
        m1.set(i, j, f.get(i, j) + 0.25 * g1.get(i, j));
        m2.set(i, j, j < 32 ? f.get(i, j) : 0.3 * g2.get(i, j - 32));
        noisy.set(i, j, f.get(i, j) + 0.1 * g3.get(i, j));
      }
    }
    // 3·(F + 0.1·G3)·H with H = I − 2vvᵀ/vᵀv: x·H = x − 2(x·v)/vᵀv·v
    Matrix m3 = Matrix.zeros(n, 64);
    for (int i = 0; i < n; i++) {
      double xv = 0;
      for (int j = 0; j < 64; j++) {
        xv += noisy.get(i, j) * v[j];
      }
      for (int j = 0; j < 64; j++) {
        m3.set(i, j, 3.0 * (noisy.get(i, j) - 2.0 * xv / vv * v[j]));
      }
    }
    models.put("m1_noise0.25", m1);
    models.put("m2_half_noise", m2);
    models.put("m3_scaled_reflected", m3);
    return models;
  }

  static Labels setLabels() {
    double[] y = BaselineCase.load("baselines-digits").labels();
    return Labels.of(java.util.Arrays.copyOf(y, 600), "digits600/labels");
  }

  private static Matrix normal(NumpyRandomState random, int rows, int cols) {
    Matrix m = Matrix.zeros(rows, cols);
    for (int i = 0; i < m.data().length; i++) {
      m.data()[i] = random.standardNormal();
    }
    return m;
  }

  static List<EstimationInput> setInputs() {
    Labels labels = setLabels();
    List<EstimationInput> inputs = new ArrayList<>();
    candidateSet().forEach((name, f) -> inputs.add(EstimationInput.builder()
        .features(new Features(f, name)).labels(labels).build()));
    return inputs;
  }

  static Stream<Arguments> estimatorsAndBackends() {
    return Stream.of("ncti", "etran").flatMap(e -> Backends.all().stream()
        .map(b -> Arguments.of(e, b)));
  }

  private static void check(String what, double actual, double expected) {
    double error = expected == 0 ? Math.abs(actual) : ReferenceFixtures.relative(actual, expected);
    FixtureErrors.record(what, error);
    assertThat(error).as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(expected == 0 ? 1e-12 : TOLERANCE);
  }

  @Test
  void theRebuiltCandidateSetIsTheOneTheReferenceScored() {
    JsonNode checks = ReferenceFixtures.json("ncti", SET).get("feature_checks");
    candidateSet().forEach((name, f) -> {
      double sum = 0;
      double squares = 0;
      for (double e : f.data()) {
        sum += e;
        squares += e * e;
      }
      JsonNode c = checks.get(name);
      assertThat(Math.abs(sum - c.get("sum").asDouble()))
          .isLessThanOrEqualTo(1e-9 * Math.abs(c.get("sum_of_squares").asDouble()));
      assertThat(ReferenceFixtures.relative(squares, c.get("sum_of_squares").asDouble()))
          .isLessThanOrEqualTo(1e-12);
      assertThat(f.get(0, 0)).isCloseTo(c.get("first").asDouble(),
          org.assertj.core.api.Assertions.within(1e-12));
      assertThat(f.get(599, 63)).isCloseTo(c.get("last").asDouble(),
          org.assertj.core.api.Assertions.within(1e-12));
    });
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("estimatorsAndBackends")
  void setScoresAndComponentsMatchTheReference(String estimator, LinearAlgebraBackend backend) {
    JsonNode fixture = ReferenceFixtures.json(estimator, SET);
    CandidateSetEstimator set = (CandidateSetEstimator) Estimators.create(estimator);
    List<EstimateResult> results = set.estimateSet(setInputs(), backend);
    List<String> models = new ArrayList<>(candidateSet().keySet());
    for (int m = 0; m < models.size(); m++) {
      String model = models.get(m);
      EstimateResult r = results.get(m);
      assertThat(r.setDependent()).isTrue();
      check(estimator + " set score " + model, r.score(),
          fixture.at("/final_scores/" + model).asDouble());
      JsonNode components = fixture.get("components").get(model);
      if (estimator.equals("ncti")) {
        check("ncti seli " + model, (Double) r.details().get("seli"),
            components.get("seli_all_lowfeat_nuc").asDouble());
        check("ncti ncc " + model, (Double) r.details().get("ncc"),
            components.get("ncc_sfda_score").asDouble());
        check("ncti vc " + model, (Double) r.details().get("vc"),
            components.get("vc_log_class_pred_nuc").asDouble());
        assertThat(r.details().get("lda_solver")).isEqualTo(
            components.get("lda_solver").asText().startsWith("svd") ? "svd" : "eigen");
      } else {
        check("etran lda " + model, (Double) r.details().get("lda"),
            components.get("lda_score").asDouble());
        check("etran energy " + model, (Double) r.details().get("energy"),
            components.get("energy_score").asDouble());
        assertThat(r.details()).containsEntry("energy_samples",
            components.get("energy_samples_used").asInt());
      }
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of("blobs", "digits", "iris", "wide").flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void perModelComponentsMatchTheReference(String c, LinearAlgebraBackend backend) {
    EstimationInput input = BaselineCase.load("baselines-" + c).input();
    JsonNode ncti = ReferenceFixtures.json("ncti", c + ".json");
    ModelComponents components = ((CandidateSetEstimator) Estimators.create("ncti"))
        .components(input, backend);
    if (ncti.get("error").isNull()) {
      JsonNode expected = ncti.get("components");
      check("ncti seli " + c, components.value("seli"),
          expected.get("seli_all_lowfeat_nuc").asDouble());
      check("ncti ncc " + c, components.value("ncc"), expected.get("ncc_sfda_score").asDouble());
      check("ncti vc " + c, components.value("vc"),
          expected.get("vc_log_class_pred_nuc").asDouble());
      assertThat(components.warnings()).isEmpty();
    } else {
      // the reference cannot reduce D < 64 columns to 64; here all are kept, with a warning
      assertThat(ncti.get("error").asText()).contains("n_components=64");
      assertThat(components.warnings()).anySatisfy(w -> assertThat(w)
          .contains("the reference raises an error"));
    }
    JsonNode etran = ReferenceFixtures.json("etran", c + ".json").get("components");
    check("etran lda " + c, Estimators.create("etran-lda").estimate(input, backend).score(),
        etran.get("lda_score").asDouble());
    EstimateResult energy = Estimators.create("etran-energy").estimate(input, backend);
    if (etran.get("energy_score").isTextual()) {
      // N < 200: the reference averages an empty slice (NaN); one sample is used here
      assertThat(etran.get("energy_score").asText()).isEqualTo("nan");
      assertThat(energy.details()).containsEntry("energy_samples", 1);
      assertThat(energy.warnings()).singleElement().asString().contains("NaN");
    } else {
      check("etran energy " + c, energy.score(), etran.get("energy_score").asDouble());
      assertThat(energy.details()).containsEntry("energy_samples",
          etran.get("energy_samples_used").asInt());
    }
  }
}
