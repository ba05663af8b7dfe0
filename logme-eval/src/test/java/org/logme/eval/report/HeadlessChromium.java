package org.logme.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Debian's {@code chromium} headless, with a fresh profile and without any network
 * activity of its own, to dump a page's DOM after its scripts ran or to take a screenshot.
 */
final class HeadlessChromium {
  /** What to install when Chromium is missing. */
  static final String INSTALL_HINT = "headless Chromium not found: install the Debian package"
      + " 'chromium' (apt-get install -y chromium) to run the report's end-to-end test";
  private static final long TIMEOUT_SECONDS = 180;

  private final Path binary;
  private final Path workDir;

  private HeadlessChromium(Path binary, Path workDir) {
    this.binary = binary;
    this.workDir = workDir;
  }

  /**
   * @param workDir where profiles and logs go
   * @return Chromium, if installed: the binary named by {@code -Dlogme.chromium=PATH}, else
   *     {@code /usr/bin/chromium} or {@code chromium} on the PATH
   */
  static Optional<HeadlessChromium> find(Path workDir) {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("logme.chromium");
    if (configured != null) { // -Dlogme.chromium=PATH: only that binary
      return Optional.of(Path.of(configured)).filter(Files::isExecutable)
          .map(p -> new HeadlessChromium(p, workDir));
    }
    candidates.add(Path.of("/usr/bin/chromium"));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "chromium"));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst()
        .map(p -> new HeadlessChromium(p, workDir));
  }

  /** @return the page's DOM after load, as Chromium serializes it */
  String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = workDir.resolve("dump-dom.html");
    run("dump", out, "--window-size=1280,1000", "--dump-dom", page.toUri().toString());
    return Files.readString(out);
  }

  /** Saves a PNG of the top {@code height} pixels of the page at a width of 1280. */
  void screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
    run("shot", workDir.resolve("screenshot.log"), "--hide-scrollbars",
        "--window-size=1280," + height, "--screenshot=" + png.toAbsolutePath(),
        page.toUri().toString());
  }

  private void run(String name, Path stdout, String... args)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "profile-" + name);
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(workDir.resolve(name + ".stderr.log").toFile()).start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS
            + " s: " + command);
      }
    } finally {
      deleteRecursively(profile);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("chromium exited with " + process.exitValue() + "; see "
          + workDir.resolve(name + ".stderr.log"));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
