package org.logme.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.logme.core.io.AtomicFiles;

/**
 * Writes a report directory: {@value #RESULTS_CSV} ({@link ResultsCsv}),
 * {@value #RESULTS_JSON} ({@link CorrelationJson#results}) and {@value #REPORT_HTML}
 * ({@link HtmlReport}). Everything is rendered before anything is written, and each file is
 * written atomically (to a temporary file, then renamed), so a failure never leaves a partial
 * file behind.
 *
 * @since 0.1
 */
public final class ReportWriter {
  /** The results table. */
  public static final String RESULTS_CSV = "results.csv";
  /** The correlations, rankings, bootstrap and warnings. */
  public static final String RESULTS_JSON = "results.json";
  /** The self-contained HTML report. */
  public static final String REPORT_HTML = "report.html";

  private ReportWriter() {
  }

  /**
   * @param dir the output directory, created if needed
   * @param report the report
   * @return the path of {@value #REPORT_HTML}
   * @throws IOException if a file cannot be written; files already written stay complete, the
   *     failed one keeps its previous content (if any)
   */
  public static Path write(Path dir, Report report) throws IOException {
    byte[] csv = ResultsCsv.render(report.table()).getBytes(StandardCharsets.UTF_8);
    byte[] json = CorrelationJson.results(report).getBytes(StandardCharsets.UTF_8);
    byte[] html = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(RESULTS_CSV), out -> out.write(csv));
    AtomicFiles.write(dir.resolve(RESULTS_JSON), out -> out.write(json));
    Path page = dir.resolve(REPORT_HTML);
    AtomicFiles.write(page, out -> out.write(html));
    return page;
  }
}
