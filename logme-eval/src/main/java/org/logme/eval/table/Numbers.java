package org.logme.eval.table;

import java.util.Locale;
import java.util.regex.Pattern;
import org.logme.api.InvalidInputException;

/** Strict parsing of decimal numbers in CSV cells, with the cell's position in messages. */
final class Numbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Numbers() {
  }

  /**
   * @param cell the text of a non-empty cell
   * @return true if it is text rather than a number, however malformed: neither a decimal
   *     number nor a spelling of NaN or infinity
   */
  static boolean isText(String cell) {
    String lower = cell.toLowerCase(Locale.ROOT);
    return !DECIMAL.matcher(cell).matches() && !lower.contains("nan") && !lower.contains("inf");
  }

  /**
   * @param cell the text of the cell
   * @param where the file, line and column, for the message
   * @return the value
   * @throws InvalidInputException if it is not a finite decimal number
   */
  static double parse(String cell, String where) {
    if (cell.isEmpty()) {
      throw new InvalidInputException(where + ": empty; a value is required here");
    }
    if (DECIMAL.matcher(cell).matches()) {
      double v = Double.parseDouble(cell);
      if (Double.isFinite(v)) {
        return v;
      }
    }
    String lower = cell.toLowerCase(Locale.ROOT);
    if (lower.contains("nan") || lower.contains("inf")) {
      throw new InvalidInputException(where + ": '" + cell + "' is not a finite number; leave"
          + " the cell empty if the value is missing");
    }
    throw new InvalidInputException(where + ": '" + cell + "' is not a number; write a decimal"
        + " number such as 0.5 or 1e-3 (a point, not a comma, for decimals)");
  }
}
