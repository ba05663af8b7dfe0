package org.logme.eval.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;
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

  /**
   * One format for every value of a column, so that a column reads as one: integers without
   * decimals; very large or tiny magnitudes in scientific notation; otherwise the same number
   * of decimals for every value — the fewest (up to 4) that write every value exactly, such as
   * one for accuracies given to 0.1, else at least 4 and as many as it takes (up to 12) to tell
   * every two distinct values apart, so that values that print alike are equal and share a
   * rank.
   *
   * @param values the column's values (NaN for missing, ignored)
   * @return the formatter
   */
  static DoubleFunction<String> column(double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).distinct().toArray();
    boolean integers = Arrays.stream(finite).allMatch(v -> v == Math.rint(v)
        && Math.abs(v) < 1e15);
    if (integers) {
      return v -> String.format(Locale.ROOT, "%d", (long) v);
    }
    double largest = Arrays.stream(finite).map(Math::abs).max().orElse(0);
    boolean scientific = largest >= 1e6 || largest < 1e-3;
    for (int digits = 1; digits <= 4 && !scientific; digits++) {
      String pattern = "%." + digits + "f";
      if (Arrays.stream(finite).allMatch(v -> Double.parseDouble(String.format(Locale.ROOT,
          pattern, v)) == v)) {
        return v -> String.format(Locale.ROOT, pattern, v);
      }
    }
    for (int digits = 4; digits <= 12; digits++) {
      String pattern = "%." + digits + (scientific ? "e" : "f");
      long printed = Arrays.stream(finite).mapToObj(v -> String.format(Locale.ROOT, pattern, v))
          .distinct().count();
      if (printed == finite.length || digits == 12) {
        return v -> String.format(Locale.ROOT, pattern, v);
      }
    }
    throw new AssertionError("unreachable");
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
