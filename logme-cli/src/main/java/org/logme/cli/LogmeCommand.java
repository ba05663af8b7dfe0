package org.logme.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code logme} command; on its own it prints the help and fails with a usage
 * error.
 *
 * @since 0.1
 */
@Command(name = "logme", mixinStandardHelpOptions = true, version = "logme 0.1.0",
    description = {
        "Rank pre-trained models for transfer learning without fine-tuning them.",
        "",
        "LogME scores how well a model's features on your target data support a linear"
            + " classifier or regressor (the log of the maximum Bayesian evidence; You et al.,"
            + " ICML 2021 / JMLR 2022). Higher is better; compare scores of different models on"
            + " the same target data.",
        "",
        "Start with './logme demo'. Which encoder for your labelled texts? './logme select"
            + " --texts FILE.csv'. Features of your own? './logme score --features F.npy"
            + " --labels y.npy'."},
    subcommands = {SelectCommand.class, ExtractCommand.class, ScoreCommand.class,
        RankCommand.class, CorrelateCommand.class, BenchmarksCommand.class, ListCommand.class,
        DemoCommand.class, BenchCommand.class},
    footer = ExitCode.HELP)
final class LogmeCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Show stack traces of errors (for bug reports).")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
