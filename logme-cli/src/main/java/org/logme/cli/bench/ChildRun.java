package org.logme.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One timed child process of {@code logme bench estimators}: its wall time from start to exit,
 * the JSON it printed and, for a logme child, its peak resident memory (the child writes it at
 * exit, see {@link PeakMemory}).
 *
 * @param seconds wall time of the whole process
 * @param output the JSON document it printed on standard output
 * @param peakKb its peak resident memory in kB, where known
 * @since 0.2
 */
public record ChildRun(double seconds, JsonNode output, OptionalLong peakKb) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param mainClass the class to run
   * @param arguments its arguments
   * @return the command that runs it in a fresh JVM with this JVM's class path and its memory,
   *     JIT and module options (the launcher's {@code -Xmx} and {@code --add-modules}, so that
   *     the child computes with the same kernels), as {@link ChildJvm#command} builds it
   */
  public static List<String> java(String mainClass, List<String> arguments) {
    return ChildJvm.command(null, mainClass, arguments);
  }

  /**
   * Runs a command to completion.
   *
   * @param command the command
   * @param timeoutSeconds how long to wait before killing it
   * @return the measurement
   * @throws IOException if it cannot be started, fails, times out or prints no JSON; the
   *     message holds the command and the end of its standard error
   */
  public static ChildRun run(List<String> command, long timeoutSeconds) throws IOException {
    Path peakFile = Files.createTempFile("logme-peak", ".kb");
    Path outFile = Files.createTempFile("logme-bench", ".out");
    Path errFile = Files.createTempFile("logme-bench", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put(PeakMemory.ENVIRONMENT, peakFile.toString());
      builder.redirectOutput(outFile.toFile());
      builder.redirectError(errFile.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      int code;
      try {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IOException("timed out after " + timeoutSeconds + " s: '"
              + String.join(" ", command) + "'");
        }
        code = process.exitValue();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String text = Files.readString(outFile, StandardCharsets.UTF_8).trim();
      if (code != 0 || text.isEmpty()) {
        String err = Files.readString(errFile, StandardCharsets.UTF_8).trim();
        String tail = err.length() > 600 ? "..." + err.substring(err.length() - 600) : err;
        throw new IOException("'" + String.join(" ", command) + "' exited with " + code
            + (tail.isEmpty() ? "" : ": " + tail));
      }
      String peak = Files.readString(peakFile).trim();
      return new ChildRun(seconds, JSON.readTree(text), peak.isEmpty()
          ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(peak)));
    } finally {
      Files.deleteIfExists(peakFile);
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(errFile);
    }
  }
}
