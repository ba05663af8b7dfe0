package org.logme.cli;

import org.logme.cli.bench.PeakMemory;

/**
 * The {@code logme} executable: runs {@link Cli} on the process's streams and exits with its
 * code.
 *
 * @since 0.1
 */
public final class Main {
  private Main() {
  }

  /**
   * @param args the command line
   */
  public static void main(String[] args) {
    PeakMemory.recordAtExitIfAsked();
    int code = new Cli(System.out, System.err).run(args);
    System.exit(code);
  }
}
