package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --reference} names the user's mistake instead of reporting an internal error. */
class BenchReferenceOptionsTest {
  @TempDir
  Path dir;

  @Test
  void aMissingReferenceScriptIsRefusedBeforeAnythingRuns() {
    Path missing = dir.resolve("LogME.py");
    CliRunner.Run run = CliRunner.run("bench", "--cases", "200x8x2", "--no-floor", "--dir",
        dir.toString(), "--reference", missing.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--reference " + missing + ": no such file")
        .doesNotContain("internal error");
    assertThat(dir.resolve("200x8x2-seed1")).doesNotExist();
  }

  @Test
  void aFailingInterpreterIsReportedAsTheUsersSettingNotAnInternalError() throws Exception {
    Path script = Files.writeString(dir.resolve("LogME.py"), "# not run\n");
    CliRunner.Run run = CliRunner.run("bench", "--cases", "200x8x2", "--no-floor", "--dir",
        dir.toString(), "--reference", script.toString(), "--python", "/bin/false");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--reference " + script + " with --python /bin/false:")
        .contains("exited with 1").doesNotContain("internal error");
  }

  @Test
  void anInterpreterThatPrintsNoScoreIsReportedAsTheUsersSetting() throws Exception {
    Path script = Files.writeString(dir.resolve("LogME.py"), "# not run\n");
    // echo prints its arguments, not a JSON score, and exits 0
    CliRunner.Run run = CliRunner.run("bench", "--cases", "200x8x2", "--no-floor", "--dir",
        dir.toString(), "--reference", script.toString(), "--python", "/bin/echo");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("the Python reference printed no score (its last line: '")
        .doesNotContain("internal error").doesNotContain("Exception");
  }
}
