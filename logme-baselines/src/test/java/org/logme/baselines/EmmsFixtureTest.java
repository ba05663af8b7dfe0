package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/**
 * EMMS against OpenGVLab/Multitask-Model-Selector {@code metrics.py::EMMS} run on the shared
 * baseline cases with random label embeddings (K = 3 encoders of dimension 8, stored as
 * [K·C, 8] rows, encoder-major): score and the mixing weights before and after sparsemax to
 * 1e-6 relative, and the K = 1 variant. On {@code wide} (N &lt; D) the regression is exact and
 * both scores are rounding noise (the reference's is −1.2e-28): there |score| &lt; 1e-20.
 */
class EmmsFixtureTest {
  static Stream<Arguments> cases() {
    return Stream.of("blobs", "digits", "iris", "wide").flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  static LabelEmbeddings embeddings(String c, int classes, int encoders) {
    Matrix all = ReferenceFixtures.matrix("emms", c + "_label_embeddings_K3xC" + classes
        + ".npy");
    List<Matrix> per = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int k = 0; k < encoders; k++) {
      per.add(all.rows(k * classes, (k + 1) * classes));
      names.add("E" + k);
    }
    return LabelEmbeddings.of(per, names, c + " label embeddings");
  }

  private static void check(String what, double actual, double expected) {
    double error = ReferenceFixtures.relative(actual, expected);
    FixtureErrors.record(what, error);
    assertThat(error).as("%s: %s vs reference %s", what, actual, expected)
        .isLessThanOrEqualTo(1e-6);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void matchesTheReference(String c, LinearAlgebraBackend backend) {
    BaselineCase data = BaselineCase.load("baselines-" + c);
    JsonNode fixture = ReferenceFixtures.json("emms", c + ".json");
    int classes = data.input().labels().orElseThrow().classCount();
    for (int k : new int[] {3, 1}) {
      EstimationInput input = EstimationInput.builder().features(data.input().features()
          .orElseThrow()).labels(data.input().labels().orElseThrow())
          .labelEmbeddings(embeddings(c, classes, k)).build();
      EstimateResult r = Estimators.create("emms").estimate(input, backend);
      double expected = fixture.get(k == 3 ? "score" : "score_K1_first_embedding_only")
          .asDouble();
      if (c.equals("wide")) {
        assertThat(Math.abs(expected)).isLessThan(1e-20);
        assertThat(r.score()).isCloseTo(0.0, within(1e-20));
        assertThat(r.warnings()).singleElement().asString().contains("rank 119 = N - 1");
        continue;
      }
      check("emms " + c + " K=" + k, r.score(), expected);
      JsonNode internals = fixture.get(k == 3 ? "internals" : "internals_K1");
      @SuppressWarnings("unchecked")
      List<Double> lambda = (List<Double>) r.details().get("lambda");
      @SuppressWarnings("unchecked")
      List<Double> before = (List<Double>) r.details().get("lambda_unprojected");
      for (int i = 0; i < k; i++) {
        check("emms lambda " + c + " K=" + k, lambda.get(i),
            internals.get("lam_after_sparsemax").get(i).asDouble());
        check("emms lambda before sparsemax " + c + " K=" + k, before.get(i),
            internals.get("lam_before_sparsemax").get(i).asDouble());
      }
      assertThat(r.details()).containsEntry("feature_rank",
          internals.get(k == 3 ? "lstsq_ranks" : "lstsq_rank").get(0).asInt());
    }
  }

  @Test
  void sparsemaxProjectsOntoTheSimplex() {
    // values computed by hand: (0.3, 0.1, -0.5) → τ = (0.4 − 1)/2 = −0.3 → (0.6, 0.4, 0)
    assertThat(EmmsEstimator.sparsemax(new double[] {0.3, 0.1, -0.5}))
        .containsExactly(new double[] {0.6, 0.4, 0.0}, within(1e-15));
    assertThat(EmmsEstimator.sparsemax(new double[] {5})).containsExactly(1.0);
    // already on the simplex: unchanged
    assertThat(EmmsEstimator.sparsemax(new double[] {0.2, 0.3, 0.5}))
        .containsExactly(new double[] {0.2, 0.3, 0.5}, within(1e-15));
  }
}
