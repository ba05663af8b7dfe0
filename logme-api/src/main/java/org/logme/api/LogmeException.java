package org.logme.api;

/**
 * Base of every error logme reports on purpose. The message is written for the user: it says
 * what is wrong, where, and what to do about it.
 *
 * @since 0.1
 */
public abstract class LogmeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

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
}
