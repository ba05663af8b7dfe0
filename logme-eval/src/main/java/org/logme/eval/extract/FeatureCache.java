package org.logme.eval.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.logme.api.InvalidParameterException;
import org.logme.api.extractor.ExtractorInfo;
import org.logme.api.extractor.Modality;
import org.logme.io.AtomicFiles;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;
import org.logme.io.NpyWriter;
import org.logme.probe.ProbeAccuracy;

/**
 * Extracted features and probe accuracies kept on disk, so that a second run on the same texts
 * neither loads the models nor embeds again.
 * <pre>
 *   DIR/features/KEY.npy    float32 [N, D], the rows as extracted
 *   DIR/features/KEY.json   the extractor's description
 *   DIR/probe/KEY.json      probe accuracies of those features
 * </pre>
 * A feature key is the SHA-256 of the extractor's name, its
 * {@link org.logme.api.extractor.FeatureExtractorProvider#version version} (weights and
 * settings) and the texts; a probe key adds the labels, the folds and the probe's settings. An
 * entry is written all-or-nothing (the description after the rows, each renamed into place), so
 * an interrupted run leaves no entry that looks complete; an unreadable entry is a miss.
 *
 * @since 0.2
 */
public final class FeatureCache {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** @param dir the cache directory (created when first written) */
  public FeatureCache(Path dir) {
    this.dir = dir;
  }

  /** @return the cache directory */
  public Path dir() {
    return dir;
  }

  /** Features read back from the cache, with the description of their extractor. */
  public record Entry(ExtractorInfo info, float[][] rows) {
  }

  /**
   * @param parts what the entry depends on
   * @return their SHA-256, as hex
   */
  public static String key(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * @param key a feature key
   * @param rows how many rows the entry must have
   * @return the entry, if present and readable
   */
  public Optional<Entry> features(String key, int rows) {
    Path json = dir.resolve("features").resolve(key + ".json");
    Path npy = dir.resolve("features").resolve(key + ".npy");
    if (!Files.isRegularFile(json) || !Files.isRegularFile(npy)) {
      return Optional.empty();
    }
    try {
      ExtractorInfo info = info(JSON.readTree(json.toFile()));
      NdArray array = NpyReader.read(npy);
      if (array.shape().length != 2 || array.shape()[0] != rows
          || array.shape()[1] != info.dimension()) {
        return Optional.empty();
      }
      int d = info.dimension();
      float[][] out = new float[rows][d];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < d; j++) {
          out[i][j] = (float) array.data()[i * d + j];
        }
      }
      return Optional.of(new Entry(info, out));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is extracted again and replaced
    }
  }

  /**
   * @param key a feature key
   * @param info the extractor's description
   * @param rows the features
   * @throws InvalidParameterException if the cache cannot be written
   */
  public void putFeatures(String key, ExtractorInfo info, float[][] rows) {
    Path features = dir.resolve("features");
    try {
      Files.createDirectories(features);
      writeFloat32(features.resolve(key + ".npy"), rows, info.dimension());
      AtomicFiles.write(features.resolve(key + ".json"),
          out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, json(info)));
    } catch (IOException e) {
      throw unwritable(e);
    }
  }

  /**
   * @param key a probe key
   * @return the accuracies, if present and readable
   */
  public Optional<ProbeAccuracy> probe(String key) {
    Path json = dir.resolve("probe").resolve(key + ".json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(json.toFile());
      TreeMap<Double, Double> byC = new TreeMap<>();
      node.get("by_c").fields().forEachRemaining(e ->
          byC.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
      java.util.List<Double> chosen = new java.util.ArrayList<>();
      node.get("chosen_c").forEach(c -> chosen.add(c.asDouble()));
      return Optional.of(new ProbeAccuracy(byC, node.get("nested").asDouble(), chosen));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * @param key a probe key
   * @param accuracy the accuracies
   * @throws InvalidParameterException if the cache cannot be written
   */
  public void putProbe(String key, ProbeAccuracy accuracy) {
    Path probe = dir.resolve("probe");
    ObjectNode node = JSON.createObjectNode();
    ObjectNode byC = node.putObject("by_c");
    accuracy.byC().forEach((c, a) -> byC.put(Double.toString(c), a));
    node.put("nested", accuracy.nested());
    accuracy.chosen().forEach(node.putArray("chosen_c")::add);
    try {
      Files.createDirectories(probe);
      AtomicFiles.write(probe.resolve(key + ".json"),
          out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, node));
    } catch (IOException e) {
      throw unwritable(e);
    }
  }

  private InvalidParameterException unwritable(IOException e) {
    return new InvalidParameterException("cannot write the cache " + dir + ": " + e
        + "; choose another with --cache-dir (or LOGME_CACHE), or run with --no-cache");
  }

  /** Writes rows as a float32 [N, D] .npy file, all-or-nothing. */
  static void writeFloat32(Path file, float[][] rows, int dimension) throws IOException {
    NpyWriter.writeRows(file, rows.length, dimension, NpyWriter.Type.FLOAT32, (i, values) -> {
      for (int j = 0; j < dimension; j++) {
        values[j] = rows[i][j];
      }
    });
  }

  /** @return an extractor description as JSON (also the content of a zoo's model.json) */
  static ObjectNode json(ExtractorInfo info) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", info.name());
    node.put("modality", info.modality().label());
    node.put("dimension", info.dimension());
    if (info.parameters().isPresent()) {
      node.put("parameters", info.parameters().getAsLong());
    } else {
      node.putNull("parameters");
    }
    node.put("source", info.source());
    node.put("version", info.version());
    ObjectNode properties = node.putObject("properties");
    info.properties().forEach(properties::put);
    return node;
  }

  private static ExtractorInfo info(JsonNode node) {
    Map<String, String> properties = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.get("properties").fields();
    fields.forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    JsonNode parameters = node.get("parameters");
    Modality modality = null;
    for (Modality m : Modality.values()) {
      if (m.label().equals(node.get("modality").asText())) {
        modality = m;
      }
    }
    return ExtractorInfo.of(node.get("name").asText(), modality, node.get("dimension").asInt(),
        parameters == null || parameters.isNull() ? OptionalLong.empty()
            : OptionalLong.of(parameters.asLong()), node.get("source").asText(),
        node.get("version").asText(), properties);
  }
}
