package org.logme.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Interval;
import org.logme.eval.table.Metric;
import org.logme.eval.table.Ranking;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TruthBand;

/**
 * Plain-text tables for a terminal, laid out like the LogME paper's: estimators as rows, groups
 * (datasets) as columns, then the mean; static baselines below the estimators, under their own
 * heading. Undefined values show as {@value Formats#UNDEFINED}, with their reasons listed under
 * the table. Lines end with {@code \n}.
 *
 * @since 0.1
 */
public final class TextTables {
  private TextTables() {
  }

  /**
   * @param table the correlations
   * @param metric the metric to show
   * @return one table: rows are columns of the results table, columns are groups and the mean
   */
  public static String correlations(CorrelationTable table, Metric metric) {
    ResultsTable results = table.table();
    boolean oneGroup = table.groups().size() == 1;
    List<String> header = new ArrayList<>(table.groups());
    if (!oneGroup) {
      header.add("mean");
    }
    List<List<String>> rows = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    boolean partial = false;
    for (ScoreColumn column : table.columns()) {
      List<String> row = new ArrayList<>();
      row.add(label(column));
      for (Group group : results.groups()) {
        Statistic s = table.get(group.name(), column.name(), metric);
        int used = table.models(group.name(), column.name());
        boolean fewer = s.defined() && used < group.modelsWithTruth().length;
        partial |= fewer;
        row.add(Formats.coefficient(s) + (fewer ? " (" + used + ")" : ""));
        s.undefinedReason().ifPresent(r -> reasons.add(group.name() + " / " + column.name() + ": "
            + r));
      }
      if (!oneGroup) {
        Statistic mean = table.mean(column.name(), metric);
        int groups = table.meanGroups(column.name(), metric);
        row.add(Formats.coefficient(mean) + (mean.defined() && groups < table.groups().size()
            ? " (" + groups + "/" + table.groups().size() + ")" : ""));
        mean.undefinedReason().ifPresent(r -> reasons.add("mean / " + column.name() + ": " + r));
      }
      rows.add(row);
    }
    StringBuilder out = new StringBuilder();
    out.append(metric.label()).append(" [").append(metric.key()).append("]")
        .append(metric.higherIsBetter() ? "" : ", lower is better").append("; ground truth: ")
        .append(results.truthName().orElse("none")).append(results.truthHigherIsBetter() ? ""
        : " (lower is better)").append('\n');
    out.append(grid(table.columns(), header, rows));
    if (partial) {
      out.append("(k): the value uses only the k models that have both a score and a ground"
          + " truth\n");
    }
    for (String reason : reasons) {
      out.append(Formats.UNDEFINED).append(": ").append(reason).append('\n');
    }
    return out.toString();
  }

  /** A column's row label, with an arrow where lower is better. */
  private static String label(ScoreColumn column) {
    return column.higherIsBetter() ? column.name() : column.name() + " (lower is better)";
  }

  /**
   * @param band τ_w against each variant of the ground truth
   * @param columns the columns of the table it came from
   * @return one table: rows are columns, columns are the variants and the band (lowest to
   *     highest)
   */
  public static String truthBand(TruthBand band, List<ScoreColumn> columns) {
    List<String> header = new ArrayList<>(band.variants());
    header.add("band");
    List<List<String>> rows = new ArrayList<>();
    for (ScoreColumn column : columns) {
      List<String> row = new ArrayList<>();
      row.add(column.name());
      band.variants().forEach(v -> row.add(Formats.coefficient(band.get(column.name(), v))));
      row.add(band.range(column.name()).map(r -> String.format(Locale.ROOT, "%.3f..%.3f", r[0],
          r[1])).orElse(Formats.UNDEFINED));
      rows.add(row);
    }
    return "Weighted Kendall tau against each variant of the probe (the ground-truth band)\n"
        + grid(columns, header, rows);
  }

