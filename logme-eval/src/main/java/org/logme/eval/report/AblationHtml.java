package org.logme.eval.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.logme.eval.ablation.Distribution;
import org.logme.eval.ablation.LeaveOutResult;
import org.logme.eval.ablation.RemoveLargestResult;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.BootstrapResult;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.WinRate;

/**
 * The report's section on how much the comparison depends on which models are in the table:
 * leave-k-out distributions as box plots, the remove-the-largest curves as a line chart, and
 * the pairwise win rates across groups as intervals around one half. Inline SVG, no script.
 */
final class AblationHtml {
  static final String STYLE = """
      svg.ablation { background: #ffffff; overflow: visible; }
      svg.ablation .grid { stroke: #e5e7eb; }
      svg.ablation .tick { font-size: 11px; fill: #4b5563; }
      svg.ablation .label { font-size: 12px; fill: #111827; }
      svg.ablation .static-label { fill: #9a3412; }
      svg.ablation .whisker { stroke: #1e40af; stroke-width: 1.2; }
      svg.ablation .box { fill: #bfdbfe; stroke: #1e40af; }
      svg.ablation .static .box { fill: #fed7aa; stroke: #9a3412; }
      svg.ablation .static .whisker { stroke: #9a3412; }
      svg.ablation .median { stroke: #111827; stroke-width: 2; }
      svg.ablation .observed { fill: #111827; }
      svg.ablation .curve { fill: none; stroke-width: 1.8; }
      svg.ablation .curve.static { stroke-dasharray: 5 3; }
      svg.ablation .half { stroke: #6b7280; stroke-dasharray: 3 3; }
      """;
  private static final String[] PALETTE = {"#2563eb", "#dc2626", "#059669", "#7c3aed",
      "#d97706", "#0891b2", "#be185d", "#4d7c0f", "#1f2937", "#9333ea", "#0f766e", "#b45309"};
  private static final int WIDTH = 640;
  private static final int LEFT = 170;
  private static final int RIGHT = 20;
  private static final int ROW = 22;

  private AblationHtml() {
  }

  /** Whether the report has anything for this section. */
  static boolean shows(Report report) {
    return !report.ablations().isEmpty() || winRates(report) != null;
  }

  static void section(StringBuilder html, Report report) {
    if (!shows(report)) {
      return;
    }
    html.append("<section class=\"ablations\">\n<h2>How much the comparison depends on the"
        + " models in it</h2>\n");
    for (LeaveOutResult result : report.ablations().leaveOut()) {
      leaveOut(html, result);
    }
    report.ablations().largest().ifPresent(curve -> removeLargest(html, curve));
    BootstrapResult bootstrap = winRates(report);
    if (bootstrap != null) {
      winRates(html, bootstrap, HtmlReport.ordered(report.table().columns()));
    }
    html.append("</section>\n");
  }

  /** The bootstrap if it has win rates over more than one group, else null. */
  private static BootstrapResult winRates(Report report) {
    BootstrapResult b = report.bootstrap().orElse(null);
    List<ScoreColumn> columns = report.table().columns();
    return b != null && columns.size() > 1 && b.groups().size() > 1
        && b.winRate(columns.get(0).name(), columns.get(1).name()).isPresent() ? b : null;
  }

