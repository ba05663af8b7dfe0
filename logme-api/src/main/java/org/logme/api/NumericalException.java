package org.logme.api;

/**
 * A computation could not produce a trustworthy number for valid input (for example a singular
 * system or a decomposition that failed with no fallback). Never raised for a user mistake.
 *
 * @since 0.1
 */
public class NumericalException extends LogmeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and, where known, how to avoid it
   */
  public NumericalException(String message) {
    super(message);
  }

  /**
   * @param message what failed and, where known, how to avoid it
   * @param cause the underlying failure
   */
  public NumericalException(String message, Throwable cause) {
    super(message, cause);
  }
}
