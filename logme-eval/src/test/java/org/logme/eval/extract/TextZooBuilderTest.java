package org.logme.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.UnknownPluginException;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;
import org.logme.eval.zoo.ModelZoo;
import org.logme.probe.ProbeSettings;

/** The zoo a text task becomes: layout, cache, replacement rules and model resolution. */
class TextZooBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private HashingExtractorProvider alpha;
  private HashingExtractorProvider beta;
  private PluginRegistry<FeatureExtractorProvider> registry;
  private TextTask task;

  @BeforeEach
  void setUp() throws IOException {
    alpha = new HashingExtractorProvider("alpha", "1");
    beta = new HashingExtractorProvider("beta", "7");
    registry = new PluginRegistry<>("model", Map.of("alpha", alpha, "beta", beta));
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < 60; i++) {
      csv.append("text ").append(i).append(" #").append(i % 3).append(',')
          .append(new String[] {"cat", "dog", "fish"}[i % 3]).append('\n');
    }
    Path file = Files.writeString(dir.resolve("task.csv"), csv);
    task = TextTask.read(file, "text", "label");
  }

  private TextZooBuilder builder(Optional<FeatureCache> cache, boolean probe) {
    return new TextZooBuilder(registry, 2, cache,
        probe ? Optional.of(ProbeSettings.defaults()) : Optional.empty(),
        ExtractionProgress.NONE);
  }

  @Test
  void theZooHasTheLayoutRankReads() throws IOException {
    TextZooBuilder b = builder(Optional.empty(), true);
    Path zoo = dir.resolve("zoo");
    List<ExtractedModel> models = b.build(task, b.resolve(List.of("all")), zoo);
    assertThat(models).extracting(ExtractedModel::directory).containsExactly("alpha", "beta");
    NdArray labels = NpyReader.read(zoo.resolve("labels.npy"));
    assertThat(labels.dtype().descr()).isEqualTo("<i8");
    assertThat(labels.data()[0]).isZero(); // "cat"
    assertThat(labels.data()[1]).isEqualTo(1); // "dog"
    JsonNode classes = JSON.readTree(zoo.resolve("classes.json").toFile());
    assertThat(classes.get("2").asText()).isEqualTo("fish");
    NdArray features = NpyReader.read(zoo.resolve("models/alpha/features.npy"));
    assertThat(features.shape()).containsExactly(60, HashingExtractorProvider.DIMENSION);
    assertThat(features.dtype().descr()).isEqualTo("<f4");
    assertThat(JSON.readTree(zoo.resolve("models/beta/model.json").toFile()).get("version")
        .asText()).isEqualTo("7");
    assertThat(Files.readAllLines(zoo.resolve("accuracy.csv"))).first()
        .isEqualTo("model,accuracy,params,dimension");
    assertThat(Files.readAllLines(zoo.resolve("accuracy.csv")).get(1))
        .matches("alpha,[01]\\.[0-9]+,1234,6");
    // the class signal makes the task learnable
    assertThat(models.get(0).probe().orElseThrow().at(1.0)).isGreaterThan(0.9);
    ModelZoo opened = ModelZoo.open(zoo);
    assertThat(opened.models()).containsExactly("alpha", "beta");
    assertThat(opened.probeVariants().orElseThrow().columns())
        .containsExactly("c0.1", "c1", "c10", "cv");
    assertThat(JSON.readTree(zoo.resolve("extract.json").toFile()).get("n").asInt())
        .isEqualTo(60);
  }

  @Test
  void cachedFeaturesAreNeitherLoadedNorEmbeddedAgainAndAreIdentical() throws IOException {
    FeatureCache cache = new FeatureCache(dir.resolve("cache"));
    TextZooBuilder b = builder(Optional.of(cache), true);
    b.build(task, b.resolve(List.of("alpha")), dir.resolve("one"));
    assertThat(alpha.opened).hasValue(1);
    List<ExtractedModel> again = b.build(task, b.resolve(List.of("alpha")), dir.resolve("two"));
    assertThat(alpha.opened).as("not loaded again").hasValue(1);
    assertThat(again.get(0).cached()).isTrue();
    assertThat(again.get(0).info().parameters()).hasValue(1234);
    assertThat(Files.readAllBytes(dir.resolve("two/models/alpha/features.npy")))
        .isEqualTo(Files.readAllBytes(dir.resolve("one/models/alpha/features.npy")));
    assertThat(Files.readAllLines(dir.resolve("two/probe.csv")))
        .isEqualTo(Files.readAllLines(dir.resolve("one/probe.csv")));
    // other texts, or another version of the model, miss the cache
    b.build(task.limit(30, 1), b.resolve(List.of("alpha")), dir.resolve("three"));
    assertThat(alpha.opened).hasValue(2);
  }

  @Test
  void severalTasksLoadEachModelOnce() {
    TextZooBuilder b = builder(Optional.empty(), false);
    List<List<ExtractedModel>> all = b.buildAll(List.of(
        new TextZooBuilder.Job(task, dir.resolve("a/zoo")),
        new TextZooBuilder.Job(task.limit(30, 0), dir.resolve("b/zoo"))),
        b.resolve(List.of("alpha", "beta")));
    assertThat(alpha.opened).hasValue(1);
    assertThat(beta.opened).hasValue(1);
    assertThat(all).hasSize(2);
    assertThat(ModelZoo.open(dir.resolve("b/zoo")).models()).containsExactly("alpha", "beta");
  }

  @Test
  void anEarlierZooIsReplacedButAnyOtherDirectoryIsLeftAlone() throws IOException {
    TextZooBuilder b = builder(Optional.empty(), false);
    Path zoo = dir.resolve("zoo");
    b.build(task, b.resolve(List.of("alpha", "beta")), zoo);
    b.build(task, b.resolve(List.of("beta")), zoo);
    assertThat(ModelZoo.open(zoo).models()).as("no stale model").containsExactly("beta");
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "precious");
    assertThatThrownBy(() -> b.build(task, b.resolve(List.of("beta")), mine))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a model zoo");
    assertThat(mine.resolve("thesis.tex")).hasContent("precious");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains(".partial-") || n.contains(".old-"));
    }
  }

  @Test
  void aFailingExtractionLeavesNoZooBehind() throws IOException {
    Path file = Files.writeString(dir.resolve("blank.csv"), "text,label\na,x\n   x   ,y\n");
    TextTask blank = new TextTask("blank.csv", List.of("a", "  ", "c"), new int[] {0, 1, 0},
        List.of("x", "y"));
    TextZooBuilder b = builder(Optional.empty(), false);
    assertThatThrownBy(() -> b.build(blank, b.resolve(List.of("alpha")), dir.resolve("zoo")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("blank.csv, texts 1-3: alpha: item 2 of the batch is blank");
    assertThat(dir.resolve("zoo")).doesNotExist();
    assertThat(file).exists();
  }

  @Test
  void modelNamesAreResolvedWithTheirArgumentsAndErrorsListTheNames() {
    TextZooBuilder b = builder(Optional.empty(), false);
    assertThat(b.resolve(List.of("beta", "all"))).extracting(TextZooBuilder.Request::name)
        .containsExactly("beta", "alpha");
    assertThatThrownBy(() -> b.resolve(List.of("gamma")))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown model 'gamma'; available: alpha, beta");
    assertThatThrownBy(() -> b.resolve(List.of("alpha:/x")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("takes nothing after a colon");
  }
}
