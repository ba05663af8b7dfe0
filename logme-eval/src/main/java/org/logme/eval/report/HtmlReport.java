package org.logme.eval.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
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
 * {@code report.html}: one self-contained page (inline CSS and SVG; no script, font or other
 * resource is loaded) with
 * <ul>
 *   <li>the weighted Kendall τ of every column per group and the mean, static baselines marked
 *       and compared with the best estimator, bootstrap intervals when computed;</li>
 *   <li>the mean of every metric;</li>
 *   <li>per group, a scatter plot of each column's score against the ground truth with the
 *       model names, the group's correlation table and the ranking table, and the pairwise
 *       bootstrap shares when computed; a switch above the plots (two radio buttons and style
 *       rules, no script) shows them on the scale of the values, far outliers clipped to the
 *       edge, or of the ranks;</li>
 *   <li>notes, warnings, and the definitions of what the page shows.</li>
 * </ul>
 * Wide tables scroll sideways in their own box, and their headers never wrap.
 * The output depends only on the report: no dates, so identical input gives an identical file.
 *
 * @since 0.1
 */
public final class HtmlReport {
  private static final String STYLE = """
      body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 14px;
        color: #1f2937; max-width: 1180px; margin: 24px auto; padding: 0 16px; }
      h1 { font-size: 22px; margin-bottom: 4px; }
      h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #d1d5db;
        padding-bottom: 4px; }
      h3 { font-size: 15px; margin: 20px 0 8px; }
      .meta, .note { color: #4b5563; }
      .scroll { overflow-x: auto; margin: 8px 0; }
      table { border-collapse: collapse; }
      th, td { padding: 4px 8px; border-bottom: 1px solid #e5e7eb; text-align: right;
        vertical-align: top; }
      th { white-space: nowrap; }
      table.ranking { font-size: 13px; }
      table.ranking th, table.ranking td { padding: 4px 6px; white-space: nowrap; }
      table.ranking td:first-child, table.ranking th:first-child { position: sticky; left: 0;
        background: #ffffff; }
      th:first-child, td:first-child { text-align: left; }
      thead th { border-bottom: 2px solid #9ca3af; }
      tr.static td { background: #fff7ed; }
      .badge { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px;
        background: #fed7aa; color: #7c2d12; margin-left: 4px; }
      .badge.estimator { background: #dbeafe; color: #1e3a8a; }
      .best { font-weight: bold; }
      .ci { display: block; font-size: 11px; color: #6b7280; }
      .undefined { color: #9ca3af; }
      .callout { background: #fff7ed; border-left: 4px solid #ea580c; padding: 8px 12px; }
      .plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr));
        gap: 12px; }
      figure { margin: 0; }
      figcaption { font-size: 13px; margin-bottom: 2px; }
      svg.scatter { background: #ffffff; overflow: visible; }
      svg.scatter .area { fill: #f9fafb; stroke: #9ca3af; }
      svg.scatter .grid { stroke: #e5e7eb; }
      svg.scatter .tick { font-size: 11px; fill: #4b5563; }
      svg.scatter .axis-title { font-size: 12px; fill: #111827; }
      svg.scatter .point { fill: #2563eb; fill-opacity: 0.55; stroke: #1e40af;
        stroke-width: 1.2; }
      svg.scatter.static .point { fill: #ea580c; stroke: #9a3412; }
      svg.scatter .point.top { stroke: #111827; stroke-width: 2.2; }
      svg.scatter .point-label { font-size: 11px; fill: #111827; paint-order: stroke;
        stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
      svg.scatter .leader { stroke: #9ca3af; stroke-width: 0.8; }
      svg.scatter .point.clipped { fill: #ffffff; stroke-width: 1.6; stroke-dasharray: 2 1.5; }
      svg.scatter .point.top.clipped { stroke-width: 2.2; }
      svg.scatter .scale { font-size: 11px; fill: #6b7280; font-style: italic; }
      .scale-choice { position: absolute; opacity: 0; pointer-events: none; }
      .scale-switch label { display: inline-block; padding: 1px 10px; border: 1px solid #9ca3af;
        cursor: pointer; color: #1f2937; background: #ffffff; }
      .scale-switch label + label { border-left: none; }
      #scale-values:checked ~ section label[for=scale-values],
      #scale-ranks:checked ~ section label[for=scale-ranks] { background: #1f2937;
        color: #ffffff; }
      #scale-values:focus-visible ~ section label[for=scale-values],
      #scale-ranks:focus-visible ~ section label[for=scale-ranks] { outline: 2px solid #2563eb; }
      .plots.ranks, #scale-ranks:checked ~ section .plots.values { display: none; }
      #scale-ranks:checked ~ section .plots.ranks { display: grid; }
      td.top { font-weight: bold; }
      ul.warnings li { color: #92400e; }
      """;

