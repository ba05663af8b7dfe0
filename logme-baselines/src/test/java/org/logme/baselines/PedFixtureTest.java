package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;

/**
 * {@code ped+sfda} and {@code ped+logme} against lixiaotong97/PED {@code PED_Score} (types SFDA
 * and LOGME, its verbatim copies of TencentARC/SFDA and thuml/LogME) on the shared baseline
 * cases, at nσ ∈ {0.6, 0.3, 2.0}, with each case's own features standing in for the
 * ImageNet-val reference features (as the fixtures were computed): scores to 1e-6 relative
 * (the closed-form SFDA to 1e-9), the number of accepted steps exactly and the size of the
 * move to 1e-9. thuml's LogME omits −(D−k)/(2N)·ln α when N &lt; D ({@code wide}); there the
 * LogME result's {@code reference_score} is compared.
 */
class PedFixtureTest {
  static Stream<Arguments> cases() {
    return Stream.of("blobs", "digits", "iris", "wide").flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  private static void check(String what, double actual, double expected, double tolerance) {
    double error = ReferenceFixtures.relative(actual, expected);
    FixtureErrors.record(what, error);
    assertThat(error).as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void pedSfdaAndPedLogmeMatchTheReference(String c, LinearAlgebraBackend backend) {
    BaselineCase data = BaselineCase.load("baselines-" + c);
    JsonNode fixture = ReferenceFixtures.json("ped", c + ".json");
    for (String sigma : List.of("0.6", "0.3", "2.0")) {
      JsonNode run = fixture.get("runs").get(sigma);
      Map<String, String> p = Map.of("ped.n_sigma", sigma);
      EstimateResult sfda = Estimators.create("ped+sfda", p).estimate(data.input(), backend);
      EstimateResult logme = Estimators.create("ped+logme", p).estimate(data.input(), backend);
      assertThat(sfda.estimator()).isEqualTo("ped+sfda");
      assertThat(sfda.parameters().asText()).containsEntry("ped.n_sigma", sigma.replace(".0",
          ""));
      check("ped+sfda " + c + " nsigma " + sigma, sfda.score(), run.get("ped_sfda").asDouble(),
          1e-9);
      double logmeValue = logme.details().containsKey("reference_score")
          ? (Double) logme.details().get("reference_score") : logme.score();
      check("ped+logme " + c + " nsigma " + sigma, logmeValue,
          run.get("ped_logme_thuml").asDouble(), 1e-6);
      assertThat(sfda.details()).containsEntry("ped.steps", run.get("accepted_steps").asInt());
      double frobenius = run.at("/summary/frobenius_norm_of_change").asDouble();
      double moved = (Double) sfda.details().get("ped.frobenius_change");
      if (frobenius == 0) {
        assertThat(moved).isZero();
      } else {
        check("ped move " + c + " nsigma " + sigma, moved, frobenius, 1e-9);
      }
    }
  }
}
