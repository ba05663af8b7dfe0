package org.logme.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --no-progress}, and whether to draw a progress bar at all: only when standard error is
 * a terminal, so that {@code logme rank ... > out.txt} still shows one while logs and pipes of
 * standard error stay clean.
 */
final class ProgressOptions {
  /** Set by the {@code ./logme} launcher from the shell's {@code [ -t 2 ]}. */
  static final String STDERR_TTY = "logme.stderr.tty";

  @Option(names = "--no-progress",
      description = "No progress bar (one is drawn when standard error is a terminal).")
  boolean noProgress;

  /** @return true if a progress bar should be drawn */
  boolean show() {
    return !noProgress && stderrIsTerminal();
  }

  /**
   * Java cannot ask about one stream ({@code System.console()} needs standard input and output
   * to be terminals too), so the launcher tells, and on Linux the link behind file descriptor 2
   * does when the launcher was not used.
   *
   * @return true if standard error is a terminal
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty(STDERR_TTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