  private static void leaveOut(StringBuilder html, LeaveOutResult result) {
    List<ScoreColumn> columns = HtmlReport.ordered(result.columns());
    html.append("<h3>Leave ").append(result.k()).append(" model").append(result.k() == 1 ? ""
        : "s").append(" out</h3>\n<p class=\"note\">Mean τ<sub>w</sub> over the groups with ")
        .append(result.exhaustive() ? "each of the " + result.removed().size()
            : result.removed().size() + " of the " + result.possibleSubsets())
        .append(" sets of ").append(result.k()).append(" model").append(result.k() == 1 ? ""
            : "s").append(" removed").append(result.exhaustive() ? "" : " (drawn with seed "
            + result.seed() + ")").append(": whiskers from the lowest to the highest, the box"
            + " from the first to the third quartile, a line at the median, and a dot at the"
            + " value with every model.</p>\n");
    List<Double> all = new ArrayList<>();
    for (ScoreColumn c : columns) {
      Arrays.stream(result.values(c.name())).filter(v -> !Double.isNaN(v)).forEach(all::add);
      double observed = result.observed(c.name());
      if (!Double.isNaN(observed)) {
        all.add(observed);
      }
    }
    if (all.isEmpty()) {
      html.append("<p class=\"note\">Undefined in every subset.</p>\n");
      return;
    }
    Axis axis = Axis.covering(all.stream().mapToDouble(Double::doubleValue).toArray());
    int height = columns.size() * ROW + 40;
    StringBuilder svg = open(height, "leave " + result.k() + " out");
    ticks(svg, axis, 10, columns.size() * ROW + 10);
    for (int i = 0; i < columns.size(); i++) {
      ScoreColumn c = columns.get(i);
      double y = 10 + i * ROW + ROW / 2.0;
      label(svg, c, y);
      Distribution d = result.distribution(c.name());
      svg.append("<g").append(c.isStatic() ? " class=\"static\"" : "").append(">");
      if (d.defined()) {
        svg.append(line(x(axis, d.min()), y, x(axis, d.max()), y, "whisker"));
        double q1 = x(axis, d.quantile(0.25));
        double q3 = x(axis, d.quantile(0.75));
        svg.append(String.format(Locale.ROOT, "<rect class=\"box\" x=\"%.1f\" y=\"%.1f\""
            + " width=\"%.1f\" height=\"10\"/>", q1, y - 5, Math.max(q3 - q1, 0.5)));
        svg.append(line(x(axis, d.median()), y - 6, x(axis, d.median()), y + 6, "median"));
      }
      double observed = result.observed(c.name());
      if (!Double.isNaN(observed)) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"observed\" cx=\"%.1f\""
            + " cy=\"%.1f\" r=\"3\"><title>%s</title></circle>", x(axis, observed), y,
            Html.escape(c.name() + " with every model: " + Formats.value(observed))));
      }
      svg.append("</g>\n");
    }
    html.append(svg).append("</svg>\n");
  }

  private static void removeLargest(StringBuilder html, RemoveLargestResult curve) {
    List<ScoreColumn> columns = HtmlReport.ordered(curve.columns());
    html.append("<h3>Removing the largest models</h3>\n<p class=\"note\">Mean τ<sub>w</sub>"
        + " over the groups with the m largest models by ").append(Html.escape(
            curve.sizeColumn())).append(" removed (Singh et al., 2025). Removed in this order: ")
        .append(Html.escape(String.join(", ", curve.order().subList(0, curve.maxRemoved()))))
        .append(". Dashed: static baselines.</p>\n");
    double[] all = columns.stream().flatMapToDouble(c -> Arrays.stream(curve.curve(c.name())))
        .filter(v -> !Double.isNaN(v)).toArray();
    if (all.length == 0) {
      html.append("<p class=\"note\">Undefined at every m.</p>\n");
      return;
    }
    Axis y = Axis.covering(all);
    int plotHeight = 220;
    int top = 10;
    int m = curve.maxRemoved();
    StringBuilder svg = open(plotHeight + 50, "remove the largest");
    for (double tick : y.ticks()) {
      double py = top + (1 - y.fraction(tick)) * plotHeight;
      svg.append(line(LEFT, py, WIDTH - RIGHT - 110, py, "grid"));
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\""
          + " text-anchor=\"end\">%s</text>", LEFT - 4, py + 4, y.label(tick)));
    }
    double span = WIDTH - RIGHT - 110 - LEFT;
    for (int k = 0; k <= m; k++) {
      double px = LEFT + (m == 0 ? 0 : span * k / m);
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\""
          + " text-anchor=\"middle\">%d</text>", px, top + plotHeight + 16, k));
    }
    svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\""
        + " text-anchor=\"middle\">m, models removed</text>", LEFT + span / 2,
        top + plotHeight + 34));
    svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\""
        + " text-anchor=\"middle\" transform=\"rotate(-90 %d %.1f)\">mean τ_w</text>",
        LEFT - 44, top + plotHeight / 2.0, LEFT - 44, top + plotHeight / 2.0));
    List<double[]> ends = new ArrayList<>(); // {y, column index}
    for (int i = 0; i < columns.size(); i++) {
      double[] values = curve.curve(columns.get(i).name());
      StringBuilder points = new StringBuilder();
      double lastY = Double.NaN;
      for (int k = 0; k <= m; k++) {
        if (!Double.isNaN(values[k])) {
          double px = LEFT + (m == 0 ? 0 : span * k / m);
          lastY = top + (1 - y.fraction(values[k])) * plotHeight;
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, lastY));
        }
      }
      svg.append(String.format(Locale.ROOT, "<polyline class=\"curve%s\" stroke=\"%s\""
          + " points=\"%s\"><title>%s</title></polyline>\n",
          columns.get(i).isStatic() ? " static" : "", colour(i), points.toString().trim(),
          Html.escape(columns.get(i).name())));
      if (!Double.isNaN(lastY)) {
        ends.add(new double[] {lastY, i});
      }
    }
    // labels at the right end, pushed apart so that they do not overlap
    ends.sort((a, b) -> Double.compare(a[0], b[0]));
    double previous = Double.NEGATIVE_INFINITY;
    for (double[] end : ends) {
      double ly = Math.max(end[0], previous + 13);
      previous = ly;
      svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\""
          + " fill=\"%s\">%s</text>", LEFT + span + 6, ly + 4, colour((int) end[1]),
          Html.escape(columns.get((int) end[1]).name())));
    }
    html.append(svg).append("</svg>\n");
  }

  private static void winRates(StringBuilder html, BootstrapResult bootstrap,
      List<ScoreColumn> columns) {
    html.append("<h3>Win rates</h3>\n<p class=\"note\">For each pair: the share of the ")
        .append(bootstrap.groups().size()).append(" groups in which the first has the higher"
            + " τ<sub>w</sub> (a tie counts half), with its ").append(Bootstrap.PERCENT)
        .append("% interval over the ").append(bootstrap.resamples()).append(" bootstrap"
            + " resamples of the models. An interval that contains one half (dashed) does not"
            + " tell the two apart.</p>\n");
    List<String[]> pairs = new ArrayList<>();
    for (int a = 0; a < columns.size(); a++) {
      for (int b = a + 1; b < columns.size(); b++) {
        pairs.add(new String[] {columns.get(a).name(), columns.get(b).name()});
      }
    }
    Axis axis = Axis.covering(DoubleStream.of(0, 1).toArray());
    StringBuilder svg = open(pairs.size() * ROW + 40, "win rates");
    ticks(svg, axis, 10, pairs.size() * ROW + 10);
    svg.append(line(x(axis, 0.5), 10, x(axis, 0.5), pairs.size() * ROW + 10, "half"));
    for (int i = 0; i < pairs.size(); i++) {
      double y = 10 + i * ROW + ROW / 2.0;
      svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%.1f\""
          + " text-anchor=\"end\">%s</text>", LEFT - 8, y + 4, Html.escape(pairs.get(i)[0]
          + " vs " + pairs.get(i)[1])));
      WinRate rate = bootstrap.winRate(pairs.get(i)[0], pairs.get(i)[1]).orElseThrow();
      if (rate.interval().defined()) {
        svg.append(line(x(axis, rate.interval().low().value()), y,
            x(axis, rate.interval().high().value()), y, "whisker"));
      }
      if (rate.observed().defined()) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"observed\" cx=\"%.1f\""
            + " cy=\"%.1f\" r=\"3.5\"><title>%s</title></circle>",
            x(axis, rate.observed().value()), y, Html.escape(pairs.get(i)[0] + " wins "
            + Formats.share(rate.observed().value()) + " of " + rate.groups() + " groups "
            + Formats.interval(rate.interval()))));
      }
      svg.append('\n');
    }
    html.append(svg).append("</svg>\n");
  }

  private static StringBuilder open(int height, String title) {
    return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"ablation\""
        + " xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
        + " %d\" role=\"img\" aria-label=\"%s\">\n", WIDTH, height, WIDTH, height,
        Html.escape(title)));
  }

  /** Vertical grid lines and tick labels below. */
  private static void ticks(StringBuilder svg, Axis axis, int top, int bottom) {
    for (double tick : axis.ticks()) {
      double px = x(axis, tick);
      svg.append(line(px, top, px, bottom, "grid"));
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\""
          + " text-anchor=\"middle\">%s</text>", px, bottom + 16, axis.label(tick)));
    }
  }

  private static void label(StringBuilder svg, ScoreColumn column, double y) {
    svg.append(String.format(Locale.ROOT, "<text class=\"label%s\" x=\"%d\" y=\"%.1f\""
        + " text-anchor=\"end\">%s</text>", column.isStatic() ? " static-label" : "", LEFT - 8,
        y + 4, Html.escape(column.name())));
  }

  private static double x(Axis axis, double value) {
    return LEFT + axis.fraction(value) * (WIDTH - LEFT - RIGHT);
  }

  private static String line(double x1, double y1, double x2, double y2, String cssClass) {
    return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
        + " y2=\"%.1f\"/>", cssClass, x1, y1, x2, y2);
  }

  private static String colour(int i) {
    return PALETTE[i % PALETTE.length];
  }
}
