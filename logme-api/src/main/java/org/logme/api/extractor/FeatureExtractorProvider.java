package org.logme.api.extractor;

import java.util.Optional;

/**
 * Service-provider interface for a feature extractor (a pre-trained model). Implementations are
 * listed in {@code META-INF/services/org.logme.api.extractor.FeatureExtractorProvider} and must
 * have a public no-argument constructor; creating a provider must be cheap (no weights loaded
 * before {@link #open}).
 *
 * <p>A provider either names one model ({@code "all-minilm-l6-v2"}) or a family that needs an
 * argument, given after a colon ({@code "onnx:/path/to/folder"}); {@link #argument()} tells
 * which.
 *
 * @since 0.2
 */
public interface FeatureExtractorProvider {

  /** @return the name users select it by, without an argument: {@code "e5-small-v2"}, {@code "onnx"} */
  String name();

  /** @return one line: the model, its output and where it comes from */
  String description();

  /** @return what its extractors read */
  Modality modality();

  /**
   * @return what the argument after the colon is (for example {@code "FOLDER"}), or empty if
   *     the provider names a single model and takes none
   */
  default Optional<String> argument() {
    return Optional.empty();
  }

  /**
   * Identifies, without loading anything heavy, the weights and settings {@link #open} would
   * load: equal to {@code open(argument, t).info().version()} for any t. Caches of extracted
   * features key on it, so that a cached model is never loaded.
   *
   * @param argument the text after the colon, or {@code ""}
   * @return the version
   * @throws org.logme.api.InvalidInputException if the argument names unusable model files
   */
  String version(String argument);

  /**
   * Loads the model.
   *
   * @param argument the text after the colon, or {@code ""} when {@link #argument()} is empty
   * @param threads how many threads extraction may use (≥ 1)
   * @return the loaded extractor; the caller closes it
   * @throws org.logme.api.InvalidInputException if the argument names unusable model files
   */
  FeatureExtractor open(String argument, int threads);
}
