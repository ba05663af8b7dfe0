package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Features of N target samples extracted by one pre-trained model: an N×D matrix of finite
 * values, one row per sample.
 *
 * @since 0.1
 */
public final class Features {
  private static final String REMEDY =
      "Features must be finite: re-extract them, or drop or impute the affected samples.";

  private final Matrix values;
  private final String origin;

  /**
   * @param values the N×D features (shared, not copied)
   * @param origin where they came from, used in messages (for example a file name)
   * @throws InvalidInputException if the matrix is empty or holds NaN or infinite values
   */
  public Features(Matrix values, String origin) {
    Checks.requireNonEmpty(values, origin);
    Checks.requireFinite(values, origin, REMEDY);
    this.values = values;
    this.origin = origin;
  }

  /**
   * @param rows N rows of D values each, as a Java program holds them (copied)
   * @param origin where they came from, used in messages
   * @return the features
   * @throws InvalidInputException if there are no rows, the rows differ in length, or a value
   *     is NaN or infinite
   */
  public static Features of(double[][] rows, String origin) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] values = new double[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      checkRowLength(rows[i].length, d, i, origin);
      System.arraycopy(rows[i], 0, values, i * d, d);
    }
    return new Features(Matrix.wrap(rows.length, d, values), origin);
  }

  /**
   * @param rows N rows of D values each, widened to double (as the reference casts float32)
   * @param origin where they came from, used in messages
   * @return the features
   * @throws InvalidInputException if there are no rows, the rows differ in length, or a value
   *     is NaN or infinite
   */
  public static Features of(float[][] rows, String origin) {
    int d = rows.length == 0 ? 0 : rows[0].length;
    double[] values = new double[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      checkRowLength(rows[i].length, d, i, origin);
      for (int j = 0; j < d; j++) {
        values[i * d + j] = rows[i][j];
      }
    }
    return new Features(Matrix.wrap(rows.length, d, values), origin);
  }

  private static void checkRowLength(int length, int d, int row, String origin) {
    if (length != d) {
      throw new InvalidInputException(origin + ": row " + row + " has " + length
          + " values but row 0 has " + d + "; every row needs the same number of features");
    }
  }

  /**
   * The error for non-finite features, worded the same whether they were found in memory or
   * while streaming.
   *
   * @param origin where the features came from
   * @param count how many values are NaN or infinite
   * @param value the first of them
   * @param row its row
   * @param column its column
   * @return the exception to throw
   */
  public static InvalidInputException nonFinite(String origin, long count, double value, long row,
      long column) {
    return Checks.nonFinite(origin, count, value, row, column, REMEDY);
  }

  /** @return the N×D matrix */
  public Matrix matrix() {
    return values;
  }

  /** @return N, the number of samples */
  public int sampleCount() {
    return values.rows();
  }

  /** @return D, the feature dimension */
  public int dimension() {
    return values.cols();
  }

  /** @return where the features came from */
  public String origin() {
    return origin;
  }
}
