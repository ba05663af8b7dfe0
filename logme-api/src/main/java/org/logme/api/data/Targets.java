package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Real-valued targets of N samples: an N×K matrix, one column per output. Regression targets
 * may be any finite numbers; multi-label targets are 0/1 indicators, one column per label.
 *
 * @since 0.1
 */
public final class Targets {

  /** What the columns mean. */
  public enum Kind {
    /** Real-valued outputs. */
    REGRESSION,
    /** One 0/1 indicator column per label; a sample may carry several labels. */
    MULTI_LABEL
  }

  private final Matrix values;
  private final Kind kind;
  private final String origin;

  private Targets(Matrix values, Kind kind, String origin) {
    Checks.requireNonEmpty(values, origin);
    Checks.requireFinite(values, origin, "Targets must be finite: drop or impute those samples.");
    this.values = values;
    this.kind = kind;
    this.origin = origin;
  }

  /**
   * @param values N×K real targets (shared, not copied)
   * @param origin where they came from, used in messages
   * @return the targets
   * @throws InvalidInputException if empty or not finite
   */
  public static Targets regression(Matrix values, String origin) {
    return new Targets(values, Kind.REGRESSION, origin);
  }

  /**
   * @param values N×K indicators, each 0 or 1 (shared, not copied)
   * @param origin where they came from, used in messages
   * @return the targets
   * @throws InvalidInputException if empty, or if a value is neither 0 nor 1
   */
  public static Targets multiLabel(Matrix values, String origin) {
    Targets targets = new Targets(values, Kind.MULTI_LABEL, origin);
    double[] data = values.data();
    for (int i = 0; i < data.length; i++) {
      if (data[i] != 0.0 && data[i] != 1.0) {
        throw new InvalidInputException(origin + ": multi-label targets must be 0 or 1, but row "
            + i / values.cols() + ", column " + i % values.cols() + " is " + data[i]
            + "; for real-valued targets leave out --multi-label");
      }
    }
    return targets;
  }

  /** @return the N×K matrix */
  public Matrix matrix() {
    return values;
  }

  /** @return what the columns mean */
  public Kind kind() {
    return kind;
  }

  /** @return N, the number of samples */
  public int sampleCount() {
    return values.rows();
  }

  /** @return K, the number of outputs */
  public int outputCount() {
    return values.cols();
  }

  /** @return where the targets came from */
  public String origin() {
    return origin;
  }
}
