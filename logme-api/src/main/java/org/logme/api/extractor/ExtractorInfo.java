package org.logme.api.extractor;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a loaded {@link FeatureExtractor} is: enough to cite it in a report and to key a cache of
 * its features.
 *
 * @param name the name it was opened by (for example {@code "e5-small-v2"} or
 *     {@code "onnx:/models/mine"})
 * @param modality what it reads
 * @param dimension the length D of every feature row (≥ 1)
 * @param parameters the number of trainable parameters, if known
 * @param source where the weights come from (model card, artifact), for reports
 * @param version identifies the exact weights and settings: two extractors with equal names and
 *     versions produce the same features for the same items, so a cache may key on it (for
 *     example a Maven artifact version, or a content hash of a user's model files)
 * @param properties how it turns an item into a row, for documentation and reports (for a text
 *     encoder: pooling, normalisation, maximum sequence length, prefix), sorted by key
 * @since 0.2
 */
public record ExtractorInfo(String name, Modality modality, int dimension,
    OptionalLong parameters, String source, String version, SortedMap<String, String> properties) {

  /**
   * Rejects (IllegalArgumentException) a dimension below 1 and a negative parameter count.
   *
   * @param name the name it was opened by (for example {@code "e5-small-v2"} or
   *     {@code "onnx:/models/mine"})
   * @param modality what it reads
   * @param dimension the length D of every feature row (≥ 1)
   * @param parameters the number of trainable parameters, if known
   * @param source where the weights come from (model card, artifact), for reports
   * @param version identifies the exact weights and settings: two extractors with equal names and
   *     versions produce the same features for the same items, so a cache may key on it (for
   *     example a Maven artifact version, or a content hash of a user's model files)
   * @param properties how it turns an item into a row, for documentation and reports (for a text
   *     encoder: pooling, normalisation, maximum sequence length, prefix), sorted by key
   */
  public ExtractorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    if (dimension < 1) {
      throw new IllegalArgumentException(name + ": feature dimension must be positive, got "
          + dimension);
    }
    if (parameters.isPresent() && parameters.getAsLong() < 0) {
      throw new IllegalArgumentException(name + ": negative parameter count "
          + parameters.getAsLong());
    }
    properties = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(properties));
  }

  /**
   * @param name the name it was opened by
   * @param modality what it reads
   * @param dimension D
   * @param parameters the parameter count, if known
   * @param source where the weights come from
   * @param version identifies weights and settings
   * @param properties how it turns an item into a row
   * @return the description
   */
  public static ExtractorInfo of(String name, Modality modality, int dimension,
      OptionalLong parameters, String source, String version, Map<String, String> properties) {
    return new ExtractorInfo(name, modality, dimension, parameters, source, version,
        new TreeMap<>(properties));
  }
}
