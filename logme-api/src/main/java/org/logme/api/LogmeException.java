package org.logme.api;

/**
 * Base of every error logme reports on purpose. The message is written for the user: it says
 * what is wrong, where, and what to do about it. The hierarchy is sealed: every error is one of
 * the four below, and {@link #failure()} says which kind of failure it is, so that an application
 * (the command line's exit code, say) can map every error exhaustively.
 *
 * @since 0.1
 */
public abstract sealed class LogmeException extends RuntimeException
    permits InvalidInputException, InvalidParameterException, NumericalException,
    UnknownPluginException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure an error is. */
  public enum Failure {
    /** A usage mistake: an unknown name, a missing or invalid setting. */
    USAGE,
    /** Unusable input data. */
    BAD_INPUT,
    /** Valid input on which no trustworthy number could be computed. */
    NUMERICAL
  }

  /**
   * @param message the user-facing message
   */
  protected LogmeException(String message) {
    super(message);
  }

  /**
   * @param message the user-facing message
   * @param cause the underlying failure
   */
  protected LogmeException(String message, Throwable cause) {
    super(message, cause);
  }

  /** @return the kind of failure */
  public abstract Failure failure();
}
