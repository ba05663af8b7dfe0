package org.logme.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the launcher's JVM options a benchmark's child JVM receives. */
class ChildJvmTest {
  private static final List<String> LAUNCHER = List.of("-Xmx1g", "--add-modules",
      "jdk.incubator.vector", "-Xlog:cds*=off", "-XX:SharedArchiveFile=/x/logme.jsa",
      "-XX:ArchiveClassesAtExit=/x/logme.jsa.42.new", "-Dlogme.kernels=scalar",
      "-Dlogme.stderr.tty=false", "-Dother=1", "-ea");

  @Test
  void passesOnMemoryModulesLoggingAndTheClassDataArchiveButNotItsWriting() {
    List<String> command = ChildJvm.command(null, "org.example.Main", List.of("a", "b"),
        LAUNCHER);
    assertEquals(List.of(java(), "-Xmx1g", "--add-modules", "jdk.incubator.vector",
        "-Xlog:cds*=off", "-XX:SharedArchiveFile=/x/logme.jsa", "-Dlogme.kernels=scalar",
        "-Dlogme.stderr.tty=false", "-cp", System.getProperty("java.class.path"),
        "org.example.Main", "a", "b"), command);
  }

  @Test
  void aGivenHeapReplacesTheInheritedOne() {
    List<String> command = ChildJvm.command("-Xmx3g", "org.example.Main", List.of(),
        List.of("-Xmx1g", "-Xms64m"));
    assertEquals(List.of(java(), "-Xms64m", "-Xmx3g", "-cp",
        System.getProperty("java.class.path"), "org.example.Main"), command);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