  /**
   * @param table the correlations
   * @return a table per metric, separated by blank lines
   */
  public static String allCorrelations(CorrelationTable table) {
    List<String> parts = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      parts.add(correlations(table, metric));
    }
    return String.join("\n", parts);
  }

  /**
   * @param bootstrap a bootstrap result
   * @param columns the columns of the table it came from (for the static-baseline heading)
   * @return the intervals (rows: columns, columns: groups) and, per group, the pairwise shares
   */
  public static String bootstrap(BootstrapResult bootstrap, List<ScoreColumn> columns) {
    StringBuilder out = new StringBuilder();
    out.append(Bootstrap.PERCENT).append("% bootstrap interval of weighted_tau (")
        .append(bootstrap.resamples()).append(" resamples of the models, seed ")
        .append(bootstrap.seed()).append(")\n");
    List<List<String>> rows = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (ScoreColumn column : columns) {
      List<String> row = new ArrayList<>();
      row.add(column.name());
      for (String group : bootstrap.groups()) {
        Interval interval = bootstrap.interval(group, column.name());
        row.add(Formats.interval(interval));
        interval.low().undefinedReason().ifPresent(r -> reasons.add(group + " / "
            + column.name() + ": " + r));
      }
      rows.add(row);
    }
    out.append(grid(columns, bootstrap.groups(), rows));
    for (String reason : reasons) {
      out.append(Formats.UNDEFINED).append(": ").append(reason).append('\n');
    }
    for (String group : bootstrap.groups()) {
      out.append('\n').append(group).append(": share of resamples in which the row's"
          + " weighted_tau is higher than the column's\n");
      List<String> header = columns.stream().map(ScoreColumn::name).toList();
      List<List<String>> shares = new ArrayList<>();
      for (ScoreColumn row : columns) {
        List<String> cells = new ArrayList<>();
        cells.add(row.name());
        for (ScoreColumn other : columns) {
          cells.add(row.equals(other) ? "-"
              : Formats.share(bootstrap.share(group, row.name(), other.name())));
        }
        shares.add(cells);
      }
      out.append(grid(columns, header, shares));
    }
    return out.toString();
  }

  /**
   * @param table a results table
   * @return per group, the models ranked by the first column, with every column's score and
   *     rank, and the ground truth when there is one
   */
  public static String ranking(ResultsTable table) {
    return ranking(table, model -> Optional.empty());
  }

  /**
   * @param table a results table
   * @param dimension each model's feature dimension, where known (a column {@code D} when any
   *     is)
   * @return per group, the models ranked by the first column, with every column's score and
   *     rank (each column with one number of decimals, enough to tell distinct values apart),
   *     and the ground truth when there is one
   */
  public static String ranking(ResultsTable table,
      Function<String, Optional<Integer>> dimension) {
    StringBuilder out = new StringBuilder();
    for (Group group : table.groups()) {
      if (table.groups().size() > 1 || !group.name().equals(ResultsTable.ALL)) {
        out.append(group.name()).append('\n');
      }
      List<String> header = new ArrayList<>();
      header.add("model");
      boolean withDimension = group.models().stream().anyMatch(m -> dimension.apply(m)
          .isPresent());
      if (withDimension) {
        header.add("D");
      }
      table.truthName().ifPresent(t -> header.add(t + (table.truthHigherIsBetter() ? ""
          : " (lower is better)")));
      double[] truths = new double[group.size()];
      for (int m = 0; m < group.size(); m++) {
        truths[m] = group.truth(m).orElse(Double.NaN);
      }
      DoubleFunction<String> truthFormat = Formats.column(truths);
      List<List<Ranking.Entry>> rankings = new ArrayList<>();
      List<DoubleFunction<String>> formats = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        ScoreColumn column = table.columns().get(c);
        header.add(column.name() + (column.higherIsBetter() ? "" : " (lower is better)")
            + (column.setDependent() ? " (set-dependent)" : "") + " (rank)");
        rankings.add(Ranking.of(table, group, c));
        double[] scores = new double[group.size()];
        for (int m = 0; m < group.size(); m++) {
          scores[m] = group.score(c, m).orElse(Double.NaN);
        }
        formats.add(Formats.column(scores));
      }
      List<String> order = new ArrayList<>();
      rankings.get(0).forEach(e -> order.add(e.model()));
      group.models().stream().filter(m -> !order.contains(m)).forEach(order::add);
      List<List<String>> rows = new ArrayList<>();
      for (String model : order) {
        int m = group.models().indexOf(model);
        List<String> row = new ArrayList<>();
        row.add(model);
        if (withDimension) {
          row.add(dimension.apply(model).map(String::valueOf).orElse("-"));
        }
        if (table.truthName().isPresent()) {
          row.add(group.truth(m).isPresent() ? truthFormat.apply(group.truth(m).getAsDouble())
              : "-");
        }
        for (int c = 0; c < rankings.size(); c++) {
          DoubleFunction<String> format = formats.get(c);
          row.add(rankings.get(c).stream().filter(e -> e.model().equals(model)).findFirst()
              .map(e -> format.apply(e.score()) + " (" + e.rank() + ")").orElse("-"));
        }
        rows.add(row);
      }
      out.append(plainGrid(header, rows)).append('\n');
    }
    return out.toString();
  }

  /**
   * Rows labelled by column, estimators first, then a heading and the static baselines.
   */
  static String grid(List<ScoreColumn> columns, List<String> header,
      List<List<String>> rows) {
    List<List<String>> estimators = new ArrayList<>();
    List<List<String>> statics = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      (columns.get(i).isStatic() ? statics : estimators).add(rows.get(i));
    }
    int[] widths = widths(header, rows, 1);
    StringBuilder out = new StringBuilder();
    out.append(line("", header, widths, 1));
    estimators.forEach(r -> out.append(line(r.get(0), r.subList(1, r.size()), widths, 1)));
    if (!statics.isEmpty()) {
      out.append("static baselines (no target data):\n");
      statics.forEach(r -> out.append(line(r.get(0), r.subList(1, r.size()), widths, 1)));
    }
    return out.toString();
  }

  private static String plainGrid(List<String> header, List<List<String>> rows) {
    int[] widths = widths(header, rows, 0);
    StringBuilder out = new StringBuilder();
    out.append(line(null, header, widths, 0));
    rows.forEach(r -> out.append(line(null, r, widths, 0)));
    return out.toString();
  }

  /** One width per printed column; a row's cell i (its label first, if any) is column i. */
  private static int[] widths(List<String> header, List<List<String>> rows, int offset) {
    int[] widths = new int[header.size() + offset];
    for (int i = 0; i < header.size(); i++) {
      widths[i + offset] = header.get(i).length();
    }
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    return widths;
  }

  private static String line(String label, List<String> cells, int[] widths, int offset) {
    StringBuilder out = new StringBuilder();
    if (offset == 1) {
      out.append(pad(label, widths[0], false));
    }
    for (int i = 0; i < cells.size(); i++) {
      if (out.length() > 0) {
        out.append("  ");
      }
      boolean left = offset == 0 && i == 0;
      out.append(pad(cells.get(i), widths[i + offset], !left));
    }
    return out.toString().stripTrailing() + "\n";
  }

  private static String pad(String text, int width, boolean right) {
    String space = " ".repeat(Math.max(0, width - text.length()));
    return right ? space + text : text + space;
  }
}
