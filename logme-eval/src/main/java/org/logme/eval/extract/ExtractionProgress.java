package org.logme.eval.extract;

/**
 * Receives progress while a zoo of models is extracted, for example to draw a progress bar per
 * model. Calls come from the extracting thread, in order: for each model
 * {@code modelStarted}, then {@code textsDone} with {@code done} increasing to the total (not
 * called for a cached model), then {@code modelFinished}.
 *
 * @since 0.2
 */
public interface ExtractionProgress {
  /** Ignores all progress. */
  ExtractionProgress NONE = new ExtractionProgress() {
  };

  /**
   * @param model the model's name
   * @param task which task, when several are extracted together; empty otherwise
   * @param index its position, from 1
   * @param count the number of models
   * @param texts the number of texts
   */
  default void modelStarted(String model, String task, int index, int count, int texts) {
  }

  /**
   * @param model the model's name
   * @param done texts embedded so far
   * @param texts the number of texts
   */
  default void textsDone(String model, int done, int texts) {
  }

  /**
   * @param model what was extracted, and how
   */
  default void modelFinished(ExtractedModel model) {
  }
}
