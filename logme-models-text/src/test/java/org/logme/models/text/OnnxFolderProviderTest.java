package org.logme.models.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidInputException;
import org.logme.api.extractor.FeatureExtractor;

/** {@code onnx:FOLDER}: what it reads from the folder, and the errors for what is missing. */
class OnnxFolderProviderTest {
  private final OnnxFolderProvider provider = new OnnxFolderProvider();

  @TempDir
  Path dir;

  private static final List<String> TEXTS = List.of("a red apple", "the stock market fell");

  @Test
  void aFolderWithTheBundledFilesEmbedsExactlyLikeTheBundledModel() throws IOException {
    OnnxFolders.write(dir, BundledEncoder.ALL_MINILM_L6_V2_Q,
        "{\"word_embedding_dimension\": 384, \"pooling_mode_mean_tokens\": true}");
    try (FeatureExtractor folder = provider.open(dir.toString(), 1);
        FeatureExtractor bundled = new BundledEncoderProvider.AllMiniLmL6V2Quantised()
            .open("", 1)) {
      assertThat(folder.extract(TEXTS)).isDeepEqualTo(bundled.extract(TEXTS));
      assertThat(folder.info().name()).isEqualTo("onnx:" + dir);
      assertThat(folder.info().dimension()).isEqualTo(384);
      assertThat(folder.info().version()).startsWith("sha256:")
          .isNotEqualTo(bundled.info().version());
      assertThat(folder.info().parameters()).isEqualTo(bundled.info().parameters());
    }
  }

  @Test
  void clsPoolingFromThePoolingConfigChangesTheRows() throws IOException {
    OnnxFolders.write(dir, BundledEncoder.ALL_MINILM_L6_V2_Q,
        "{\"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}");
    try (FeatureExtractor cls = provider.open(dir.toString(), 1);
        FeatureExtractor mean = new BundledEncoderProvider.AllMiniLmL6V2Quantised()
            .open("", 1)) {
      assertThat(cls.info().properties().get("pooling")).startsWith("cls");
      assertThat(cls.extract(TEXTS)[0]).isNotEqualTo(mean.extract(TEXTS)[0]);
    }
  }

  @Test
  void theDefaultPromptOfSentenceTransformersIsPutBeforeEveryText() throws IOException {
    OnnxFolders.write(dir, BundledEncoder.ALL_MINILM_L6_V2_Q, null);
    Files.writeString(dir.resolve("config_sentence_transformers.json"),
        "{\"prompts\": {\"query\": \"query: \", \"passage\": \"passage: \"},"
            + " \"default_prompt_name\": \"query\"}");
    try (FeatureExtractor prompted = provider.open(dir.toString(), 1);
        FeatureExtractor bundled = new BundledEncoderProvider.AllMiniLmL6V2Quantised()
            .open("", 1)) {
      assertThat(prompted.info().properties()).containsEntry("prefix", "'query: '");
      assertThat(prompted.extract(List.of("a red apple")))
          .isDeepEqualTo(bundled.extract(List.of("query: a red apple")));
    }
  }

  @Test
  void aFolderWithoutTokenizerJsonIsNamedWithWhatItHolds() throws IOException {
    Files.write(dir.resolve("model.onnx"), BundledEncoder.ALL_MINILM_L6_V2_Q.onnx());
    assertThatThrownBy(() -> provider.open(dir.toString(), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no tokenizer.json").hasMessageContaining("it holds: model.onnx");
  }

  @Test
  void aFolderWithoutModelOnnxSaysHowToExportOne() throws IOException {
    Files.writeString(dir.resolve("README.md"), "hello");
    assertThatThrownBy(() -> provider.open(dir.toString(), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no model.onnx").hasMessageContaining("README.md")
        .hasMessageContaining("optimum-cli export onnx");
  }

  @Test
  void theOptimumLayoutWithTheModelInOnnxIsFound() throws IOException {
    Files.createDirectories(dir.resolve("onnx"));
    Files.write(dir.resolve("onnx").resolve("model.onnx"),
        BundledEncoder.ALL_MINILM_L6_V2_Q.onnx());
    Files.write(dir.resolve("tokenizer.json"), BundledEncoder.ALL_MINILM_L6_V2_Q.tokenizer());
    try (FeatureExtractor model = provider.open(dir.toString(), 1)) {
      assertThat(model.info().dimension()).isEqualTo(384);
    }
  }

  @Test
  void aMissingFolderAFileAndNoArgumentAreBadInput() throws IOException {
    assertThatThrownBy(() -> provider.open(dir.resolve("nope").toString(), 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no such directory");
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThatThrownBy(() -> provider.open(file.toString(), 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> provider.open("", 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a folder");
  }

  @Test
  void aCorruptModelOrTokenizerIsBadInputNamingTheFile() throws IOException {
    Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.write(dir.resolve("tokenizer.json"), BundledEncoder.ALL_MINILM_L6_V2_Q.tokenizer());
    assertThatThrownBy(() -> provider.open(dir.toString(), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ONNX Runtime cannot load the model");
    Files.write(dir.resolve("model.onnx"), BundledEncoder.ALL_MINILM_L6_V2_Q.onnx());
    Files.writeString(dir.resolve("tokenizer.json"), "{ not a tokenizer");
    assertThatThrownBy(() -> provider.open(dir.toString(), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the tokenizer cannot be loaded");
  }

  @Test
  void anUnsupportedPoolingIsRefused() throws IOException {
    OnnxFolders.write(dir, BundledEncoder.ALL_MINILM_L6_V2_Q,
        "{\"pooling_mode_max_tokens\": true}");
    assertThatThrownBy(() -> provider.open(dir.toString(), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("only those two are supported");
  }
}
