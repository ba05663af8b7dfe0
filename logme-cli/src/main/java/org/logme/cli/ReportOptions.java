package org.logme.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.logme.api.InvalidParameterException;
import org.logme.eval.report.Report;
import org.logme.eval.report.ReportWriter;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.ResultsTable;
import picocli.CommandLine.Option;

/** {@code --bootstrap}, {@code --seed} and {@code --report}, shared by correlate and rank. */
final class ReportOptions {

  @Option(names = "--bootstrap", paramLabel = "B",
      description = "Resample the models B times: a 95%% percentile interval for weighted tau,"
          + " and how often each estimator beats each other one (needs accuracies).")
  Integer resamples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--report", paramLabel = "DIR",
      description = "Write results.csv, results.json and a self-contained report.html here.")
  Path directory;

  /**
   * @param table the results, with a ground truth
   * @return the bootstrap, or null if none was asked for
   * @throws InvalidParameterException for a resample count below 1
   */
  BootstrapResult bootstrap(ResultsTable table) {
    if (resamples == null) {
      return null;
    }
    if (resamples < 1) {
      throw new InvalidParameterException("--bootstrap needs at least 1 resample, not "
          + resamples);
    }
    return Bootstrap.run(table, resamples, seed);
  }

  /**
   * Writes the report if {@code --report} was given. Commands call it before printing anything,
   * so that an unusable directory fails the run with nothing printed.
   *
   * @param report the report
   * @return the report's page, or null if no report was asked for
   * @throws InvalidParameterException if the directory cannot be written (nothing is changed)
   */
  Path writeIfAsked(Report report) {
    return directory == null ? null : ReportWriter.write(directory, report);
  }

  /**
   * Says where the report went, on standard error.
   *
   * @param page what {@link #writeIfAsked} returned
   * @param err standard error
   */
  static void announce(Path page, PrintWriter err) {
    if (page != null) {
      err.println("logme: report written to " + page.toAbsolutePath());
    }
  }
}
