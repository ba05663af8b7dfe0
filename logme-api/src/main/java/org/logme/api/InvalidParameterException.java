package org.logme.api;

/**
 * A setting is wrong: an unknown hyper-parameter, a value that does not parse, an option that
 * does not apply. A usage mistake rather than bad data.
 *
 * @since 0.1
 */
public final class InvalidParameterException extends LogmeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and which values are accepted
   */
  public InvalidParameterException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and what to do instead
   * @param cause the underlying failure (for example an I/O error on an output path)
   */
  public InvalidParameterException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public Failure failure() {
    return Failure.USAGE;
  }
}
