package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * A source model's predicted class probabilities on the N target samples: an N×Cs matrix whose
 * rows are probability distributions over the source classes (for example a softmax output).
 *
 * <p>Rows must sum to 1 within {@value #ROW_SUM_TOLERANCE}: probabilities saved with few
 * decimals (rounded to 3, say) are accepted, and a row whose sum is off by more than
 * {@value #EXACT} is divided by its sum ({@link #renormalisedRows()} counts them), so that
 * rounding does not bias the estimators. Rows clearly not probabilities (a sum far from 1, a
 * value above 1 or below 0) are refused with the hint that fits: logits need a softmax.
 *
 * @since 0.1
 */
public final class SourceProbabilities {
  /** How far a row sum may be from 1: rounding to 3 decimals over tens of classes stays within. */
  public static final double ROW_SUM_TOLERANCE = 0.05;
  /** Below this distance from 1 a row is left as it is (float32 softmax rounding). */
  static final double EXACT = 1e-6;

  private final Matrix values;
  private final String origin;
  private final int renormalised;

  /**
   * @param values N×Cs probabilities (shared, not copied; rows off by more than
   *     {@value #EXACT} are rescaled in place to sum to 1)
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
    int rescaled = 0;
    for (int i = 0; i < values.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        double p = data[i * cols + j];
        if (p < 0) {
          throw new InvalidInputException(origin + ": probability at row " + i + ", column " + j
              + " is negative (" + p + "); pass softmax probabilities, not logits");
        }
        if (p > 1) {
          throw new InvalidInputException(origin + ": value at row " + i + ", column " + j
              + " is " + p + ", above 1: these are not probabilities (apply softmax to logits"
              + " first)");
        }
        sum += p;
      }
      if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
        throw new InvalidInputException(origin + ": row " + i + " sums to " + sum
            + ", not 1 (within " + ROW_SUM_TOLERANCE + ")" + (sum > 1.5 || sum < 0.5
            ? "; these are not probabilities (apply softmax to logits first)"
            : "; every row must be a probability distribution over the source classes"));
      }
      if (Math.abs(sum - 1.0) > EXACT) {
        for (int j = 0; j < cols; j++) {
          data[i * cols + j] /= sum;
        }
        rescaled++;
      }
    }
    this.values = values;
    this.origin = origin;
    this.renormalised = rescaled;
  }

  /**
   * @return how many rows summed to 1 only within {@value #ROW_SUM_TOLERANCE} (rounded
   *     probabilities, say) and were divided by their sum
   */
  public int renormalisedRows() {
    return renormalised;
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
