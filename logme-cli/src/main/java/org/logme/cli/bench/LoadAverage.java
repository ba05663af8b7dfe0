package org.logme.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The system's load average over the last minute (Linux {@code /proc/loadavg}), printed by
 * {@code logme bench} beside its figures: on a shared machine the ratios measured in one run
 * mean more than the seconds, and the load says how shared it was.
 *
 * @since 0.1
 */
public final class LoadAverage {
  private LoadAverage() {
  }

  /** @return the one-minute load average, if the platform tells it */
  public static Optional<Double> oneMinute() {
    try {
      String text = Files.readString(Path.of("/proc/loadavg")).strip();
      return Optional.of(Double.parseDouble(text.split("\\s+")[0]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
