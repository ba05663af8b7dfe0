package org.logme.cli;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Builds the command line (plugins wired by Guice, commands created by injection) and runs it,
 * turning every failure into a one-line message and an exit code: user mistakes never show a
 * stack trace unless {@code --debug} is given.
 *
 * @since 0.1
 */
public final class Cli {
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param out standard output
   * @param err standard error
   */
  public Cli(OutputStream out, OutputStream err) {
    this.out = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    this.err = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
  }

  /**
   * @param args the command line
   * @return the exit code ({@link ExitCode})
   */
  public int run(String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    try {
      Injector injector = Guice.createInjector(new PluginModule());
      CommandLine commandLine = new CommandLine(LogmeCommand.class, new GuiceFactory(injector));
      commandLine.setOut(out);
      commandLine.setErr(err);
      commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, debug));
      commandLine.setParameterExceptionHandler((e, args2) -> {
        err.println("logme: error: " + e.getMessage() + didYouMean(e));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
            + " --help' for the options.");
        return ExitCode.USAGE;
      });
      return commandLine.execute(args);
    } catch (CreationException e) {
      return report(e.getCause() != null ? e.getCause() : e, debug);
    } catch (OutOfMemoryError e) {
      err.println("logme: error: out of memory (Java heap of "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): the requested estimators hold"
          + " the features in memory; give Java more heap, e.g. LOGME_JAVA_OPTS=-Xmx8g ./logme"
          + " ..., or use only estimators that stream (logme).");
      return ExitCode.INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** A suggestion for a misspelt command or option, as for estimators and backends. */
  private static String didYouMean(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return "";
    }
    String word = unmatched.getUnmatched().get(0);
    CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
    java.util.List<String> candidates = new java.util.ArrayList<>(spec.subcommands().keySet());
    spec.options().forEach(o -> candidates.addAll(java.util.List.of(o.names())));
    return org.logme.api.UnknownPluginException.suggestion(word, candidates);
  }

  private int report(Throwable e, boolean debug) {
    int code = ExitCode.of(e);
    if (code == ExitCode.INTERNAL) {
      err.println("logme: internal error: " + e + (debug ? ""
          : " (rerun with --debug for the stack trace, and please report it)"));
    } else {
      err.println("logme: error: " + e.getMessage());
    }
    if (debug) {
      e.printStackTrace(err);
    }
    return code;
  }
}
