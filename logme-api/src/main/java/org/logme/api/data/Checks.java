package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/** Validation helpers shared by the input types. */
final class Checks {
  private Checks() {
  }

  /**
   * Rejects a matrix holding NaN or infinite values, naming how many and the first one.
   */
  static void requireFinite(Matrix m, String origin, String remedy) {
    double[] data = m.data();
    long bad = 0;
    int first = -1;
    for (int i = 0; i < data.length; i++) {
      if (!Double.isFinite(data[i])) {
        if (first < 0) {
          first = i;
        }
        bad++;
      }
    }
    if (bad > 0) {
      throw nonFinite(origin, bad, data[first], first / m.cols(), first % m.cols(), remedy);
    }
  }

  /** The error for NaN or infinite values, naming how many and the first one. */
  static InvalidInputException nonFinite(String origin, long count, double value, long row,
      long column, String remedy) {
    return new InvalidInputException(origin + ": " + count + " value" + (count == 1 ? " is"
        : "s are") + " NaN or infinite; the first (" + value + ") is at row " + row + ", column "
        + column + ". " + remedy);
  }

  static void requireNonEmpty(Matrix m, String origin) {
    if (m.rows() == 0 || m.cols() == 0) {
      throw new InvalidInputException(origin + ": the array is empty (shape " + m.rows() + "x"
          + m.cols() + "); it needs at least one row and one column");
    }
  }
}
