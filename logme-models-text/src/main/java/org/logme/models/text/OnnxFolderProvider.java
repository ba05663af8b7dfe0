package org.logme.models.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.logme.api.InvalidInputException;
import org.logme.api.extractor.FeatureExtractor;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.extractor.Modality;

/**
 * {@code onnx:FOLDER}: a user's own sentence encoder, as {@code optimum-cli export onnx} or
 * sentence-transformers' ONNX backend writes it:
 * <pre>
 *   FOLDER/model.onnx (or FOLDER/onnx/model.onnx)   the transformer, first output
 *                                                 [batch, tokens, hidden]
 *   FOLDER/tokenizer.json                          the HuggingFace fast tokenizer
 *   FOLDER/1_Pooling/config.json                   optional: pooling_mode_cls_token or
 *                                                 pooling_mode_mean_tokens (default: mean)
 *   FOLDER/config_sentence_transformers.json       optional: the prompt named by
 *                                                 default_prompt_name is put before every text
 * </pre>
 * It is run like the bundled encoders ({@link OnnxTextEncoder}): unit-normalised pooled vectors.
 * Its cache version is the SHA-256 of the model, the tokenizer and the settings, so editing a
 * file invalidates cached features.
 *
 * @since 0.2
 */
public final class OnnxFolderProvider implements FeatureExtractorProvider {
  /** The largest ONNX file read into memory; larger models keep their weights as external data. */
  static final long MAX_MODEL_BYTES = Integer.MAX_VALUE - 64;


  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public String description() {
    return "your own sentence encoder: FOLDER with model.onnx and tokenizer.json (a"
        + " sentence-transformers or optimum ONNX export; pooling from 1_Pooling/config.json)";
  }

  @Override
  public Modality modality() {
    return Modality.TEXT;
  }

  @Override
  public Optional<String> argument() {
    return Optional.of("FOLDER");
  }

  @Override
  public String version(String argument) {
    return Export.of(argument).version();
  }

  @Override
  public FeatureExtractor open(String argument, int threads) {
    Export export = Export.of(argument);
    OnnxTextEncoder.Spec spec = new OnnxTextEncoder.Spec("onnx:" + argument, export.onnx(),
        export.tokenizer(), export.pooling(), export.prefix(),
        export.folder().toAbsolutePath().normalize().toString(), export.version(),
        "onnx:" + argument + " (" + export.model() + ")");
    return OnnxTextEncoder.load(spec, threads);
  }

  /** A folder's files and settings, read and checked. */
  private record Export(Path folder, Path model, byte[] onnx, byte[] tokenizer,
      PoolingMode pooling, String prefix) {

    static Export of(String argument) {
      if (argument.isBlank()) {
        throw new InvalidInputException("onnx: needs a folder, as in onnx:/path/to/model (a"
            + " folder holding model.onnx and tokenizer.json)");
      }
      Path folder = Path.of(argument);
      if (!Files.isDirectory(folder)) {
        throw new InvalidInputException("onnx:" + argument + ": " + (Files.exists(folder)
            ? "not a directory" : "no such directory") + "; give the folder that holds"
            + " model.onnx and tokenizer.json");
      }
      Path model = Files.isRegularFile(folder.resolve("model.onnx"))
          ? folder.resolve("model.onnx") : folder.resolve("onnx").resolve("model.onnx");
      if (!Files.isRegularFile(model)) {
        throw new InvalidInputException("onnx:" + argument + ": no model.onnx (nor"
            + " onnx/model.onnx) in the folder; it holds: " + listing(folder) + ". Export one"
            + " with: optimum-cli export onnx --model NAME --task feature-extraction "
            + argument);
      }
      Path tokenizer = folder.resolve("tokenizer.json");
      if (!Files.isRegularFile(tokenizer)) {
        throw new InvalidInputException("onnx:" + argument + ": no tokenizer.json beside "
            + folder.relativize(model) + "; it holds: " + listing(folder) + ". Save the"
            + " model's fast tokenizer there (AutoTokenizer.from_pretrained(NAME)"
            + ".save_pretrained(FOLDER) in Python writes it)");
      }
      return new Export(folder, model, read(model, argument), read(tokenizer, argument),
          OnnxFolderProvider.pooling(folder), OnnxFolderProvider.prefix(folder));
    }

    /** SHA-256 of the model, the tokenizer and the settings. */
    String version() {
      return "sha256:" + sha256(onnx, tokenizer,
          (pooling + "\n" + prefix).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** sentence-transformers' pooling configuration; mean pooling when there is none. */
  private static PoolingMode pooling(Path folder) {
    Path config = folder.resolve("1_Pooling").resolve("config.json");
    if (!Files.isRegularFile(config)) {
      return PoolingMode.MEAN;
    }
    JsonNode node = json(config);
    if (node.path("pooling_mode_cls_token").asBoolean(false)) {
      return PoolingMode.CLS;
    }
    if (node.path("pooling_mode_mean_tokens").asBoolean(false)) {
      return PoolingMode.MEAN;
    }
    throw new InvalidInputException(config + ": asks for a pooling other than the [CLS] token"
        + " or the mean over tokens (" + node + "); only those two are supported");
  }

  /** The prompt sentence-transformers would put before every text, if one is the default. */
  private static String prefix(Path folder) {
    Path config = folder.resolve("config_sentence_transformers.json");
    if (!Files.isRegularFile(config)) {
      return "";
    }
    JsonNode node = json(config);
    String name = node.path("default_prompt_name").asText("");
    if (name.isEmpty() || node.path("default_prompt_name").isNull()) {
      return "";
    }
    JsonNode prompt = node.path("prompts").path(name);
    if (!prompt.isTextual()) {
      throw new InvalidInputException(config + ": default_prompt_name '" + name + "' is not one"
          + " of its prompts");
    }
    return prompt.asText();
  }

  private static JsonNode json(Path file) {
    try {
      return Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(file + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file, String argument) {
    try {
      if (Files.size(file) > MAX_MODEL_BYTES) {
        throw new InvalidInputException("onnx:" + argument + ": " + file + " is larger than 2 GB;"
            + " models that large keep their weights in external data files, which are not"
            + " supported");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String listing(Path folder) {
    try (Stream<Path> children = Files.list(folder)) {
      String names = children.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
          .sorted().collect(Collectors.joining(", "));
      return names.isEmpty() ? "nothing" : names;
    } catch (IOException e) {
      return "(cannot list: " + e.getMessage() + ")";
    }
  }

  private static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * Jackson's mapper, made when a model folder is first read: {@link java.util.ServiceLoader}
   * creates this provider in every command, most of which never read one.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
