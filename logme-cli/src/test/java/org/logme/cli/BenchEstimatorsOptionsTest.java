package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bench estimators} refuses settings that would make every measurement meaningless. */
class BenchEstimatorsOptionsTest {
  @Test
  void aTimeoutBelowOneSecondIsRefusedBeforeAnythingRuns() {
    CliRunner.Run run = CliRunner.run("bench", "estimators", "--timeout", "0", "--cases",
        "200x8x2", "--estimators", "hscore");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--timeout must be at least 1 second, not 0")
        .doesNotContain("Exception");
  }

  @Test
  void aRepeatBelowOneIsRefused() {
    CliRunner.Run run = CliRunner.run("bench", "estimators", "--repeat", "0", "--cases",
        "200x8x2", "--estimators", "hscore");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("--repeat must be at least 1, not 0");
  }
}
