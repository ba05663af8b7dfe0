package org.logme.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The peak resident memory of this process (Linux {@code VmHWM}), recorded at exit for
 * {@code logme bench}: when the environment variable {@value #ENVIRONMENT} names a file, the
 * figure in kB is written there as the JVM shuts down.
 *
 * @since 0.1
 */
public final class PeakMemory {
  /** The environment variable naming the file to write. */
  public static final String ENVIRONMENT = "LOGME_PEAK_MEMORY_FILE";

  private PeakMemory() {
  }

  /** Registers the shutdown hook if {@value #ENVIRONMENT} is set; does nothing otherwise. */
  public static void recordAtExitIfAsked() {
    String target = System.getenv(ENVIRONMENT);
    if (target == null || target.isBlank()) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> read().ifPresent(kb -> {
      try {
        Files.writeString(Path.of(target), Long.toString(kb), StandardCharsets.UTF_8);
      } catch (IOException e) {
        // the benchmark reports the figure as missing
      }
    }), "logme-peak-memory"));
  }

  /** @return this process's peak resident set size in kB, if the platform tells it */
  public static OptionalLong read() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return OptionalLong.empty();
  }
}
