package org.logme.eval.zoo;

/**
 * Receives progress while a zoo is scored, for example to draw a progress bar. Calls come from
 * worker threads but never concurrently, and {@code done} counts up by one from 1 to
 * {@code total}.
 *
 * @since 0.1
 */
public interface ZooProgress {
  /** Ignores all progress. */
  ZooProgress NONE = new ZooProgress() {
  };

  /**
   * Called once before any model is scored.
   *
   * @param total the number of models
   */
  default void started(int total) {
  }

  /**
   * Called after each model has been scored by every estimator.
   *
   * @param model the model just finished
   * @param done how many models are finished
   * @param total the number of models
   */
  default void modelDone(String model, int done, int total) {
  }
}
