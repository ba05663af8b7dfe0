package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.logme.core.testing.Tolerance.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/**
 * The {@code sanity} entries of every {@code baselines-*} case: each estimator re-run on the
 * transformed inputs the reference was re-run on (affine maps, rotation plus translation,
 * uniform scale, column scale/permutation/offset, label permutation) must match the reference's
 * figure there and, where the estimator is invariant to the transform, its own untransformed
 * score; plus the bounds the sanity section states.
 */
class SanityTest {
  /** estimator key in expected.json → registered name and parameters. */
  private static final Map<String, Map.Entry<String, Map<String, String>>> ESTIMATORS = Map.of(
      "hscore", Map.entry("hscore", Map.of()),
      "hscore_shrinkage", Map.entry("hscore-shrinkage", Map.of()),
      "transrate", Map.entry("transrate", Map.of()),
      "sfda", Map.entry("sfda", Map.of()),
      "parc_no_pca", Map.entry("parc", Map.of("n_dims", "none")),
      "knn_loo_1nn", Map.entry("knn", Map.of()));

  static Stream<Arguments> transforms() {
    List<Arguments> out = new ArrayList<>();
    for (String name : BaselineCase.names()) {
      BaselineCase c = BaselineCase.load(name);
      JsonNode sanity = c.expected().get("sanity");
      for (String key : ESTIMATORS.keySet()) {
        sanity.get(key).fields().forEachRemaining(e -> {
          if (e.getValue().isObject() && e.getValue().has("score")) {
            for (LinearAlgebraBackend b : Backends.all()) {
              out.add(Arguments.of(c, key, e.getKey(), b));
            }
          }
        });
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} on {3}")
  @MethodSource("transforms")
  void matchesTheReferenceOnTheTransformedInputAndIsInvariant(BaselineCase c, String key,
      String transform, LinearAlgebraBackend backend) {
    Map.Entry<String, Map<String, String>> estimator = ESTIMATORS.get(key);
    double base = Estimators.create(estimator.getKey(), estimator.getValue())
        .estimate(c.input(), backend).score();
    Matrix f = c.features();
    double[] y = c.labels();
    switch (transform) {
      case "affine" -> f = c.affine(c.array("sanity_affine_A.npy"),
          c.vector("sanity_affine_b.npy"));
      case "orthogonal_translation" -> f = c.affine(c.array("sanity_orthogonal_Q.npy"),
          c.vector("sanity_translation_t.npy"));
      case "orthogonal_translation_uniform_scale" -> {
        f = c.affine(c.array("sanity_orthogonal_Q.npy"), c.vector("sanity_translation_t.npy"));
        double scale = c.expected().at("/sanity_transforms/uniform_scale").asDouble();
        double[] d = f.data();
        for (int i = 0; i < d.length; i++) {
          d[i] *= scale;
        }
      }
      case "translation" -> f = c.affine(Matrix.identity(f.cols()),
          c.vector("sanity_translation_t.npy"));
      case "column_scale_permute_offset" -> f = columnTransform(c);
      case "label_permutation", "label_permutation_exact_ties" -> y = c.permutedLabels();
      default -> throw new AssertionError("unknown transform " + transform);
    }
    double transformed = Estimators.create(estimator.getKey(), estimator.getValue())
        .estimate(c.input(f, y), backend).score();
    JsonNode reference = c.expected().at("/sanity/" + key + "/" + transform);
    String what = key + " " + c + " " + transform;
    switch (key) {
      case "knn_loo_1nn" -> {
        assertThat(transformed).as(what).isEqualTo(reference.get("score").asDouble());
        assertThat(transformed).as(what + " invariance").isEqualTo(base);
      }
      case "parc_no_pca" -> {
        // exact label ties make PARC invariant to all of these; the published figure for the
        // label permutation moves with label rounding, the exact-ties one does not
        double exact = c.entry("parc_no_pca").get("score_exact_label_ties").asDouble();
        assertClose(what, transformed, exact, BaselineFixtureTest.PARC, 0);
        assertClose(what + " invariance", transformed, base, BaselineFixtureTest.PARC, 0);
      }
      default -> {
        assertClose(what, transformed, reference.get("score").asDouble(),
            BaselineFixtureTest.CLOSED_FORM, 0);
        assertClose(what + " invariance", transformed, base, BaselineFixtureTest.CLOSED_FORM, 0);
        FixtureErrors.record("sanity " + what, Math.abs(transformed - base) / Math.abs(base));
      }
    }
  }

  private static Matrix columnTransform(BaselineCase c) {
    JsonNode t = c.expected().get("sanity_transforms");
    Matrix f = c.features();
    Matrix out = Matrix.zeros(f.rows(), f.cols());
    for (int i = 0; i < f.rows(); i++) {
      for (int j = 0; j < f.cols(); j++) {
        out.set(i, j, f.get(i, t.get("col_perm").get(j).asInt())
            * t.get("col_scale").get(j).asDouble() + t.get("col_offset").get(j).asDouble());
      }
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return BaselineFixtureTest.cases();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void boundsStatedInTheSanitySection(BaselineCase c, LinearAlgebraBackend backend) {
    JsonNode sanity = c.expected().get("sanity");
    int upper = sanity.at("/hscore/upper_bound_C_minus_1").asInt();
    double h = Estimators.create("hscore").estimate(c.input(), backend).score();
    assertThat(h).isBetween(0.0, upper * (1 + 1e-12));
    if (sanity.get("hscore").has("n_minus_1_le_d_so_equals_C_minus_1")) {
      assertClose("hscore = C-1 when N-1 <= D", h, upper, 1e-12, 0);
    }
    double sfda = Estimators.create("sfda").estimate(c.input(), backend).score();
    assertThat(sfda).isBetween(0.0, 1.0);
    double nleep = Estimators.create("nleep").estimate(c.input(), backend).score();
    assertThat(nleep).isBetween(0.0, 1.0);
  }
}
