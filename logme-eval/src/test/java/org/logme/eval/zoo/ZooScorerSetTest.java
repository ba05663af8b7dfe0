package org.logme.eval.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.core.LogMeEstimatorProvider;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.io.NpyWriter;

/**
 * Set-level estimators in a zoo: each model's components computed in its worker, combined over
 * the models once all are scored, flagged set-dependent; the same scores as scoring the set at
 * once; fewer than two models is an error alone, a warning among several estimators.
 */
class ZooScorerSetTest {
  @TempDir
  Path dir;

  /** A set-level estimator for the test: the mean |feature|, min-max normalised over the set. */
  static final class MeanMagnitude implements CandidateSetEstimator {
    @Override
    public String name() {
      return "magnitude";
    }

    @Override
    public List<Set<InputKind>> acceptedInputs() {
      return List.of(Set.of(InputKind.FEATURES, InputKind.LABELS));
    }

    @Override
    public ModelComponents components(EstimationInput input, LinearAlgebraBackend backend) {
      double sum = 0;
      double[] data = input.features().orElseThrow().matrix().data();
      for (double v : data) {
        sum += Math.abs(v);
      }
      return new ModelComponents(name(), Map.of("mean", sum / data.length), List.of(),
          Map.of());
    }

    @Override
    public List<EstimateResult> combine(List<ModelComponents> candidates) {
      requireCandidates(candidates.size());
      List<String> warnings = new ArrayList<>();
      double[] v = ModelComponents.minMax(candidates, "mean", warnings);
      List<EstimateResult> out = new ArrayList<>();
      for (double e : v) {
        out.add(EstimateResult.builder(name(), e).setDependent(true).warnings(warnings).build());
      }
      return out;
    }
  }

  @Test
  void setScoresInAZooEqualScoringTheSetAtOnce() throws IOException {
    Path zoo = TestZoo.write(dir.resolve("zoo"), new double[] {0.5, 2, 1, 4},
        new boolean[4]);
    LinearAlgebraBackend backend = Backends.all().get(0);
    MeanMagnitude set = new MeanMagnitude();
    ModelZoo opened = ModelZoo.open(zoo);
    for (int threads : new int[] {1, 3}) {
      ZooResult result = new ZooScorer(List.of(new LogMeEstimatorProvider().create(), set),
          backend).threads(threads).score(opened);
      List<EstimationInput> inputs = new ArrayList<>();
      for (String m : opened.models()) {
        inputs.add(opened.input(m, Set.of(InputKind.FEATURES)));
      }
      List<EstimateResult> direct = set.estimateSet(inputs, backend);
      for (int m = 0; m < inputs.size(); m++) {
        EstimateResult inZoo = result.result(opened.models().get(m), "magnitude").orElseThrow();
        assertThat(inZoo.score()).isEqualTo(direct.get(m).score());
        assertThat(inZoo.setDependent()).isTrue();
      }
      ResultsTable table = result.table();
      assertThat(table.columns()).extracting(ScoreColumn::name, ScoreColumn::setDependent)
          .startsWith(org.assertj.core.groups.Tuple.tuple("logme", false),
              org.assertj.core.groups.Tuple.tuple("magnitude", true));
      String html = Files.readString(org.logme.eval.report.ReportWriter.write(
          dir.resolve("report"), org.logme.eval.report.Report.of(table)));
      assertThat(html).contains("magnitude<span class=\"badge\" title=\"scores normalised")
          .contains("A set-dependent estimator normalises its scores")
          .doesNotContain("logme<span class=\"badge\"");
    }
  }

  @Test
  void aSetLevelEstimatorNeedsTwoModels() throws IOException {
    Path zoo = TestZoo.write(dir.resolve("one"), new double[] {1}, new boolean[1]);
    LinearAlgebraBackend backend = Backends.all().get(0);
    ModelZoo opened = ModelZoo.open(zoo);
    assertThatThrownBy(() -> new ZooScorer(List.of(new MeanMagnitude()), backend).score(opened))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'magnitude' is set-dependent")
        .hasMessageContaining("at least 2 models, but only m0 could be scored");
    ZooResult both = new ZooScorer(List.of(new LogMeEstimatorProvider().create(),
        new MeanMagnitude()), backend).score(opened);
    assertThat(both.result("m0", "logme")).isPresent();
    assertThat(both.result("m0", "magnitude")).isEmpty();
    assertThat(both.warnings()).anySatisfy(w -> assertThat(w)
        .contains("'magnitude' is set-dependent").endsWith("; skipped"));
  }

  @Test
  void modelJsonFactsBecomeStaticColumnsWhenEveryModelHasThem() throws IOException {
    Path zoo = TestZoo.write(dir.resolve("facts"), new double[] {1, 2}, new boolean[2]);
    Files.writeString(zoo.resolve("models/m0/model.json"),
        "{\"name\": \"m0\", \"dimension\": 6, \"parameters\": 10, \"depth\": 3}");
    Files.writeString(zoo.resolve("models/m1/model.json"),
        "{\"name\": \"m1\", \"dimension\": 6, \"parameters\": 30, \"depth\": null}");
    ModelZoo opened = ModelZoo.open(zoo);
    ResultsTable table = new ZooScorer(List.of(new LogMeEstimatorProvider().create()),
        Backends.all().get(0)).score(opened).table();
    // depth is missing for m1: no column; params and dimension are complete
    assertThat(table.columns()).extracting(ScoreColumn::name)
        .containsExactly("logme", "params", "dimension");
    assertThat(table.columns().get(1).isStatic()).isTrue();
    assertThat(table.groups().get(0).score(1, 1).getAsDouble()).isEqualTo(30.0);
  }

  @Test
  void labelEmbeddingsOfTheZooReachTheEstimators() throws IOException {
    Path zoo = TestZoo.write(dir.resolve("emb"), new double[] {1, 2}, new boolean[2]);
    NpyWriter.write(zoo.resolve(ModelZoo.LABEL_EMBEDDINGS), Matrix.wrap(3, 2,
        new double[] {1, 0, 0, 1, 1, 1}), NpyWriter.Type.FLOAT64, false);
    ModelZoo opened = ModelZoo.open(zoo);
    assertThat(opened.available("m0")).contains(InputKind.LABEL_EMBEDDINGS);
    assertThat(opened.input("m0", Set.of(InputKind.LABEL_EMBEDDINGS)).labelEmbeddings()
        .orElseThrow().rows()).isEqualTo(3);
    // too few rows for the class ids: refused when the zoo is opened
    NpyWriter.write(zoo.resolve(ModelZoo.LABEL_EMBEDDINGS), Matrix.wrap(2, 2,
        new double[] {1, 0, 0, 1}), NpyWriter.Type.FLOAT64, false);
    assertThatThrownBy(() -> ModelZoo.open(zoo)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 rows of label embeddings").hasMessageContaining("class id 2");
  }
}
