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
