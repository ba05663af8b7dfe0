package org.logme.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.logme.api.InvalidParameterException;
import org.logme.io.AtomicFiles;

/**
 * Writes a report directory: {@value #RESULTS_CSV} ({@link ResultsCsv}), {@value #COLUMNS_CSV}
 * (how to read each column: kind, direction, set-dependence),
 * {@value #RESULTS_JSON} ({@link CorrelationJson#results}) and {@value #REPORT_HTML}
 * ({@link HtmlReport}). Everything is rendered before anything is written, and the files
 * are written together ({@link AtomicFiles#writeAll}: temporary files, renamed once all are
 * complete), so a failure never leaves a partial file or a mix of old and new files behind.
 *
 * @since 0.1
 */
public final class ReportWriter {
  /** The results table. */
  public static final String RESULTS_CSV = "results.csv";
  /** Each score column's kind, direction and set-dependence. */
  public static final String COLUMNS_CSV = "columns.csv";
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
   * @throws InvalidParameterException if the directory cannot be created or written (an
   *     unusable output path); no file is then changed
   */
  public static Path write(Path dir, Report report) {
    byte[] csv = ResultsCsv.render(report.table()).getBytes(StandardCharsets.UTF_8);
    byte[] columns = ResultsCsv.columns(report.table()).getBytes(StandardCharsets.UTF_8);
    byte[] json = CorrelationJson.results(report).getBytes(StandardCharsets.UTF_8);
    byte[] html = HtmlReport.render(report).getBytes(StandardCharsets.UTF_8);
    Path page = dir.resolve(REPORT_HTML);
    Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
    files.put(dir.resolve(RESULTS_CSV), out -> out.write(csv));
    files.put(dir.resolve(COLUMNS_CSV), out -> out.write(columns));
    files.put(dir.resolve(RESULTS_JSON), out -> out.write(json));
    files.put(page, out -> out.write(html));
    try {
      AtomicFiles.writeAll(files);
    } catch (IOException e) {
      throw new InvalidParameterException(dir + ": cannot write the report there ("
          + describe(e, dir) + "); choose a writable directory with --report DIR", e);
    }
    return page;
  }

  /**
   * Fails early, before long work, if reports cannot be written to a directory: creates it and
   * checks that it is writable.
   *
   * @param dir the output directory
   * @throws InvalidParameterException if it cannot be created or written
   */
  public static void checkWritable(Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
      if (!java.nio.file.Files.isWritable(dir)) {
        throw new AccessDeniedException(dir.toString(), null, "permission denied");
      }
    } catch (IOException e) {
      throw new InvalidParameterException(dir + ": cannot write the report there ("
          + describe(e, dir) + "); choose a writable directory with --report DIR", e);
    }
  }

  /** @return what went wrong, with the file involved unless it is the directory itself */
  private static String describe(IOException e, Path dir) {
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason() != null ? fs.getReason()
          : e instanceof AccessDeniedException ? "permission denied"
          : e instanceof NoSuchFileException ? "no such file or directory"
          : e instanceof FileAlreadyExistsException ? "a file is in the way"
          : e.getClass().getSimpleName();
      return fs.getFile() == null || fs.getFile().equals(dir.toString()) ? reason
          : fs.getFile() + ": " + reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
