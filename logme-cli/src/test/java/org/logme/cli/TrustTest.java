package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.NpyReader;
import org.logme.io.NpyWriter;

/**
 * What a demanding new user tripped over, one test per finding: results that mislead and
 * friction when scripting the command line.
 */
class TrustTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIGITS = SharedFixtures.fixture("cls-digits");

  @TempDir
  Path dir;

  private static JsonNode json(CliRunner.Run run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  /** The only result of a {@code score --json}. */
  private static JsonNode result(CliRunner.Run run) throws IOException {
    JsonNode root = json(run);
    assertThat(root.get("results").size()).isEqualTo(1);
    return root.at("/results/0");
  }

  /** Finding 1: the default depends on the feature scale; the exact maximum does not. */
  @Test
  void theExactAlgorithmIsInvariantToTheFeatureScaleAndJsonShowsBothScores() throws IOException {
    Matrix f = NpyReader.read(DIGITS.resolve("features.npy")).asMatrix();
    String labels = DIGITS.resolve("labels.npy").toString();
    double exact = Double.NaN;
    for (double scale : new double[] {1e-4, 1, 1e4}) {
      Matrix scaled = f.copy();
      for (int i = 0; i < scaled.data().length; i++) {
        scaled.data()[i] *= scale;
      }
      Path file = dir.resolve("f" + scale + ".npy");
      NpyWriter.write(file, scaled, NpyWriter.Type.FLOAT64, false);
      JsonNode e = result(CliRunner.run("score", "--features", file.toString(), "--labels",
          labels, "--algorithm", "exact", "--json"));
      if (Double.isNaN(exact)) {
        exact = e.get("score").asDouble();
      }
      assertThat(e.get("score").asDouble()).as("exact at scale " + scale)
          .isCloseTo(exact, within(1e-9 * Math.abs(exact)));
      JsonNode reference = result(CliRunner.run("score", "--features", file.toString(),
          "--labels", labels, "--json"));
      if (scale == 1e4) {
        // the reference's epsilon biases it at this scale: both scores are reported
        assertThat(reference.get("score").asDouble()).isLessThan(exact - 0.05);
        assertThat(reference.at("/details/exact_maximum").asDouble())
            .isCloseTo(exact, within(1e-9 * Math.abs(exact)));
        assertThat(e.at("/details/fixed_point_score").asDouble())
            .isEqualTo(reference.get("score").asDouble());
      }
    }
    CliRunner.Run zero = CliRunner.run("score", "--features", DIGITS.resolve("features.npy")
        .toString(), "--labels", labels, "--param", "logme.epsilon=0", "--json");
    assertThat(result(zero).at("/parameters/epsilon").asDouble()).isZero();
    CliRunner.Run help = CliRunner.run("score", "--help");
    assertThat(help.out()).contains("fixed-point (default", "exact (the maximum evidence");
  }
}
