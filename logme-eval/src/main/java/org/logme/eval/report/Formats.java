package org.logme.eval.report;

import java.util.Locale;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.Interval;

/** Number formatting shared by the text and HTML renderings: fixed, locale-independent. */
final class Formats {
  /** What an undefined value shows. */
  static final String UNDEFINED = "n/a";

  private Formats() {
  }

  /** A coefficient with 4 decimals, or {@value #UNDEFINED}. */
  static String coefficient(Statistic s) {
    return s.defined() ? String.format(Locale.ROOT, "%.4f", s.value()) : UNDEFINED;
  }

  /**
   * A score or ground truth: integers as such, large or tiny values in scientific form, others
   * with up to 4 decimals.
   */
  static String value(double v) {
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.4e", v);
    }
    String fixed = String.format(Locale.ROOT, "%.4f", v);
    String trimmed = fixed.replaceAll("0+$", "");
    return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  /** A share in [0, 1] with 3 decimals. */
  static String share(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A bootstrap interval as {@code [low, high]} with 3 decimals, or {@value #UNDEFINED}. */
  static String interval(Interval interval) {
    return interval.defined() ? String.format(Locale.ROOT, "[%.3f, %.3f]",
        interval.low().value(), interval.high().value()) : UNDEFINED;
  }
}
