package org.logme.eval.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.PluginRegistry;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.eval.zoo.ModelZoo;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/** {@code logme extract} embedding the class names for EMMS: layout, reuse, cache, checks. */
class LabelEncodersTest {
  @TempDir
  Path dir;

  private HashingExtractorProvider alpha;
  private HashingExtractorProvider beta;
  private TextTask task;
  private PluginRegistry<FeatureExtractorProvider> registry;

  @BeforeEach
  void setUp() throws IOException {
    alpha = new HashingExtractorProvider("alpha", "1");
    beta = new HashingExtractorProvider("beta", "2");
    registry = new PluginRegistry<>("model", Map.of("alpha", alpha, "beta", beta));
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < 30; i++) {
      csv.append("text ").append(i).append(" #").append(i % 3).append(',')
          .append(new String[] {"cat", "dog", "fish"}[i % 3]).append('\n');
    }
    task = TextTask.read(Files.writeString(dir.resolve("t.csv"), csv), "text", "label");
  }

  private TextZooBuilder builder(Optional<FeatureCache> cache) {
    return new TextZooBuilder(registry, 1, cache, Optional.empty(), ExtractionProgress.NONE);
  }

  @Test
  void oneEncoderWritesTheClassNamesEmbeddingsRowByClassId() throws IOException {
    TextZooBuilder b = builder(Optional.empty()).withLabelEncoders(List.of("alpha"));
    Path zoo = dir.resolve("zoo");
    b.build(task, b.resolve(List.of("alpha")), zoo);
    // the model was opened once, for its features and the class names
    assertThat(alpha.opened.get()).isEqualTo(1);
    NdArray written = NpyReader.read(zoo.resolve(ModelZoo.LABEL_EMBEDDINGS));
    float[][] expected;
    try (FeatureExtractor e = alpha.open("", 1)) {
      expected = e.extract(List.of("cat", "dog", "fish"));
    }
    assertThat(written.shape()).containsExactly(3, HashingExtractorProvider.DIMENSION);
    for (int r = 0; r < 3; r++) {
      for (int j = 0; j < HashingExtractorProvider.DIMENSION; j++) {
        assertThat(written.data()[r * HashingExtractorProvider.DIMENSION + j])
            .isEqualTo((double) expected[r][j]);
      }
    }
    assertThat(ModelZoo.open(zoo).labelEmbeddings()).isPresent();
  }

  @Test
  void severalEncodersWriteOneFileEachAndTheCacheSparesTheModels() throws IOException {
    FeatureCache cache = new FeatureCache(dir.resolve("cache"));
    TextZooBuilder b = builder(Optional.of(cache)).withLabelEncoders(List.of("alpha", "beta"));
    Path zoo = dir.resolve("zoo2");
    b.build(task, b.resolve(List.of("alpha")), zoo);
    assertThat(alpha.opened.get()).isEqualTo(1);
    assertThat(beta.opened.get()).as("an encoder that is not a model is opened for the names")
        .isEqualTo(1);
    LabelEmbeddings embeddings = ModelZoo.open(zoo).labelEmbeddings().orElseThrow();
    assertThat(embeddings.names()).containsExactly("alpha", "beta");
    assertThat(embeddings.encoderCount()).isEqualTo(2);
    b.build(task, b.resolve(List.of("alpha")), zoo);
    assertThat(alpha.opened.get()).as("cached: no model is loaded again").isEqualTo(1);
    assertThat(beta.opened.get()).isEqualTo(1);
  }

  @Test
  void anUnknownEncoderIsAUsageErrorBeforeAnythingIsWritten() {
    TextZooBuilder b = builder(Optional.empty()).withLabelEncoders(List.of("gamma"));
    Path zoo = dir.resolve("zoo3");
    assertThatThrownBy(() -> b.build(task, b.resolve(List.of("alpha")), zoo))
        .hasMessageContaining("gamma");
    assertThat(zoo).doesNotExist();
  }
}