  private HtmlReport() {
  }

  /**
   * @param report the report
   * @return the page
   */
  public static String render(Report report) {
    ResultsTable table = report.table();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(Html.escape(report.title())).append("</title>\n")
        .append("<style>\n").append(STYLE).append(AblationHtml.STYLE)
        .append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(Html.escape(report.title())).append("</h1>\n");
    html.append("<p class=\"meta\">").append(meta(report)).append("</p>\n");
    Optional<CorrelationTable> correlations = report.correlations();
    if (correlations.isPresent()) {
      summary(html, correlations.get(), report.bootstrap().orElse(null));
    } else {
      html.append("<p class=\"note\">No ground truth (for example fine-tuned accuracy), so the"
          + " models are only ranked. Add accuracies to compare the rankings with them.</p>\n");
    }
    report.truthBand().ifPresent(band -> truthBand(html, band, table));
    AblationHtml.section(html, report);
    if (correlations.isPresent()) {
      // the page-wide state of the scale switches; the labels in each group set it
      html.append("<input type=\"radio\" class=\"scale-choice\" name=\"scale\""
          + " id=\"scale-values\" checked aria-label=\"plots on the scale of the values\">\n"
          + "<input type=\"radio\" class=\"scale-choice\" name=\"scale\" id=\"scale-ranks\""
          + " aria-label=\"plots on the scale of the ranks\">\n");
    }
    for (int g = 0; g < table.groups().size(); g++) {
      group(html, report, g);
    }
    notes(html, report);
    definitions(html, report);
    return html.append("</body>\n</html>\n").toString();
  }

  /** Defines what the page shows, and only that: no metric definitions without metrics. */
  private static void definitions(StringBuilder html, Report report) {
    List<String> sentences = new ArrayList<>();
    if (report.correlations().isPresent()) {
      sentences.add("Weighted Kendall τ (τ<sub>w</sub>) is <code>scipy.stats.weightedtau</code>"
          + " with its defaults: hyperbolic weights 1/(r+1) on the rank, additive, averaged"
          + " over the rankings by each variable. Kendall τ-b, Spearman ρ (average ranks) and"
          + " Pearson r are the usual coefficients. Top-1 relative accuracy is the ground truth"
          + " of the top-scored model divided by the best ground truth; regret is their"
          + " difference.");
      sentences.add("Plots on the scale of the values draw a point beyond "
          + Formats.value(Axis.FAR_OUT) + " interquartile ranges from the quartiles hollow at"
          + " the edge, labelled with an arrow towards its value and the value, when such"
          + " points are one or at most a tenth of the plot's and would squeeze the others"
          + " into less than a quarter of the axis. Plots on the scale of"
          + " the ranks show each model's rank by the column against its rank by the ground"
          + " truth (1 = best, ties sharing their average rank), which is all that Kendall τ"
          + " compares.");
    }
    if (report.table().columns().stream().anyMatch(ScoreColumn::isStatic)) {
      sentences.add("Static baselines use no target data.");
    }
    if (report.table().columns().stream().anyMatch(ScoreColumn::setDependent)) {
      sentences.add("A set-dependent estimator normalises its scores over the models of the"
          + " table, so a model's score changes when other candidates are added or removed.");
    }
    if (!report.ablations().leaveOut().isEmpty()) {
      sentences.add("Leave-k-out removes each set of k models (or a seeded sample of the"
          + " sets) from every group at once and recomputes the mean τ<sub>w</sub> over the"
          + " groups with the rules above.");
    }
    if (report.ablations().largest().isPresent()) {
      sentences.add("Removing the largest models orders the models by a size column and"
          + " removes the m largest from every group, m = 0, 1, 2, ..., until three models"
          + " remain (Singh et al., 2025, arXiv 2510.06448).");
    }
    if (report.bootstrap().isPresent()) {
      sentences.add("Bootstrap intervals are " + Bootstrap.PERCENT + "% percentile intervals"
          + " from resampling the models of a group with replacement.");
    }
    if (!sentences.isEmpty()) {
      html.append("<h2>Definitions</h2>\n<p class=\"note definitions\">")
          .append(String.join(" ", sentences)).append("</p>\n");
    }
  }

