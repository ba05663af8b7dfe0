package org.logme.cli;

import java.io.IOException;
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
   * Writes the report if {@code --report} was given, and says where on standard error.
   *
   * @param report the report
   * @param err standard error
   * @throws IOException if a file cannot be written
   */
  void writeIfAsked(Report report, PrintWriter err) throws IOException {
    if (directory != null) {
      Path written = ReportWriter.write(directory, report);
      err.println("logme: report written to " + written.toAbsolutePath());
    }
  }
}
