package org.logme.cli;

import org.logme.api.LogmeException;

/**
 * The process exit codes, documented in the README and in {@code logme --help}.
 *
 * @since 0.1
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected internal failure (a bug: please report it). */
  public static final int INTERNAL = 1;
  /**
   * A usage mistake: unknown option, estimator or backend; a missing or conflicting option; an
   * output directory that cannot be written.
   */
  public static final int USAGE = 2;
  /** Bad input data: unreadable or malformed file, shape mismatch, invalid labels, NaN. */
  public static final int BAD_INPUT = 3;
  /** A numerical failure on valid input: no trustworthy number could be computed. */
  public static final int NUMERICAL = 4;

  /** The text shown at the end of {@code --help}. */
  public static final String HELP = "%nExit codes:%n  0  success%n  1  internal error (a bug;"
      + " rerun with --debug and report it)%n  2  usage error (unknown or missing option,"
      + " estimator or backend; unwritable output)%n  3  bad input data (unreadable file, wrong"
      + " shape, invalid labels, NaN)%n  4  numerical failure on valid input%n";

  private ExitCode() {
  }

  /**
   * @param e an exception
   * @return the exit code it maps to
   */
  static int of(Throwable e) {
    if (e instanceof LogmeException failure) {
      // exhaustive: a new kind of failure does not compile until it has a code
      return switch (failure.failure()) {
        case USAGE -> USAGE;
        case BAD_INPUT -> BAD_INPUT;
        case NUMERICAL -> NUMERICAL;
      };
    }
    return e instanceof picocli.CommandLine.ParameterException ? USAGE : INTERNAL;
  }
}
