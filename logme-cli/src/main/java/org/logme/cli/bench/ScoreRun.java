package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One timed {@code logme score} in a fresh JVM, started with this JVM's memory settings (the
 * launcher's {@code -Xmx}), so that wall time and peak resident memory are those of the whole
 * command a user runs.
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
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (argument.startsWith("-Xm") || argument.startsWith("-XX:")) {
          command.add(argument);
        }
      }
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          "org.logme.cli.Main", "score", "--features", task.features(dir).toString(),
          "--labels", task.labels(dir).toString(), "--backend", backend, "--json"));
      if (threads > 0) {
        command.addAll(List.of("--threads", Integer.toString(threads)));
      }
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put(PeakMemory.ENVIRONMENT, peakFile.toString());
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
      long start = System.nanoTime();
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      int code;
      try {
        code = process.waitFor();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      if (code != 0) {
        throw new IOException("logme score on backend " + backend + " exited with " + code
            + "; run it by hand to see why: " + String.join(" ", command.subList(
                command.indexOf("score"), command.size())));
      }
      JsonNode result = JSON.readTree(new String(out, StandardCharsets.UTF_8));
      String peak = Files.readString(peakFile).trim();
      return new ScoreRun(backend, seconds, peak.isEmpty() ? OptionalLong.empty()
          : OptionalLong.of(Long.parseLong(peak)), result.get("score").asDouble(),
          result.path("feature_input").asText());
    } finally {
      Files.deleteIfExists(peakFile);
    }
  }
}
