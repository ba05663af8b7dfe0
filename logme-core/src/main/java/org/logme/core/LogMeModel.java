package org.logme.core;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * A fitted LogME model: the evidence of every target column ({@link #evidence()}) plus the
 * posterior mean weights m and the predictions they make.
 *
 * @since 0.1
 */
public final class LogMeModel {
  private final LogMeEvidence evidence;
  private final Matrix weights;

  LogMeModel(LogMeEvidence evidence, Matrix weights) {
    this.evidence = evidence;
    this.weights = weights;
  }

  /** @return the evidence of every target column, with α, β and the score */
  public LogMeEvidence evidence() {
    return evidence;
  }

  /** @return the posterior mean weights, C×D (one row per target column) */
  public Matrix weights() {
    return weights.copy();
  }

  /**
   * @param features M×D features of the samples to predict
   * @param backend the linear algebra to use
   * @return M×C posterior means F·Mᵀ, one column per target column
   */
  public Matrix decisionValues(Matrix features, LinearAlgebraBackend backend) {
    if (features.cols() != evidence.dimension()) {
      throw new InvalidInputException("the model was fitted on " + evidence.dimension()
          + "-dimensional features, got " + features.cols() + " columns");
    }
    return backend.multiply(features, weights.transpose());
  }

  /**
   * Class predictions: the original id of the column with the largest posterior mean (the
   * first on ties), as the reference's argmax.
   *
   * @param features M×D features
   * @param backend the linear algebra to use
   * @return one class id per row
   * @throws IllegalStateException if the model is not a classification model
   */
  public long[] predictClasses(Matrix features, LinearAlgebraBackend backend) {
    if (evidence.task() != LogMeEvidence.Task.CLASSIFICATION) {
      throw new IllegalStateException("predictClasses needs a classification model; this one is "
          + evidence.task());
    }
    Matrix scores = decisionValues(features, backend);
    long[] ids = evidence.classIds();
    long[] out = new long[scores.rows()];
    int c = scores.cols();
    double[] s = scores.data();
    for (int i = 0; i < scores.rows(); i++) {
      int best = 0;
      for (int j = 1; j < c; j++) {
        if (s[i * c + j] > s[i * c + best]) {
          best = j;
        }
      }
      out[i] = ids[best];
    }
    return out;
  }

  /**
   * Predictions for regression (posterior means) or multi-label (1 where the posterior mean is
   * at least 0.5, else 0).
   *
   * @param features M×D features
   * @param backend the linear algebra to use
   * @return M×K predictions
   * @throws IllegalStateException for a classification model (use {@link #predictClasses})
   */
  public Matrix predictTargets(Matrix features, LinearAlgebraBackend backend) {
    if (evidence.task() == LogMeEvidence.Task.CLASSIFICATION) {
      throw new IllegalStateException("use predictClasses for a classification model");
    }
    Matrix values = decisionValues(features, backend);
    if (evidence.task() == LogMeEvidence.Task.MULTI_LABEL) {
      double[] v = values.data();
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] >= 0.5 ? 1 : 0;
      }
    }
    return values;
  }
}
