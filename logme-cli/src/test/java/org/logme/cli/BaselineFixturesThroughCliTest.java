package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.Tolerance.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.testing.SharedFixtures;

/**
 * Every {@code baselines-*} reference case through the whole command line (ServiceLoader,
 * Guice, NumPy reading, {@code --param}, JSON), on every backend, to the tolerances of
 * {@code BASELINES.md}: 1e-9 relative for the closed-form estimators, 1e-8 relative to
 * {@code score_exact_label_ties} for PARC, exact for kNN, the widened seed range for N-LEEP.
 */
class BaselineFixturesThroughCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double CLOSED_FORM = 1e-9;

  static Stream<Arguments> cases() {
    return SharedFixtures.cases("baselines-").stream()
        .flatMap(c -> Stream.of("ejml", "commons", "native").map(b -> Arguments.of(c, b)));
  }

  /** Runs score with several estimators and returns each one's JSON object by name. */
  private static Map<String, JsonNode> score(Path dir, String backend, String estimators,
      String... extra) throws Exception {
    String[] base = {"score", "--features", dir.resolve("features.npy").toString(), "--labels",
        dir.resolve("labels.npy").toString(), "--backend", backend, "--estimator", estimators,
        "--json"};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    CliRunner.Run run = CliRunner.run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("schema").asText()).isEqualTo(ScoreCommand.SCHEMA);
    Map<String, JsonNode> byName = new HashMap<>();
    out.get("results").forEach(node -> byName.put(node.get("estimator").asText(), node));
    return byName;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void everyBaselineMatchesItsReference(String name, String backend) throws Exception {
    Path dir = SharedFixtures.fixture(name);
    JsonNode expected = SharedFixtures.expected(name);
    Map<String, JsonNode> results = score(dir, backend,
        "hscore,hscore-shrinkage,transrate,sfda,knn,parc,nleep");
    assertClose(name + " hscore", results.get("hscore").get("score").asDouble(),
        expected.at("/hscore/score").asDouble(), CLOSED_FORM, 0);
    assertClose(name + " hscore-shrinkage", results.get("hscore-shrinkage").get("score")
        .asDouble(), expected.at("/hscore_shrinkage/score").asDouble(), CLOSED_FORM, 0);
    assertClose(name + " transrate", results.get("transrate").get("score").asDouble(),
        expected.at("/transrate/score").asDouble(), CLOSED_FORM, 0);
    assertClose(name + " sfda", results.get("sfda").get("score").asDouble(),
        expected.at("/sfda/score").asDouble(), CLOSED_FORM, 0);
    assertThat(results.get("knn").get("score").asDouble())
        .isEqualTo(expected.at("/knn_loo_1nn/score").asDouble());
    JsonNode parc = expected.get("parc");
    double parcExpected = parc.has("skipped")
        ? expected.at("/parc_no_pca/score_exact_label_ties").asDouble()
        : parc.get("score_exact_label_ties").asDouble();
    assertClose(name + " parc", results.get("parc").get("score").asDouble(), parcExpected, 1e-8,
        0);
    JsonNode nleep = expected.get("nleep");
    double min = nleep.get("min").asDouble();
    double max = nleep.get("max").asDouble();
    assertThat(results.get("nleep").get("score").asDouble())
        .isBetween(min - (max - min), max + (max - min));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void variantsSelectedWithParamMatchTheirReferences(String name, String backend)
      throws Exception {
    Path dir = SharedFixtures.fixture(name);
    JsonNode expected = SharedFixtures.expected(name);
    Map<String, JsonNode> results = score(dir, backend, "hscore,parc", "--param",
        "hscore.variant=parc", "--param", "parc.n_dims=none");
    assertClose(name + " hscore (parc variant)", results.get("hscore").get("score").asDouble(),
        expected.at("/hscore_parc/score").asDouble(), CLOSED_FORM, 0);
    assertClose(name + " parc without PCA", results.get("parc").get("score").asDouble(),
        expected.at("/parc_no_pca/score_exact_label_ties").asDouble(), 1e-8, 0);
    assertThat(results.get("hscore").at("/parameters/variant").asText()).isEqualTo("parc");
  }
}
