package org.logme.eval.report;

import java.util.List;
import java.util.Optional;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TruthBand;

/**
 * Everything a report shows: the results table, its correlation table (when it has a ground
 * truth), an optional bootstrap, a title and warnings. Immutable; each {@code with…} method
 * returns a modified copy.
 *
 * <pre>
 *   Report report = Report.of(table).withTitle("ImageNet-10").withBootstrap(
 *       Bootstrap.run(table, 1000, 1));
 *   ReportWriter.write(Path.of("out"), report);
 * </pre>
 *
 * @since 0.1
 */
public final class Report {
  private final ResultsTable table;
  private final CorrelationTable correlations;
  private final BootstrapResult bootstrap;
  private final String title;
  private final List<String> warnings;
  private final TruthBand band;
  private final Ablations ablations;

  private Report(ResultsTable table, CorrelationTable correlations, BootstrapResult bootstrap,
      String title, List<String> warnings, TruthBand band, Ablations ablations) {
    this.table = table;
    this.correlations = correlations;
    this.bootstrap = bootstrap;
    this.title = title;
    this.warnings = List.copyOf(warnings);
    this.band = band;
    this.ablations = ablations;
  }

  /**
   * @param table the results; the correlations are computed if it has a ground truth
   * @return a report titled after the table's origin, without bootstrap or warnings
   */
  public static Report of(ResultsTable table) {
    CorrelationTable correlations = table.truthName().isPresent()
        ? CorrelationTable.compute(table) : null;
    return new Report(table, correlations, null, "logme report: " + table.origin(), List.of(),
        null, Ablations.NONE);
  }

  /**
   * @param value the title shown at the top of the HTML report
   * @return a modified copy
   */
  public Report withTitle(String value) {
    return new Report(table, correlations, bootstrap, value, warnings, band, ablations);
  }

  /**
   * @param value a bootstrap of the same table
   * @return a modified copy
   */
  public Report withBootstrap(BootstrapResult value) {
    return new Report(table, correlations, value, title, warnings, band, ablations);
  }

  /**
   * @param value warnings to show (for example estimators skipped while scoring a zoo)
   * @return a modified copy
   */
  public Report withWarnings(List<String> value) {
    return new Report(table, correlations, bootstrap, title, value, band, ablations);
  }

  /**
   * @param value τ_w against other variants of the ground truth (a probe's settings)
   * @return a modified copy
   */
  public Report withTruthBand(TruthBand value) {
    return new Report(table, correlations, bootstrap, title, warnings, value, ablations);
  }

  /**
   * @param value leave-k-out distributions and the remove-the-largest curve of the same table
   * @return a modified copy
   * @since 0.2
   */
  public Report withAblations(Ablations value) {
    return new Report(table, correlations, bootstrap, title, warnings, band, value);
  }

  /**
   * @return the ablations ({@link Ablations#NONE} unless added)
   * @since 0.2
   */
  public Ablations ablations() {
    return ablations;
  }

  /** @return the ground-truth sensitivity band, if one was added */
  public Optional<TruthBand> truthBand() {
    return Optional.ofNullable(band);
  }

  /** @return the results table */
  public ResultsTable table() {
    return table;
  }

  /** @return the correlations, if the table has a ground truth */
  public Optional<CorrelationTable> correlations() {
    return Optional.ofNullable(correlations);
  }

  /** @return the bootstrap, if one was added */
  public Optional<BootstrapResult> bootstrap() {
    return Optional.ofNullable(bootstrap);
  }

  /** @return the title */
  public String title() {
    return title;
  }

  /** @return the warnings */
  public List<String> warnings() {
    return warnings;
  }
}
