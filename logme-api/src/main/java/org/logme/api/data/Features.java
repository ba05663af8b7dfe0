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
  private final Matrix values;
  private final String origin;

  /**
   * @param values the N×D features (shared, not copied)
   * @param origin where they came from, used in messages (for example a file name)
   * @throws InvalidInputException if the matrix is empty or holds NaN or infinite values
   */
  public Features(Matrix values, String origin) {
    Checks.requireNonEmpty(values, origin);
    Checks.requireFinite(values, origin,
        "Features must be finite: re-extract them, or drop or impute the affected samples.");
    this.values = values;
    this.origin = origin;
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
