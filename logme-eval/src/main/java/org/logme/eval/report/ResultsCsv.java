package org.logme.eval.report;

import java.util.ArrayList;
import java.util.List;
import org.logme.eval.table.Csv;
import org.logme.eval.table.Group;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;

/**
 * {@code results.csv}: the results table itself, one line per model (per group), in the format
 * {@link ResultsTable#read} accepts: the group column (if the table had one), {@code model},
 * the ground truth (if any), then one column per estimator and static baseline, the latter
 * named {@code static:NAME} (which {@link ResultsTable#read} recognises). A missing value is an
 * empty cell; numbers are written as {@link Double#toString}, which reads back exactly.
 *
 * @since 0.1
 */
public final class ResultsCsv {
  private ResultsCsv() {
  }

  /**
   * @param table the table
   * @return the CSV text, lines ending with {@code \n}
   */
  public static String render(ResultsTable table) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    table.groupColumn().ifPresent(header::add);
    header.add("model");
    table.truthName().ifPresent(header::add);
    table.columns().stream().map(c -> c.isStatic() ? "static:" + c.name() : c.name())
        .forEach(header::add);
    line(out, header);
    for (Group group : table.groups()) {
      for (int m = 0; m < group.size(); m++) {
        List<String> cells = new ArrayList<>();
        if (table.groupColumn().isPresent()) {
          cells.add(group.name());
        }
        cells.add(group.models().get(m));
        if (table.truthName().isPresent()) {
          cells.add(group.truth(m).isPresent() ? Double.toString(group.truth(m).getAsDouble())
              : "");
        }
        for (int c = 0; c < table.columns().size(); c++) {
          cells.add(group.score(c, m).isPresent()
              ? Double.toString(group.score(c, m).getAsDouble()) : "");
        }
        line(out, cells);
      }
    }
    return out.toString();
  }

  /**
   * {@code columns.csv}: one line per score column of {@code results.csv}, saying how to read
   * it: {@code column,kind,higher_is_better,set_dependent} ({@code kind} is {@code estimator}
   * or {@code static}; a set-dependent column was normalised over these models and compares
   * them only).
   *
   * @param table the table
   * @return the CSV text, lines ending with {@code \n}
   * @since 0.2
   */
  public static String columns(ResultsTable table) {
    StringBuilder out = new StringBuilder();
    line(out, List.of("column", "kind", "higher_is_better", "set_dependent"));
    for (ScoreColumn c : table.columns()) {
      line(out, List.of(c.name(), c.kind().id(), Boolean.toString(c.higherIsBetter()),
          Boolean.toString(c.setDependent())));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(Csv.quote(cells.get(i)));
    }
    out.append('\n');
  }
}
