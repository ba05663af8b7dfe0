package org.logme.api.data;

import org.logme.api.InvalidInputException;

/**
 * A source model's hard predictions (source-class ids, for example the argmax of its
 * probabilities) on the N target samples.
 *
 * @since 0.1
 */
public final class SourceLabels {
  private final int[] values;
  private final String origin;

  private SourceLabels(int[] values, String origin) {
    this.values = values;
    this.origin = origin;
  }

  /**
   * @param raw one source-class id per sample
   * @param origin where they came from, used in messages
   * @return the labels
   * @throws InvalidInputException if empty, or if a value is negative, fractional, not finite
   *     or beyond {@link Integer#MAX_VALUE}
   */
  public static SourceLabels of(double[] raw, String origin) {
    if (raw.length == 0) {
      throw new InvalidInputException(origin + ": no source labels (the array is empty)");
    }
    int[] values = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double v = raw[i];
      if (!(v >= 0 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
        throw new InvalidInputException(origin + ": source label at row " + i + " is " + v
            + "; source labels must be non-negative integer class ids");
      }
      values[i] = (int) v;
    }
    return new SourceLabels(values, origin);
  }

  /**
   * @param matrixArgmax source probabilities whose row-wise argmax gives the labels
   * @return the hard labels (ties go to the lowest class id)
   */
  public static SourceLabels argmaxOf(SourceProbabilities matrixArgmax) {
    var m = matrixArgmax.matrix();
    int[] values = new int[m.rows()];
    double[] data = m.data();
    for (int i = 0; i < m.rows(); i++) {
      int best = 0;
      for (int j = 1; j < m.cols(); j++) {
        if (data[i * m.cols() + j] > data[i * m.cols() + best]) {
          best = j;
        }
      }
      values[i] = best;
    }
    return new SourceLabels(values, "argmax of " + matrixArgmax.origin());
  }

  /** @return N, the number of samples */
  public int sampleCount() {
    return values.length;
  }

  /**
   * @param sample a sample index
   * @return its source-class id
   */
  public int get(int sample) {
    return values[sample];
  }

  /** @return a copy of all ids */
  public int[] toArray() {
    return values.clone();
  }

  /** @return where the labels came from */
  public String origin() {
    return origin;
  }
}
