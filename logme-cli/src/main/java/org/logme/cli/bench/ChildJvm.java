package org.logme.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh JVM for one measurement of {@code logme bench}, on this JVM's class path and with its
 * memory, JIT, logging and module options (the launcher's {@code -Xmx}, {@code --add-modules},
 * its class-data archive {@code -XX:SharedArchiveFile}), so that the child runs as the command a
 * user runs. A request to write the archive ({@code -XX:ArchiveClassesAtExit}) is this JVM's
 * alone and is not passed on.
 *
 * @since 0.1
 */
final class ChildJvm {
  private ChildJvm() {
  }

  /**
   * @param heap a heap limit replacing this JVM's (e.g. {@code -Xmx2g}), or null to keep it
   * @param mainClass the class to run
   * @param arguments its arguments
   * @return the command line
   */
  static List<String> command(String heap, String mainClass, List<String> arguments) {
    return command(heap, mainClass, arguments,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /**
   * @param heap a heap limit replacing the inherited one, or null to keep it
   * @param mainClass the class to run
   * @param arguments its arguments
   * @param inherited the options of the JVM it stands in for, of which the memory, JIT, logging
   *     and module ones are passed on
   * @return the command line
   */
  static List<String> command(String heap, String mainClass, List<String> arguments,
      List<String> inherited) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (int i = 0; i < inherited.size(); i++) {
      String argument = inherited.get(i);
      if (argument.startsWith("-Xmx") && heap != null
          || argument.startsWith("-XX:ArchiveClassesAtExit")) {
        continue; // the launcher's class-data archive is written by this JVM alone
      }
      if (argument.startsWith("-Xm") || argument.startsWith("-XX:")
          || argument.startsWith("-Xlog:")
          || argument.startsWith("--add-modules=") || argument.startsWith("-Dlogme.")) {
        command.add(argument);
      } else if (argument.equals("--add-modules") && i + 1 < inherited.size()) {
        command.add(argument);
        command.add(inherited.get(++i));
      }
    }
    if (heap != null) {
      command.add(heap);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(arguments);
    return command;
  }

  /**
   * Runs a command to its end, its standard error discarded.
   *
   * @param builder the process, configured
   * @param what what it is, for messages
   * @return its standard output
   * @throws IOException if it cannot be started, is interrupted or exits with an error
   */
  static String run(ProcessBuilder builder, String what) throws IOException {
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
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
    if (code != 0) {
      throw new IOException(what + " exited with " + code + "; run it by hand to see why: "
          + String.join(" ", builder.command()));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
