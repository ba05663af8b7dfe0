package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.LogMeCase.ABSOLUTE;
import static org.logme.core.testing.LogMeCase.RELATIVE;
import static org.logme.core.testing.Tolerance.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.core.testing.LogMeCase;
import org.logme.core.testing.Tolerance;

/**
 * Every LogME fixture through the whole command line: ServiceLoader discovery, Guice wiring,
 * NumPy reading and JSON output, on both backends and both solvers.
 */
class ScoreCommandFixtureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() {
    return LogMeCase.names().stream()
        .flatMap(c -> Stream.of("ejml", "commons", "native").map(b -> Arguments.of(c, b)));
  }

  private static JsonNode score(LogMeCase c, String backend, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("score", "--features",
        c.dir().resolve("features.npy").toString(), c.regression() ? "--targets" : "--labels",
        c.dir().resolve(c.regression() ? "targets.npy" : "labels.npy").toString(),
        "--backend", backend, "--json"));
    args.addAll(List.of(extra));
    CliRunner.Run run = CliRunner.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("results").size()).isEqualTo(1);
    return root.at("/results/0");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void printsTheExactScoreAndTheReferenceAlphasAndBetas(String name, String backend)
      throws Exception {
    LogMeCase c = LogMeCase.load(name);
    JsonNode result = score(c, backend);
    assertThat(result.get("estimator").asText()).isEqualTo("logme");
    assertThat(result.get("backend").asText()).isEqualTo(backend);
    assertThat(result.get("n").asInt()).isEqualTo(c.expected().get("n").asInt());
    assertThat(result.get("d").asInt()).isEqualTo(c.expected().get("d").asInt());
    String count = c.regression() ? "outputs" : "classes";
    assertThat(result.get(count).asInt()).isEqualTo(c.expected().get(count).asInt());
    assertClose("score", result.get("score").asDouble(), c.logme().get("exact_score").asDouble(),
        RELATIVE, ABSOLUTE);
    assertClose("alphas", doubles(result.at("/details/alphas")), c.doubles("fixed_point/alphas"),
        RELATIVE, ABSOLUTE);
    assertClose("betas", doubles(result.at("/details/betas")), c.doubles("fixed_point/betas"),
        RELATIVE, ABSOLUTE);
    assertThat(result.get("warnings")).isEmpty();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void mackayPrintsTheIcmlScore(String name, String backend) throws Exception {
    LogMeCase c = LogMeCase.load(name);
    JsonNode result = score(c, backend, "--algorithm", "mackay");
    assertClose("score", result.get("score").asDouble(), c.logme().at("/icml/score").asDouble(),
        RELATIVE, ABSOLUTE);
    assertThat(result.at("/parameters/algorithm").asText()).isEqualTo("mackay");
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    assertThat(Tolerance.maxAbs(out)).isPositive();
    return out;
  }
}
