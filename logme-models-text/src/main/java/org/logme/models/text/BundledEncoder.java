package org.logme.models.text;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The sentence encoders whose ONNX weights come in langchain4j's Maven artifacts
 * ({@code dev.langchain4j:langchain4j-embeddings-<artifact>}, each holding the Xenova ONNX
 * export of the original model and its {@code tokenizer.json}). The {@code -q} variants are the
 * same exports quantised to 8-bit weights (Xenova's {@code model_quantized.onnx}): about four
 * times smaller and two to three times faster, at a small cost in accuracy.
 *
 * <p>Pooling and prefix follow each model card: all-MiniLM-L6-v2 and e5 average the token
 * vectors, bge takes the {@code [CLS]} vector; e5 was trained with {@code "query: "} or
 * {@code "passage: "} before every text and its card asks for {@code "query: "} on symmetric
 * tasks such as classification; bge's query instruction is for retrieval only, so none is used.
 *
 * @since 0.2
 */
enum BundledEncoder {
  /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, 384-d, English. */
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2", "all-minilm-l6-v2",
      "sentence-transformers/all-MiniLM-L6-v2", "Xenova/all-MiniLM-L6-v2", "English",
      PoolingMode.MEAN, ""),
  /** all-MiniLM-L6-v2, 8-bit quantised. */
  ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q", "all-minilm-l6-v2-q",
      "sentence-transformers/all-MiniLM-L6-v2", "Xenova/all-MiniLM-L6-v2", "English",
      PoolingMode.MEAN, ""),
  /** BAAI/bge-small-en-v1.5: 12 layers, 384-d, English. */
  BGE_SMALL_EN_V15("bge-small-en-v15", "bge-small-en-v15", "bge-small-en-v1.5",
      "BAAI/bge-small-en-v1.5", "Xenova/bge-small-en-v1.5", "English", PoolingMode.CLS, ""),
  /** bge-small-en-v1.5, 8-bit quantised. */
  BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v15-q", "bge-small-en-v1.5-q",
      "BAAI/bge-small-en-v1.5", "Xenova/bge-small-en-v1.5", "English", PoolingMode.CLS, ""),
  /** intfloat/e5-small-v2: 12 layers, 384-d, English; texts prefixed with "query: ". */
  E5_SMALL_V2("e5-small-v2", "e5-small-v2", "e5-small-v2", "intfloat/e5-small-v2",
      "Xenova/e5-small-v2", "English", PoolingMode.MEAN, "query: "),
  /** e5-small-v2, 8-bit quantised. */
  E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q", "e5-small-v2-q", "intfloat/e5-small-v2",
      "Xenova/e5-small-v2", "English", PoolingMode.MEAN, "query: "),
  /** BAAI/bge-small-zh-v1.5: 4 layers, 512-d, Chinese. */
  BGE_SMALL_ZH_V15("bge-small-zh-v15", "bge-small-zh-v15", "bge-small-zh-v1.5",
      "BAAI/bge-small-zh-v1.5", "Xenova/bge-small-zh-v1.5", "Chinese", PoolingMode.CLS, ""),
  /** bge-small-zh-v1.5, 8-bit quantised. */
  BGE_SMALL_ZH_V15_Q("bge-small-zh-v15-q", "bge-small-zh-v15-q", "bge-small-zh-v1.5-q",
      "BAAI/bge-small-zh-v1.5", "Xenova/bge-small-zh-v1.5", "Chinese", PoolingMode.CLS, "");

  private static final String GROUP = "dev.langchain4j";

  private final String modelName;
  private final String artifactSuffix;
  private final String resource;
  private final String original;
  private final String export;
  private final String language;
  private final PoolingMode pooling;
  private final String prefix;

  BundledEncoder(String modelName, String artifactSuffix, String resource, String original,
      String export, String language, PoolingMode pooling, String prefix) {
    this.modelName = modelName;
    this.artifactSuffix = artifactSuffix;
    this.resource = resource;
    this.original = original;
    this.export = export;
    this.language = language;
    this.pooling = pooling;
    this.prefix = prefix;
  }

  /** @return the name users select it by, for example {@code "bge-small-en-v15-q"} */
  String modelName() {
    return modelName;
  }

  /** @return the Maven artifact that holds the weights */
  String artifact() {
    return "langchain4j-embeddings-" + artifactSuffix;
  }

  boolean quantised() {
    return modelName.endsWith("-q");
  }

  PoolingMode pooling() {
    return pooling;
  }

  String prefix() {
    return prefix;
  }

  /** @return one line for {@code logme list} */
  String description() {
    return original + (quantised() ? ", 8-bit quantised" : "") + " (" + language
        + "; " + (pooling == PoolingMode.CLS ? "CLS" : "mean") + " pooling"
        + (prefix.isEmpty() ? "" : ", prefix '" + prefix + "'") + "; ONNX from " + artifact()
        + ")";
  }

  /** @return where the weights come from, for reports */
  String source() {
    return "https://huggingface.co/" + original + " (ONNX export: https://huggingface.co/"
        + export + (quantised() ? ", model_quantized.onnx" : ", model.onnx") + "), from Maven "
        + GROUP + ":" + artifact() + ":" + artifactVersion();
  }

  /**
   * @return the version of the artifact on the class path, read from its
   *     {@code pom.properties}
   * @throws IllegalStateException if the artifact is not on the class path
   */
  String artifactVersion() {
    String path = "META-INF/maven/" + GROUP + "/" + artifact() + "/pom.properties";
    try (InputStream in = resourceStream(path)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the ONNX file's bytes */
  byte[] onnx() {
    return read(resource + ".onnx");
  }

  /** @return the tokenizer's bytes */
  byte[] tokenizer() {
    return read(resource + "-tokenizer.json");
  }

  /**
   * @return the artifact and the settings logme applies to it: what decides the features
   */
  String version() {
    return GROUP + ":" + artifact() + ":" + artifactVersion() + " (" + pooling.name()
        .toLowerCase(java.util.Locale.ROOT) + " pooling, prefix '" + prefix + "', normalised)";
  }

  /** @return the encoder's loading instructions */
  OnnxTextEncoder.Spec spec() {
    return new OnnxTextEncoder.Spec(modelName, onnx(), tokenizer(), pooling, prefix, source(),
        version(), "the bundled " + modelName + " model (" + artifact() + ")");
  }

  private byte[] read(String name) {
    try (InputStream in = resourceStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from " + artifact(), e);
    }
  }

  private InputStream resourceStream(String name) {
    InputStream in = BundledEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the class path: the jar "
          + GROUP + ":" + artifact() + " is missing (the launcher puts logme-models-text/"
          + "target/lib/* on the class path; rebuild with mvn -B package -DskipTests)");
    }
    return in;
  }
}
