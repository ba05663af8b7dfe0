package org.logme.api.extractor;

import java.util.List;

/**
 * A loaded pre-trained model that maps items to feature rows. It holds the model's weights
 * (often hundreds of megabytes, partly outside the Java heap) until {@link #close()}.
 *
 * <p>Contract (checked for every implementation by {@code FeatureExtractorContractTest} in the
 * api test-jar):
 * <ul>
 *   <li>{@link #extract} returns one row of length {@link ExtractorInfo#dimension()} per item,
 *       in order, every value finite;</li>
 *   <li>it is deterministic, and a row does not depend on the other items of its batch:
 *       extracting a batch gives the rows of extracting each item alone (to 1e-6);</li>
 *   <li>it may be called from one thread at a time, and may use several threads inside;</li>
 *   <li>after {@link #close()} it throws {@link IllegalStateException}.</li>
 * </ul>
 *
 * @since 0.2
 */
public interface FeatureExtractor extends AutoCloseable {

  /** @return what the extractor is */
  ExtractorInfo info();

  /**
   * @param items the items of one batch; for {@link Modality#TEXT} the texts themselves
   *     (non-blank)
   * @return {@code items.size()} rows of {@code info().dimension()} values each
   * @throws org.logme.api.InvalidInputException if an item cannot be read (a blank text)
   * @throws IllegalStateException if the extractor is closed
   */
  float[][] extract(List<String> items);

  /** Releases the model's weights and threads; later calls to {@link #extract} fail. */
  @Override
  void close();
}