  private static String meta(Report report) {
    ResultsTable table = report.table();
    int models = table.groups().stream().mapToInt(Group::size).sum();
    long statics = table.columns().stream().filter(ScoreColumn::isStatic).count();
    StringBuilder meta = new StringBuilder();
    meta.append(table.groups().size()).append(table.groups().size() == 1 ? " group, " : " groups, ")
        .append(models).append(" rows, ").append(table.columns().size() - statics)
        .append(" estimator").append(table.columns().size() - statics == 1 ? "" : "s");
    if (statics > 0) {
      meta.append(" and ").append(statics).append(" static baseline")
          .append(statics == 1 ? "" : "s");
    }
    table.truthName().ifPresent(t -> meta.append("; ground truth: ").append(t));
    meta.append("; source: ").append(table.origin());
    report.bootstrap().ifPresent(b -> meta.append("; bootstrap: ").append(b.resamples())
        .append(" resamples, seed ").append(b.seed()));
    return Html.escape(meta.toString());
  }

  private static void summary(StringBuilder html, CorrelationTable table,
      BootstrapResult bootstrap) {
    html.append("<h2>Weighted Kendall τ by group</h2>\n<div class=\"scroll\">"
        + "<table class=\"summary\">\n<thead><tr>")
        .append("<th>column</th>");
    for (String group : table.groups()) {
      html.append("<th>").append(Html.escape(group)).append("</th>");
    }
    html.append("<th>mean</th></tr></thead>\n<tbody>\n");
    for (ScoreColumn column : ordered(table.columns())) {
      html.append(column.isStatic() ? "<tr class=\"static\">" : "<tr>").append("<td>")
          .append(Html.escape(column.name())).append(badge(column)).append("</td>");
      for (String group : table.groups()) {
        Statistic s = table.get(group, column.name(), Metric.WEIGHTED_TAU);
        boolean best = s.defined() && s.value() >= best(table, group, c -> true);
        html.append("<td").append(best ? " class=\"best\"" : "").append(">")
            .append(cell(s));
        if (bootstrap != null) {
          html.append("<span class=\"ci\">").append(interval(bootstrap.interval(group,
              column.name()))).append("</span>");
        }
        html.append("</td>");
      }
      Statistic mean = table.mean(column.name(), Metric.WEIGHTED_TAU);
      boolean best = mean.defined() && table.columns().stream().map(c -> table.mean(c.name(),
          Metric.WEIGHTED_TAU)).filter(Statistic::defined)
          .allMatch(m -> m.value() <= mean.value());
      html.append("<td").append(best ? " class=\"best\"" : "").append(">").append(cell(mean))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
    if (bootstrap != null) {
      html.append("<p class=\"note\">Below each value: its ").append(Bootstrap.PERCENT)
          .append("% bootstrap interval. Bold: the highest in the column.</p>\n");
    }
    staticComparison(html, table);
    html.append("<h2>Every metric, mean over groups</h2>\n<div class=\"scroll\"><table>\n"
        + "<thead><tr>")
        .append("<th>column</th>");
    for (Metric metric : Metric.values()) {
      html.append("<th>").append(Html.escape(metric.key())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ScoreColumn column : ordered(table.columns())) {
      html.append(column.isStatic() ? "<tr class=\"static\">" : "<tr>").append("<td>")
          .append(Html.escape(column.name())).append(badge(column)).append("</td>");
      for (Metric metric : Metric.values()) {
        html.append("<td>").append(cell(table.mean(column.name(), metric))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n<p class=\"note\">Regret is in the unit of the ground"
        + " truth; lower is better. Every other metric: higher is better.</p>\n");
  }

  private static void truthBand(StringBuilder html, TruthBand band, ResultsTable table) {
    html.append("<h2>Ground-truth sensitivity</h2>\n<p class=\"note\">The probe that makes"
        + " the ground truth has its own regularisation, and it can reorder the models. Each"
        + " column's τ<sub>w</sub> (mean over groups) against the probe at every C and with C"
        + " chosen by inner cross-validation (cv); the band is the lowest to the highest. A"
        + " difference between estimators smaller than the band is not evidence that one is"
        + " better.</p>\n<div class=\"scroll\"><table class=\"summary\">\n<thead><tr>"
        + "<th>column</th>");
    band.variants().forEach(v -> html.append("<th>").append(Html.escape(v)).append("</th>"));
    html.append("<th>band</th></tr></thead>\n<tbody>\n");
    for (ScoreColumn column : ordered(table.columns())) {
      html.append(column.isStatic() ? "<tr class=\"static\">" : "<tr>").append("<td>")
          .append(Html.escape(column.name())).append(badge(column)).append("</td>");
      for (String variant : band.variants()) {
        html.append("<td>").append(cell(band.get(column.name(), variant))).append("</td>");
      }
      html.append("<td>").append(band.range(column.name()).map(r -> String.format(
          java.util.Locale.ROOT, "%.3f – %.3f", r[0], r[1])).orElse(Formats.UNDEFINED))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  /** Says in how many groups the best static baseline matches or beats every estimator. */
  private static void staticComparison(StringBuilder html, CorrelationTable table) {
    List<ScoreColumn> statics = table.columns().stream().filter(ScoreColumn::isStatic).toList();
    boolean anyEstimator = table.columns().stream().anyMatch(c -> !c.isStatic());
    if (statics.isEmpty() || !anyEstimator) {
      html.append("<p class=\"note\">No static baselines. Rankings by facts that need no target"
          + " data (ImageNet accuracy, parameter count) are hard to beat; add them as extra"
          + " columns to compare.</p>\n");
      return;
    }
    List<String> lost = new ArrayList<>();
    for (String group : table.groups()) {
      double estimator = best(table, group, c -> !c.isStatic());
      double baseline = best(table, group, ScoreColumn::isStatic);
      if (!Double.isNaN(estimator) && !Double.isNaN(baseline) && baseline >= estimator) {
        lost.add(group + " (" + String.format(Locale.ROOT, "%.4f", baseline) + " vs "
            + String.format(Locale.ROOT, "%.4f", estimator) + ")");
      }
    }
    html.append("<p class=\"callout\"><b>Static baselines</b> (no target data: ")
        .append(Html.escape(String.join(", ", statics.stream().map(ScoreColumn::name)
            .toList()))).append("). In ").append(lost.size()).append(" of ")
        .append(table.groups().size()).append(" groups a static baseline ranks the models at"
            + " least as well as the best estimator (τ<sub>w</sub>, best static vs best"
            + " estimator)");
    html.append(lost.isEmpty() ? "." : ": " + Html.escape(String.join(", ", lost)) + ".")
        .append("</p>\n");
  }

  /** The highest defined τ_w in a group among the columns accepted, NaN if none. */
  private static double best(CorrelationTable table, String group,
      Predicate<ScoreColumn> accepted) {
    double best = Double.NaN;
    for (ScoreColumn column : table.columns()) {
      if (accepted.test(column)) {
        Statistic s = table.get(group, column.name(), Metric.WEIGHTED_TAU);
        if (s.defined() && !(s.value() <= best)) {
          best = s.value();
        }
      }
    }
    return best;
  }

  private static void group(StringBuilder html, Report report, int g) {
    ResultsTable table = report.table();
    Group group = table.groups().get(g);
    BootstrapResult bootstrap = report.bootstrap().orElse(null);
    html.append("<section class=\"group\" id=\"group-").append(g).append("\">\n<h2>")
        .append(Html.escape(group.name())).append("</h2>\n");
    Optional<CorrelationTable> correlations = report.correlations();
    if (correlations.isPresent()) {
      String truth = table.truthName().orElseThrow();
      html.append("<p class=\"note\">One plot per column: its score across, the ")
          .append(Html.escape(truth)).append(" up, one point per model with both; ringed: the"
              + " plotted model the column ranks first. Estimators in blue, static baselines in"
              + " orange.</p>\n")
          .append("<p class=\"scale-switch\">Scale: <label for=\"scale-values\">values</label>"
              + "<label for=\"scale-ranks\">ranks</label></p>\n");
      for (ScatterPlot.Scale scale : ScatterPlot.Scale.values()) {
        html.append("<div class=\"plots ").append(scale.key()).append("\">\n");
        for (int c : columnOrder(table)) {
          ScoreColumn column = table.columns().get(c);
          plot(html, table, group, g, c, scale,
              correlations.get().get(group.name(), column.name(), Metric.WEIGHTED_TAU),
              bootstrap == null ? null : bootstrap.interval(group.name(), column.name()));
        }
        html.append("</div>\n");
      }
      groupCorrelations(html, correlations.get(), group.name(), bootstrap);
    }
    ranking(html, table, group);
    if (bootstrap != null) {
      pairwise(html, table, bootstrap, group.name());
    }
    html.append("</section>\n");
  }

  private static void plot(StringBuilder html, ResultsTable table, Group group, int g, int c,
      ScatterPlot.Scale scale, Statistic tau, Interval interval) {
    ScoreColumn column = table.columns().get(c);
    List<String> models = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    for (int m = 0; m < group.size(); m++) {
      if (group.truth(m).isPresent() && group.score(c, m).isPresent()) {
        models.add(group.models().get(m));
        points.add(new double[] {group.score(c, m).getAsDouble(), group.truth(m).getAsDouble()});
      }
    }
    html.append("<figure>\n<figcaption><b>").append(Html.escape(column.name())).append("</b>")
        .append(badge(column)).append(" τ<sub>w</sub> = ").append(cell(tau));
    if (interval != null && interval.defined()) {
      html.append(" ").append(interval(interval));
    }
    html.append("</figcaption>\n");
    if (points.isEmpty()) {
      html.append("<p class=\"note\">No model has both a score and a ground truth.</p>\n");
    } else {
      ScatterPlot.Series series = new ScatterPlot.Series(column.name(),
          table.truthName().orElseThrow(), models,
          points.stream().mapToDouble(p -> p[0]).toArray(),
          points.stream().mapToDouble(p -> p[1]).toArray(), column.higherIsBetter(),
          table.truthHigherIsBetter());
      ScatterPlot.Drawn drawn = ScatterPlot.draw("plot-" + scale.key() + "-" + g + "-" + c,
          column.isStatic(), series, scale);
      html.append(drawn.svg()).append('\n').append(ScatterPlot.overlapNote(drawn.overlaps()));
    }
    html.append("</figure>\n");
  }

  private static void groupCorrelations(StringBuilder html, CorrelationTable table,
      String group, BootstrapResult bootstrap) {
    html.append("<h3>Correlation with the ground truth</h3>\n<div class=\"scroll\"><table>\n"
        + "<thead><tr>")
        .append("<th>column</th>");
    for (Metric metric : Metric.values()) {
      html.append("<th>").append(Html.escape(metric.key())).append("</th>");
    }
    if (bootstrap != null) {
      html.append("<th>weighted_tau ").append(Bootstrap.PERCENT).append("% interval</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ScoreColumn column : ordered(table.columns())) {
      html.append(column.isStatic() ? "<tr class=\"static\">" : "<tr>").append("<td>")
          .append(Html.escape(column.name())).append(badge(column)).append("</td>");
      for (Metric metric : Metric.values()) {
        html.append("<td>").append(cell(table.get(group, column.name(), metric)))
            .append("</td>");
      }
      if (bootstrap != null) {
        html.append("<td>").append(interval(bootstrap.interval(group, column.name())))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  private static void ranking(StringBuilder html, ResultsTable table, Group group) {
    List<Integer> order = new ArrayList<>();
    for (int m = 0; m < group.size(); m++) {
      order.add(m);
    }
    boolean byTruth = table.truthName().isPresent();
    if (byTruth) {
      // best first in the truth's own direction; models without a truth last
      double sign = table.truthHigherIsBetter() ? -1 : 1;
      order.sort(Comparator.<Integer>comparingDouble(m -> group.truth(m).isPresent()
          ? sign * group.truth(m).getAsDouble() : Double.POSITIVE_INFINITY)
          .thenComparing(m -> group.models().get(m)));
    } else {
      List<Ranking.Entry> first = Ranking.of(table, group, 0);
      order.sort(Comparator.comparingInt(m -> first.stream()
          .filter(e -> e.model().equals(group.models().get(m))).findFirst()
          .map(Ranking.Entry::rank).orElse(Integer.MAX_VALUE)));
    }
    html.append("<h3>Ranking</h3>\n<p class=\"note\">")
        .append(byTruth ? "Models by " + Html.escape(table.truthName().get())
            + (table.truthHigherIsBetter() ? "" : " (lower is better)")
            + ", best first; each column: the score and (rank). Bold: the column's top-ranked"
            + " model." : "Models by " + Html.escape(table.columns().get(0).name())
            + "; each column: the score and (rank).")
        .append("</p>\n<div class=\"scroll\"><table class=\"ranking\">\n<thead><tr>"
            + "<th>model</th>");
    table.truthName().ifPresent(t -> html.append("<th>").append(Html.escape(t)).append("</th>"));
    List<List<Ranking.Entry>> rankings = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      ScoreColumn column = table.columns().get(c);
      html.append("<th>").append(Html.escape(column.name())).append(badge(column))
          .append("</th>");
      rankings.add(Ranking.of(table, group, c));
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (int m : order) {
      String model = group.models().get(m);
      html.append("<tr><td>").append(Html.escape(model)).append("</td>");
      if (byTruth) {
        html.append("<td>").append(group.truth(m).isPresent()
            ? Formats.value(group.truth(m).getAsDouble()) : "–").append("</td>");
      }
      for (List<Ranking.Entry> ranking : rankings) {
        Optional<Ranking.Entry> entry = ranking.stream().filter(e -> e.model().equals(model))
            .findFirst();
        html.append(entry.isPresent() && entry.get().rank() == 1 ? "<td class=\"top\">" : "<td>")
            .append(entry.map(e -> Formats.value(e.score()) + " (" + e.rank() + ")")
                .orElse("<span class=\"undefined\">–</span>")).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  private static void pairwise(StringBuilder html, ResultsTable table,
      BootstrapResult bootstrap, String group) {
    html.append("<h3>Which column ranks better?</h3>\n<p class=\"note\">Share of the ")
        .append(bootstrap.resamples()).append(" bootstrap resamples in which the row's"
            + " τ<sub>w</sub> is higher than the column's.</p>\n<div class=\"scroll\"><table>\n"
            + "<thead><tr><th></th>");
    List<ScoreColumn> columns = ordered(table.columns());
    for (ScoreColumn column : columns) {
      html.append("<th>").append(Html.escape(column.name())).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ScoreColumn row : columns) {
      html.append(row.isStatic() ? "<tr class=\"static\">" : "<tr>").append("<td>")
          .append(Html.escape(row.name())).append(badge(row)).append("</td>");
      for (ScoreColumn column : columns) {
        html.append("<td>").append(row.equals(column) ? "–"
            : Formats.share(bootstrap.share(group, row.name(), column.name()))).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  private static void notes(StringBuilder html, Report report) {
    List<String> notes = new ArrayList<>();
    report.correlations().ifPresent(t -> {
      notes.addAll(t.notes());
      t.undefinedValues().forEach(u -> notes.add(Formats.UNDEFINED + ": " + u));
    });
    if (!notes.isEmpty()) {
      html.append("<h2>Notes</h2>\n<ul>\n");
      notes.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    if (!report.warnings().isEmpty()) {
      html.append("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
      report.warnings().forEach(w -> html.append("<li>").append(Html.escape(w))
          .append("</li>\n"));
      html.append("</ul>\n");
    }
  }

  /** Estimators first, then static baselines, each in table order. */
  /** Estimators first, then static baselines, each in table order. */
  static List<ScoreColumn> ordered(List<ScoreColumn> columns) {
    List<ScoreColumn> out = new ArrayList<>(columns.stream().filter(c -> !c.isStatic()).toList());
    out.addAll(columns.stream().filter(ScoreColumn::isStatic).toList());
    return out;
  }

  private static List<Integer> columnOrder(ResultsTable table) {
    List<ScoreColumn> ordered = ordered(table.columns());
    return ordered.stream().map(c -> table.columns().indexOf(c)).toList();
  }

  private static String badge(ScoreColumn column) {
    return column.isStatic() ? "<span class=\"badge\">static</span>"
        : column.setDependent() ? "<span class=\"badge\" title=\"scores normalised over the"
        + " models of the table\">set-dependent</span>" : "";
  }

  private static String cell(Statistic s) {
    return s.defined() ? Formats.coefficient(s)
        : "<span class=\"undefined\" title=\"" + Html.escape(s.reason()) + "\">"
        + Formats.UNDEFINED + "</span>";
  }

  private static String interval(Interval interval) {
    return interval.defined() ? Formats.interval(interval)
        : "<span class=\"undefined\" title=\"" + Html.escape(interval.low().reason()) + "\">"
        + Formats.UNDEFINED + "</span>";
  }
}
