package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One timed {@code logme score} in a fresh JVM ({@link ChildJvm}: this JVM's memory and module
 * settings, the launcher's {@code -Xmx}), so that wall time and peak resident memory are those of
 * the whole command a user runs.
 *
 * @param backend the backend
 * @param seconds wall time from process start to exit
 * @param peakKb peak resident memory of the child process in kB, if known
 * @param score the LogME score it printed
 * @param featureInput how it read the features
 * @since 0.1
 */
public record ScoreRun(String backend, double seconds, OptionalLong peakKb, double score,
    String featureInput) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param task the synthetic task, already written
   * @param dir where it was written
   * @param backend the backend to score with
   * @param threads the threads to give it, or 0 for all processors
   * @return the measurement
   * @throws IOException if the child cannot be started or fails
   */
  public static ScoreRun measure(SyntheticTask task, Path dir, String backend, int threads)
      throws IOException {
    Path peakFile = Files.createTempFile("logme-peak", ".kb");
    try {
      List<String> arguments = new ArrayList<>(List.of("score", "--features",
          task.features(dir).toString(), "--labels", task.labels(dir).toString(), "--backend",
          backend, "--json"));
      if (threads > 0) {
        arguments.addAll(List.of("--threads", Integer.toString(threads)));
      }
      ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(null, "org.logme.cli.Main",
          arguments));
      builder.environment().put(PeakMemory.ENVIRONMENT, peakFile.toString());
      long start = System.nanoTime();
      String out = ChildJvm.run(builder, "logme score on backend " + backend);
      double seconds = (System.nanoTime() - start) / 1e9;
      // {"schema": "logme.score/2", "results": [one object per estimator]}: LogME alone here
      JsonNode result = JSON.readTree(out).path("results").path(0);
      if (!result.path("score").isNumber()) {
        throw new IOException("logme score on backend " + backend + " printed no score");
      }
      String peak = Files.readString(peakFile).trim();
      return new ScoreRun(backend, seconds, peak.isEmpty() ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(peak)), result.get("score").asDouble(),
          result.path("feature_input").asText());
    } finally {
      Files.deleteIfExists(peakFile);
    }
  }
}
