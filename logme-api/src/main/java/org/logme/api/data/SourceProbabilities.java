package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * A source model's predicted class probabilities on the N target samples: an N×Cs matrix whose
 * rows are probability distributions over the source classes (for example a softmax output).
 *
 * @since 0.1
 */
public final class SourceProbabilities {
  /** How far a row sum may be from 1 (float32 softmax outputs are accurate to about 1e-6). */
  public static final double ROW_SUM_TOLERANCE = 1e-3;

  private final Matrix values;
  private final String origin;

  /**
   * @param values N×Cs probabilities (shared, not copied)
   * @param origin where they came from, used in messages
   * @throws InvalidInputException if empty, not finite, negative, or if a row does not sum to 1
   *     within {@link #ROW_SUM_TOLERANCE}
   */
  public SourceProbabilities(Matrix values, String origin) {
    Checks.requireNonEmpty(values, origin);
    Checks.requireFinite(values, origin,
        "Probabilities must be finite: check the source model's softmax output.");
    int cols = values.cols();
    double[] data = values.data();
    for (int i = 0; i < values.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        double p = data[i * cols + j];
        if (p < 0) {
          throw new InvalidInputException(origin + ": probability at row " + i + ", column " + j
              + " is negative (" + p + "); pass softmax probabilities, not logits");
        }
        sum += p;
      }
      if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
        throw new InvalidInputException(origin + ": row " + i + " sums to " + sum
            + ", not 1; pass softmax probabilities (apply softmax to logits first)");
      }
    }
    this.values = values;
    this.origin = origin;
  }

  /** @return the N×Cs matrix */
  public Matrix matrix() {
    return values;
  }

  /** @return N, the number of samples */
  public int sampleCount() {
    return values.rows();
  }

  /** @return Cs, the number of source classes */
  public int sourceClassCount() {
    return values.cols();
  }

  /** @return where the probabilities came from */
  public String origin() {
    return origin;
  }
}
