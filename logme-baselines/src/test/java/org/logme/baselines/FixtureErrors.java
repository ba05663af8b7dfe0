package org.logme.baselines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the largest error seen per check and, when the {@code logme.fixture.report} system
 * property names a file, writes them there at the end of the run (for reporting; never
 * asserted).
 */
final class FixtureErrors {
  private static final Map<String, Double> WORST = new ConcurrentHashMap<>();

  static {
    String file = System.getProperty("logme.fixture.report");
    if (file != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(WORST).forEach((k, v) -> text.append(k).append(" = ").append(v)
            .append('\n'));
        try {
          java.nio.file.Files.writeString(java.nio.file.Path.of(file), text);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
  }

  private FixtureErrors() {
  }

  static void record(String what, double error) {
    WORST.merge(what, error, Math::max);
  }
}
