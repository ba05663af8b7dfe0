package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.logme.api.InvalidParameterException;

/**
 * One timed run of the Python reference (thuml/LogME's {@code LogME.py}, given by the user) on
 * a synthetic task, in a fresh interpreter: wall time of the whole process (interpreter start,
 * {@code import numpy}, reading, {@code fit}), the time of {@code fit} alone, and the peak
 * resident memory the interpreter reports. Without numba its {@code @njit} functions run as
 * plain numpy, which {@link #numba()} records.
 *
 * @param seconds wall time from process start to exit
 * @param fitSeconds the time of {@code LogME().fit(f, y)} alone
 * @param peakKb peak resident memory in kB
 * @param score the score it printed
 * @param numba whether numba compiled the reference's helpers
 * @since 0.1
 */
public record ReferenceRun(double seconds, double fitSeconds, long peakKb, double score,
    boolean numba) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = "python_reference.py";

  /**
   * @param python the interpreter (e.g. {@code python3})
   * @param logmePy the reference's {@code LogME.py}
   * @param task the synthetic task, already written
   * @param dir where it was written
   * @return the measurement
   * @throws InvalidParameterException if the interpreter cannot be started, fails or prints no
   *     score: the user's interpreter or script failed, not logme
   * @throws IOException if the script cannot be written or the wait is interrupted
   */
  public static ReferenceRun measure(String python, Path logmePy, SyntheticTask task, Path dir)
      throws IOException {
    Path script = Files.createTempFile("logme-python-reference", ".py");
    try {
      try (InputStream in = ReferenceRun.class.getResourceAsStream(SCRIPT)) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder builder = new ProcessBuilder(List.of(python, script.toString(),
          logmePy.toString(), task.features(dir).toString(), task.labels(dir).toString()));
      String setting = "--reference " + logmePy + " with --python " + python + ": ";
      long start = System.nanoTime();
      String out;
      try {
        out = ChildJvm.run(builder, "the Python reference");
      } catch (IOException e) {
        if (e.getCause() instanceof InterruptedException) {
          throw e;
        }
        throw new InvalidParameterException(setting + e.getMessage());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String last = out.strip().lines().reduce((a, b) -> b).orElse("");
      JsonNode result;
      try {
        result = JSON.readTree(last.isEmpty() ? "{}" : last);
      } catch (IOException e) {
        result = JSON.createObjectNode();
      }
      if (!result.path("score").isNumber()) {
        throw new InvalidParameterException(setting + "the Python reference printed no score"
            + " (its last line: '" + last + "')");
      }
      return new ReferenceRun(seconds, result.path("fit_seconds").asDouble(),
          result.path("peak_rss_kb").asLong(), result.path("score").asDouble(),
          result.path("numba").asBoolean());
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
