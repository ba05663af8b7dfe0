package org.logme.api;

/**
 * The input data is unusable: a malformed file, a shape mismatch, a non-finite value, an
 * invalid label. Raised before any computation, with the offending file, row or column named.
 *
 * @since 0.1
 */
public final class InvalidInputException extends LogmeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, where, and what to do
   */
  public InvalidInputException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, where, and what to do
   * @param cause the underlying failure (for example an I/O error)
   */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Failure failure() {
    return Failure.BAD_INPUT;
  }
}
