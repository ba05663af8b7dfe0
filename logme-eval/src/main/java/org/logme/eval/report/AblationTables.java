package org.logme.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logme.eval.ablation.Distribution;
import org.logme.eval.ablation.LeaveOutResult;
import org.logme.eval.ablation.RemoveLargestResult;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.WinRate;

/**
 * Plain-text tables of the ablations, as {@link TextTables} lays out the correlations:
 * estimators as rows, static baselines below them. Every value is a mean weighted τ over the
 * groups. Lines end with {@code \n}.
 *
 * @since 0.2
 */
public final class AblationTables {
  private AblationTables() {
  }

  /**
   * @param result a leave-k-out result
   * @return per column: τ_w on the whole table, the five-number summary over the subsets, how
   *     often the column was the best, and the subset that moved it most
   */
  public static String leaveOut(LeaveOutResult result) {
    List<String> header = List.of("all models", "min", "q1", "median", "q3", "max", "best in",
        "largest change");
    List<List<String>> rows = new ArrayList<>();
    for (ScoreColumn column : result.columns()) {
      List<String> row = new ArrayList<>();
      row.add(column.name());
      row.add(number(result.observed(column.name())));
      Distribution d = result.distribution(column.name());
      for (int q = 0; q <= 4; q++) {
        row.add(d.defined() ? number(d.quantile(q / 4.0)) : Formats.UNDEFINED);
      }
      row.add(Formats.share(result.bestShare(column.name())));
      row.add(result.largestChange(column.name()).map(c -> String.format(Locale.ROOT,
          "%+.3f without %s", c.delta(), String.join("+", c.removed())))
          .orElse(Formats.UNDEFINED));
      rows.add(row);
    }
    return "Leave " + result.k() + " model" + (result.k() == 1 ? "" : "s") + " out ("
        + (result.exhaustive() ? "all " + result.removed().size() + " subsets"
        : result.removed().size() + " of " + result.possibleSubsets() + " subsets, drawn with"
        + " seed " + result.seed()) + "): mean weighted_tau over the groups\n"
        + TextTables.grid(result.columns(), header, rows);
  }

  /**
   * @param result a remove-the-largest curve
   * @return per column the mean τ_w with the m largest models removed, m = 0, 1, ..., and the
   *     models in the order they go
   */
  public static String removeLargest(RemoveLargestResult result) {
    List<String> header = new ArrayList<>();
    for (int m = 0; m <= result.maxRemoved(); m++) {
      header.add("m=" + m);
    }
    List<List<String>> rows = new ArrayList<>();
    for (ScoreColumn column : result.columns()) {
      List<String> row = new ArrayList<>();
      row.add(column.name());
      for (double v : result.curve(column.name())) {
        row.add(number(v));
      }
      rows.add(row);
    }
    List<String> order = new ArrayList<>();
    for (int i = 0; i < result.maxRemoved(); i++) {
      order.add((i + 1) + ". " + result.order().get(i) + " ("
          + Formats.value(result.sizes().get(i)) + ")");
    }
    return "Mean weighted_tau with the m largest models by " + result.sizeColumn()
        + " removed\n" + TextTables.grid(result.columns(), header, rows)
        + "removed in this order: " + String.join(", ", order) + "\n";
  }

  /**
   * @param bootstrap a bootstrap with win rates
   * @param columns the columns of its table
   * @return the share of the groups in which the row's τ_w is higher than the column's, with
   *     its interval; empty if the bootstrap kept no win rates
   */
  public static String winRates(BootstrapResult bootstrap, List<ScoreColumn> columns) {
    if (columns.size() < 2 || bootstrap.winRate(columns.get(0).name(), columns.get(1).name())
        .isEmpty()) {
      return "";
    }
    List<String> header = columns.stream().map(ScoreColumn::name).toList();
    List<List<String>> rows = new ArrayList<>();
    for (ScoreColumn row : columns) {
      List<String> cells = new ArrayList<>();
      cells.add(row.name());
      for (ScoreColumn other : columns) {
        if (row.equals(other)) {
          cells.add("-");
          continue;
        }
        WinRate rate = bootstrap.winRate(row.name(), other.name()).orElseThrow();
        cells.add(rate.observed().defined() ? Formats.share(rate.observed().value()) + " "
            + Formats.interval(rate.interval()) : Formats.UNDEFINED);
      }
      rows.add(cells);
    }
    return "Win rate: share of the groups in which the row's weighted_tau is higher than the"
        + " column's (ties count half), with its " + org.logme.eval.table.Bootstrap.PERCENT
        + "% bootstrap interval\n" + TextTables.grid(columns, header, rows);
  }

  private static String number(double v) {
    return Double.isNaN(v) ? Formats.UNDEFINED : String.format(Locale.ROOT, "%.4f", v);
  }
}
