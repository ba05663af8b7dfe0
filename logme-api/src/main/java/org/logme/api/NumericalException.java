package org.logme.api;

import java.util.Optional;

/**
 * A computation could not produce a trustworthy number for valid input (for example a singular
 * system or a decomposition that failed with no fallback). Never raised for a user mistake.
 *
 * <p>The message is assembled from parts that callers can read without parsing it: the problem,
 * the estimator it happened in (once known) and a hint on what to do:
 * {@code estimator 'sfda': Cholesky factorisation failed: ...; the features are degenerate ...}.
 * Code deep in the linear algebra raises the problem alone; the estimator that called it adds
 * its name and, if the problem came without one, a hint ({@link #attributedTo}).
 *
 * @since 0.1
 */
public final class NumericalException extends LogmeException {
  private static final long serialVersionUID = 1L;

  /** What failed. */
  private final String problem;
  /** The estimator it happened in, or null. */
  private final String estimator;
  /** How to avoid it, or null. */
  private final String hint;

  private NumericalException(String problem, String estimator, String hint, Throwable cause) {
    super((estimator == null ? "" : "estimator '" + estimator + "': ") + problem
        + (hint == null ? "" : "; " + hint), cause);
    this.problem = problem;
    this.estimator = estimator;
    this.hint = hint;
  }

  /**
   * @param problem what failed
   */
  public NumericalException(String problem) {
    this(problem, null, null, null);
  }

  /**
   * @param problem what failed
   * @param cause the underlying failure
   */
  public NumericalException(String problem, Throwable cause) {
    this(problem, null, null, cause);
  }

  /**
   * @param problem what failed
   * @param hint how to avoid it, e.g. {@code use fewer components}
   * @param cause the underlying failure, or null
   * @return the exception
   */
  public static NumericalException withHint(String problem, String hint, Throwable cause) {
    return new NumericalException(problem, null, hint, cause);
  }

  /**
   * @param name the estimator in which the problem happened
   * @param defaultHint the hint to give if the problem came without one
   * @return this exception if it already names an estimator, else a copy naming this one
   */
  public NumericalException attributedTo(String name, String defaultHint) {
    return estimator != null ? this
        : new NumericalException(problem, name, hint != null ? hint : defaultHint, this);
  }

  /** @return what failed, without the estimator or the hint */
  public String problem() {
    return problem;
  }

  /** @return the estimator in which it happened, if known */
  public Optional<String> estimator() {
    return Optional.ofNullable(estimator);
  }

  /** @return how to avoid it, if known */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  @Override
  public Failure failure() {
    return Failure.NUMERICAL;
  }
}
