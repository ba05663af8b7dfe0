package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.CandidateSetEstimator;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.testing.SharedFixtures;
import org.logme.eval.zoo.ModelZoo;
import org.logme.io.NpyReader;
import org.logme.io.NpyWriter;

/**
 * The estimators of issue 11 through the command line: listed by name, set-level estimators
 * scored over a zoo and refused for one model, compositions with addressable parameters, label
 * embeddings from options and from the zoo, and set-dependence marked in every output.
 */
class CandidateSetCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** Three models of 300 digits: the pixels, the pixels with noise, half of them with noise. */
  private Path zoo() throws IOException {
    Path fixture = SharedFixtures.fixture("baselines-digits");
    Matrix all = NpyReader.read(fixture.resolve("features.npy")).asMatrix();
    double[] labels = NpyReader.read(fixture.resolve("labels.npy")).asVector("labels");
    int n = 300;
    Matrix f = all.rows(0, n);
    Random random = new Random(5);
    Matrix noisy = Matrix.zeros(n, 64);
    Matrix half = Matrix.zeros(n, 64);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 64; j++) {
        noisy.set(i, j, f.get(i, j) + 3 * random.nextGaussian());
        half.set(i, j, j < 32 ? f.get(i, j) : random.nextGaussian());
      }
    }
    Path root = dir.resolve("zoo");
    Matrix[] models = {f, noisy, half};
    String[] names = {"pixels", "noisy", "half"};
    for (int m = 0; m < 3; m++) {
      Path model = Files.createDirectories(root.resolve("models").resolve(names[m]));
      NpyWriter.write(model.resolve("features.npy"), models[m], NpyWriter.Type.FLOAT64, false);
      Files.writeString(model.resolve("model.json"), "{\"name\": \"" + names[m]
          + "\", \"dimension\": 64, \"parameters\": " + (1000 * (m + 1)) + "}");
    }
    NpyWriter.write(root.resolve("labels.npy"), Matrix.column(java.util.Arrays.copyOf(labels,
        n)), NpyWriter.Type.INT64, true);
    NpyWriter.write(root.resolve("label_embeddings.npy"), embeddings(10, 8, 1),
        NpyWriter.Type.FLOAT64, false);
    Files.writeString(root.resolve("accuracy.csv"), "model,accuracy\npixels,0.97\nnoisy,0.9\n"
        + "half,0.8\n");
    return root;
  }

  private static Matrix embeddings(int classes, int dimension, long seed) {
    Random random = new Random(seed);
    Matrix e = Matrix.zeros(classes, dimension);
    for (int i = 0; i < e.data().length; i++) {
      e.data()[i] = random.nextGaussian();
    }
    return e;
  }

  @Test
  void listNamesTheNewEstimatorsAndTheCompositions() throws IOException {
    CliRunner.Run run = CliRunner.run("list", "--verbose");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("  pactran ", "  ncti ", "  etran ", "  tmi ", "  emms ",
        "  ped+logme ", "  ped+sfda ", "  probe ", "  etran-lda ", "  etran-energy ",
        "--param ped.n_sigma=0.6", "Feature transforms", "set-dependent");
    JsonNode json = JSON.readTree(CliRunner.run("list", "--json").out());
    assertThat(json.at("/estimators/ncti/set_dependent").asBoolean()).isTrue();
    assertThat(json.at("/estimators/etran/set_dependent").asBoolean()).isTrue();
    assertThat(json.at("/estimators/logme/set_dependent").asBoolean()).isFalse();
    assertThat(json.at("/estimators/pactran/higher_is_better").asBoolean()).isFalse();
    assertThat(json.at("/estimators/emms/needs").asText()).contains("--label-embeddings");
    assertThat(json.at("/estimators/ped+logme/parameters").has("ped.n_sigma")).isTrue();
    assertThat(json.at("/transforms/ped/published_with").toString())
        .isEqualTo("[\"logme\",\"sfda\"]");
  }

  @Test
  void rankScoresSetLevelEstimatorsOverTheZooAndMarksThem() throws IOException {
    Path zoo = zoo();
    Path report = dir.resolve("report");
    CliRunner.Run run = CliRunner.run("rank", "--zoo", zoo.toString(), "--estimator",
        "logme,ncti,etran,pactran,emms,ped+sfda", "--json", "--report", report.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.at("/columns/ncti/set_dependent").asBoolean()).isTrue();
    assertThat(json.at("/columns/etran/set_dependent").asBoolean()).isTrue();
    assertThat(json.at("/columns/logme/set_dependent").asBoolean()).isFalse();
    assertThat(json.at("/columns/pactran/higher_is_better").asBoolean()).isFalse();
    assertThat(json.at("/columns/params/kind").asText()).isEqualTo("static");
    // the zoo's NCTI equals NCTI over the same three models scored together
    PluginRegistry<EstimatorProvider> registry = org.logme.api.transform.Compositions.registry(
        PluginRegistry.discover("estimator", EstimatorProvider.class, EstimatorProvider::name)
            .all(), java.util.Map.of());
    CandidateSetEstimator ncti = (CandidateSetEstimator) registry.get("ncti").create();
    ModelZoo opened = ModelZoo.open(zoo);
    List<EstimationInput> inputs = new ArrayList<>();
    for (String m : opened.models()) {
      inputs.add(opened.input(m, Set.of(InputKind.FEATURES)));
    }
    List<EstimateResult> direct = ncti.estimateSet(inputs, PluginRegistry.discover("backend",
        LinearAlgebraBackendProvider.class, LinearAlgebraBackendProvider::name).get("ejml")
        .create(1));
    for (JsonNode entry : json.at("/ranking/all/ncti")) {
      int m = opened.models().indexOf(entry.get("model").asText());
      assertThat(entry.get("score").asDouble()).isEqualTo(direct.get(m).score());
    }
    // lower is better: the lowest PACTran bound ranks first
    JsonNode pactran = json.at("/ranking/all/pactran");
    assertThat(pactran.get(0).get("score").asDouble())
        .isLessThan(pactran.get(2).get("score").asDouble());
    assertThat(Files.readAllLines(report.resolve("columns.csv"))).contains(
        "column,kind,higher_is_better,set_dependent", "ncti,estimator,true,true",
        "pactran,estimator,false,false", "params,static,true,false");
    CliRunner.Run text = CliRunner.run("rank", "--zoo", zoo.toString(), "--estimator",
        "ncti,pactran");
    assertThat(text.out()).contains("ncti (set-dependent) (rank)",
        "pactran (lower is better) (rank)");
  }

  @Test
  void scoreRefusesASetLevelEstimatorForOneModel() throws IOException {
    Path zoo = zoo();
    String features = zoo.resolve("models/pixels/features.npy").toString();
    String labels = zoo.resolve("labels.npy").toString();
    CliRunner.Run alone = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "ncti");
    assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(alone.err()).contains("estimator 'ncti' is set-dependent",
        "logme rank --zoo DIR --estimator ncti");
    CliRunner.Run several = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "logme,etran", "--json");
    assertThat(several.exitCode()).as(several.err()).isZero();
    assertThat(several.err()).contains("estimator 'etran' is set-dependent").contains("skipped");
    JsonNode results = JSON.readTree(several.out());
    assertThat(results.at("/results/0/set_dependent").asBoolean()).isFalse();
    assertThat(results.get("skipped").toString()).contains("etran");
  }

  @Test
  void compositionsTakeTheirParametersPrefixed() throws IOException {
    Path zoo = zoo();
    String features = zoo.resolve("models/pixels/features.npy").toString();
    String labels = zoo.resolve("labels.npy").toString();
    CliRunner.Run run = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "ped+sfda", "--param", "ped.n_sigma=0.3", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out()).at("/results/0");
    assertThat(json.get("estimator").asText()).isEqualTo("ped+sfda");
    assertThat(json.at("/parameters/ped.n_sigma").asDouble()).isEqualTo(0.3);
    assertThat(json.at("/details/ped.steps").isInt()).isTrue();
    CliRunner.Run unknown = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "pod+sfda");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("unknown feature transform 'pod'", "ped");
    CliRunner.Run noFeatures = CliRunner.run("score", "--features", features, "--labels",
        labels, "--estimator", "ped+leep");
    assertThat(noFeatures.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noFeatures.err()).contains("'leep' does not take features");
  }

  @Test
  void emmsReadsLabelEmbeddingsFromOptionsAndTellsWhatIsWrong() throws IOException {
    Path zoo = zoo();
    String features = zoo.resolve("models/pixels/features.npy").toString();
    String labels = zoo.resolve("labels.npy").toString();
    Path a = dir.resolve("a.npy");
    Path b = dir.resolve("b.npy");
    Path wide = dir.resolve("wide.npy");
    NpyWriter.write(a, embeddings(10, 8, 2), NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(b, embeddings(10, 8, 3), NpyWriter.Type.FLOAT64, false);
    NpyWriter.write(wide, embeddings(10, 9, 4), NpyWriter.Type.FLOAT64, false);
    CliRunner.Run run = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "emms", "--label-embeddings", a.toString(), "--label-embeddings",
        b.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out()).at("/results/0");
    assertThat(json.at("/details/encoders").size()).isEqualTo(2);
    assertThat(json.get("score").asDouble()).isNegative();
    CliRunner.Run missing = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "emms");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("--label-embeddings");
    CliRunner.Run mismatch = CliRunner.run("score", "--features", features, "--labels", labels,
        "--estimator", "emms", "--label-embeddings", a.toString(), "--label-embeddings",
        wide.toString());
    assertThat(mismatch.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(mismatch.err()).contains("shape (10, 9) differs");
  }
}
