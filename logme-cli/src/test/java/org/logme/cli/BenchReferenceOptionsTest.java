package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --reference} names the user's mistake instead of reporting an internal error. */
class BenchReferenceOptionsTest {
  @TempDir
  Path dir;

  @Test
  void aMissingReferenceScriptIsRefusedBeforeAnythingRuns() {
    Path missing = dir.resolve("LogME.py");
    CliRunner.Run run = bench(missing);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--reference " + missing + ": no such file")
        .doesNotContain("internal error");
    assertThat(dir.resolve("200x8x2-seed1")).doesNotExist();
  }

  @Test
  void aFailingInterpreterIsReportedAsTheUsersSettingNotAnInternalError() throws Exception {
    Path script = script();
    CliRunner.Run run = bench(script, "--python", "/bin/false");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--reference " + script + " with --python /bin/false:")
        .contains("exited with 1").doesNotContain("internal error");
  }

  @Test
  void anInterpreterThatPrintsNoScoreIsReportedAsTheUsersSetting() throws Exception {
    // echo prints its arguments, not a JSON score, and exits 0
    CliRunner.Run run = bench(script(), "--python", "/bin/echo");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("the Python reference printed no score (its last line: '")
        .doesNotContain("internal error").doesNotContain("Exception");
  }

  /** A script that is never run for real. */
  private Path script() throws IOException {
    return Files.writeString(dir.resolve("LogME.py"), "# not run\n");
  }

  /** {@code bench} on a tiny case, without the floor, with the given reference and options. */
  private CliRunner.Run bench(Path reference, String... more) {
    List<String> args = new ArrayList<>(List.of("bench", "--cases", "200x8x2", "--no-floor",
        "--dir", dir.toString(), "--reference", reference.toString()));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }
}
