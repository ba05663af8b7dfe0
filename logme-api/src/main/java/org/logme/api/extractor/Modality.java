package org.logme.api.extractor;

/**
 * What kind of item a {@link FeatureExtractor} reads.
 *
 * @since 0.2
 */
public enum Modality {
  /** Each item is a text, as a {@link String}. */
  TEXT("text");

  private final String label;

  Modality(String label) {
    this.label = label;
  }

  /** @return the lower-case name shown to users, for example {@code "text"} */
  public String label() {
    return label;
  }
}
