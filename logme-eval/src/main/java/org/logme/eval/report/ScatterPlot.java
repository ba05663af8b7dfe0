package org.logme.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.logme.numerics.stats.Ranks;

/**
 * An inline SVG scatter plot of one column's scores (x) against the ground truth (y), every
 * point labelled with its model name by {@link LabelLayout}. The top-scored model is ringed.
 * Classes, not inline styles, carry the look (see {@link HtmlReport}'s style sheet); the
 * {@code data-points} attribute holds the number of points drawn and {@code data-scale} the
 * {@link Scale}, which the plot also names in its top right corner.
 */
final class ScatterPlot {
  static final int WIDTH = 360;
  static final int HEIGHT = 290;
  static final double LEFT = 58;
  static final double RIGHT = WIDTH - 10;
  static final double TOP = 22;
  static final double BOTTOM = HEIGHT - 44;
  static final double RADIUS = 4.5;
  private static final double FONT = 11;
  /** How far inside the plot area a clipped point's centre is drawn. */
  private static final double INSET = RADIUS + 2;
  /** The overlap note names at most this many groups of overlapping points... */
  static final int MAX_GROUPS = 3;
  /** ... and at most this many points of a group. */
  static final int MAX_NAMES = 6;

  /** What the axes show. */
  enum Scale {
    /**
     * The scores and the ground truth themselves, far outliers clipped to the edge
     * ({@link Axis#robust}).
     */
    VALUES("values"),
    /** Their ranks among the plotted models, 1 the best, ties sharing their average rank. */
    RANKS("ranks");

    private final String key;

    Scale(String key) {
      this.key = key;
    }

    /** The name in {@code data-scale} and in the page's switch. */
    String key() {
      return key;
    }
  }

  /**
   * What to plot.
   *
   * @param xName the column
   * @param yName the ground truth
   * @param models the point labels
   * @param x the scores
   * @param y the ground truth
   * @param xHigherIsBetter the column's direction
   * @param yHigherIsBetter the ground truth's direction
   */
  record Series(String xName, String yName, List<String> models, double[] x, double[] y,
      boolean xHigherIsBetter, boolean yHigherIsBetter) {
    /** The index of the top-scored model (the first of a tie). */
    int top() {
      int top = 0;
      for (int i = 1; i < x.length; i++) {
        if (xHigherIsBetter ? x[i] > x[top] : x[i] < x[top]) {
          top = i;
        }
      }
      return top;
    }
  }

  /**
   * A drawn plot.
   *
   * @param svg the {@code <svg>} element
   * @param overlaps the groups of models whose points overlap and that the labels do not tell
   *     apart, each in table order, groups in the order of their first model
   * @param px the points' x in pixels
   * @param py the points' y in pixels
   * @param boxes the label boxes
   */
  record Drawn(String svg, List<List<String>> overlaps, double[] px, double[] py,
      LabelLayout.Box[] boxes) {
  }

  private ScatterPlot() {
  }

  /**
   * @param id a unique id for the plot
   * @param staticBaseline whether the column is a static baseline (drawn in another colour)
   * @param series the points
   * @param scale what the axes show
   * @return the plot
   */
  static Drawn draw(String id, boolean staticBaseline, Series series, Scale scale) {
    int n = series.models().size();
    boolean ranks = scale == Scale.RANKS;
    double[] x = ranks ? bestFirst(series.x(), series.xHigherIsBetter()) : series.x();
    double[] y = ranks ? bestFirst(series.y(), series.yHigherIsBetter()) : series.y();
    Axis xAxis = ranks ? Axis.ranks(n) : Axis.robust(x);
    Axis yAxis = ranks ? Axis.ranks(n) : Axis.robust(y);
    double[] px = new double[n];
    double[] py = new double[n];
    List<String> labels = new ArrayList<>();
    int clipped = 0;
    for (int i = 0; i < n; i++) {
      int sx = xAxis.side(x[i]);
      int sy = yAxis.side(y[i]);
      px[i] = sx < 0 ? LEFT + INSET : sx > 0 ? RIGHT - INSET : xPixel(xAxis, x[i]);
      py[i] = sy < 0 ? BOTTOM - INSET : sy > 0 ? TOP + INSET : yPixel(yAxis, y[i]);
      labels.add(series.models().get(i) + clipMark(sx, sy, x[i], y[i]));
      clipped += sx != 0 || sy != 0 ? 1 : 0;
    }
    LabelLayout.Box[] boxes = LabelLayout.place(px, py, labels, RADIUS, FONT,
        new double[] {LEFT + 1, TOP + 1, RIGHT - 1, BOTTOM - 1});
    String xTitle = ranks ? "rank by " + series.xName()
        : series.xName() + (series.xHigherIsBetter() ? "" : " (lower is better)");
    String yTitle = ranks ? "rank by " + series.yName() : series.yName();

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter")
        .append(staticBaseline ? " static" : "").append("\" id=\"").append(Html.escape(id))
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" data-points=\"").append(n).append("\" data-scale=\"").append(scale.key())
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(yTitle + " against " + xTitle + ", " + n + " models"))
        .append("\">\n");
    svg.append("<text class=\"scale\" x=\"").append(f(RIGHT)).append("\" y=\"")
        .append(f(TOP - 7)).append("\" text-anchor=\"end\">")
        .append(Html.escape(scaleNote(scale, clipped))).append("</text>\n");
    svg.append("<rect class=\"area\" x=\"").append(f(LEFT)).append("\" y=\"").append(f(TOP))
        .append("\" width=\"").append(f(RIGHT - LEFT)).append("\" height=\"")
        .append(f(BOTTOM - TOP)).append("\"/>\n");
    for (double tick : xAxis.ticks()) {
      double tx = xPixel(xAxis, tick);
      svg.append("<line class=\"grid\" x1=\"").append(f(tx)).append("\" y1=\"").append(f(TOP))
          .append("\" x2=\"").append(f(tx)).append("\" y2=\"").append(f(BOTTOM)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(f(tx)).append("\" y=\"")
          .append(f(BOTTOM + 15)).append("\" text-anchor=\"middle\">")
          .append(xAxis.label(tick)).append("</text>\n");
    }
    for (double tick : yAxis.ticks()) {
      double ty = yPixel(yAxis, tick);
      svg.append("<line class=\"grid\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(ty))
          .append("\" x2=\"").append(f(RIGHT)).append("\" y2=\"").append(f(ty)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(f(LEFT - 6)).append("\" y=\"")
          .append(f(ty + 4)).append("\" text-anchor=\"end\">").append(yAxis.label(tick))
          .append("</text>\n");
    }
    svg.append("<text class=\"axis-title\" x=\"").append(f((LEFT + RIGHT) / 2))
        .append("\" y=\"").append(HEIGHT - 8).append("\" text-anchor=\"middle\">")
        .append(Html.escape(xTitle)).append("</text>\n");
    svg.append("<text class=\"axis-title\" transform=\"translate(14 ")
        .append(f((TOP + BOTTOM) / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(Html.escape(yTitle)).append("</text>\n");
    for (int i = 0; i < n; i++) {
      LabelLayout.Box b = boxes[i];
      if (b.leader()) {
        double[] end = b.anchor(px[i], py[i]);
        svg.append("<line class=\"leader\" x1=\"").append(f(px[i])).append("\" y1=\"")
            .append(f(py[i])).append("\" x2=\"").append(f(end[0])).append("\" y2=\"")
            .append(f(end[1])).append("\" data-model=\"")
            .append(Html.escape(series.models().get(i))).append("\"/>\n");
      }
    }
    int top = series.top();
    for (int i = 0; i < n; i++) {
      boolean clip = xAxis.side(x[i]) != 0 || yAxis.side(y[i]) != 0;
      String model = series.models().get(i);
      svg.append("<circle class=\"point").append(i == top ? " top" : "")
          .append(clip ? " clipped" : "").append("\" cx=\"").append(f(px[i]))
          .append("\" cy=\"").append(f(py[i])).append("\" r=\"").append(RADIUS)
          .append("\" data-model=\"").append(Html.escape(model)).append("\"><title>")
          .append(Html.escape(model + ": " + series.xName() + " "
              + described(series.x()[i], x[i], ranks, xAxis) + ", " + series.yName() + " "
              + described(series.y()[i], y[i], ranks, yAxis)))
          .append("</title></circle>\n");
    }
    for (int i = 0; i < n; i++) {
      label(svg, boxes[i], px[i], py[i], series.models().get(i), labels.get(i));
    }
    return new Drawn(svg.append("</svg>").toString(), overlaps(px, py, boxes, series.models()),
        px, py, boxes);
  }

  /** The note under a plot naming its overlapping points, at most a few groups in full. */
  static String overlapNote(List<List<String>> overlaps) {
    if (overlaps.isEmpty()) {
      return "";
    }
    int shown = Math.min(overlaps.size(), MAX_GROUPS);
    List<String> text = new ArrayList<>();
    boolean cut = shown < overlaps.size();
    for (List<String> group : overlaps.subList(0, shown)) {
      if (group.size() > MAX_NAMES) {
        text.add(String.join(", ", group.subList(0, MAX_NAMES)) + " and "
            + (group.size() - MAX_NAMES) + " more");
        cut = true;
      } else {
        text.add(names(group));
      }
    }
    if (shown < overlaps.size()) {
      int points = overlaps.subList(shown, overlaps.size()).stream().mapToInt(List::size).sum();
      text.add("and " + (overlaps.size() - shown) + " more groups of " + points + " points");
    }
    StringBuilder html = new StringBuilder("<p class=\"note overlaps\"");
    if (cut) {
      html.append(" title=\"Overlapping points: ").append(Html.escape(String.join("; ",
          overlaps.stream().map(ScatterPlot::names).toList()))).append(".\"");
    }
    return html.append(">Overlapping points: ").append(Html.escape(String.join("; ", text)))
        .append(".</p>\n").toString();
  }

  /** "a", "a and b", "a, b and c". */
  private static String names(List<String> names) {
    int last = names.size() - 1;
    return last == 0 ? names.get(0)
        : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
  }

  /**
   * Groups of points that overlap and that their labels do not tell apart: pairs whose centres
   * are closer than a radius, and touching pairs with a label that reads as the other's.
   */
  static List<List<String>> overlaps(double[] px, double[] py, LabelLayout.Box[] boxes,
      List<String> models) {
    int n = px.length;
    int[] parent = new int[n];
    boolean[] listed = new boolean[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (LabelLayout.coincident(px, py, i, j, RADIUS)
            || LabelLayout.touching(px, py, i, j, RADIUS)
            && (LabelLayout.readsAs(boxes[i], px, py, i, j, RADIUS)
            || LabelLayout.readsAs(boxes[j], px, py, j, i, RADIUS))) {
          parent[root(parent, j)] = root(parent, i);
          listed[i] = true;
          listed[j] = true;
        }
      }
    }
    Map<Integer, List<String>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (listed[i]) {
        int r = root(parent, i);
        groups.computeIfAbsent(r, k -> new ArrayList<>()).add(models.get(i));
      }
    }
    List<List<String>> ordered = new ArrayList<>(groups.values());
    ordered.sort((a, b) -> Integer.compare(models.indexOf(a.get(0)),
        models.indexOf(b.get(0))));
    return List.copyOf(ordered.stream().map(List::copyOf).toList());
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  /** Ranks with 1 for the best, ties sharing their average rank. */
  static double[] bestFirst(double[] values, boolean higherIsBetter) {
    double[] signed = values.clone();
    if (higherIsBetter) {
      for (int i = 0; i < signed.length; i++) {
        signed[i] = -signed[i];
      }
    }
    return Ranks.ascending(signed);
  }

  private static String scaleNote(Scale scale, int clipped) {
    if (scale == Scale.RANKS) {
      return "scale: ranks, 1 = best";
    }
    return clipped == 0 ? "scale: values" : "scale: values, " + clipped
        + (clipped == 1 ? " outlier" : " outliers") + " at the edge";
  }

  /** The arrow towards a clipped point's value and the value, or "". */
  private static String clipMark(int sx, int sy, double x, double y) {
    if (sx == 0 && sy == 0) {
      return "";
    }
    String arrow = sy == 0 ? (sx > 0 ? "→" : "←") : sx == 0 ? (sy > 0 ? "↑" : "↓")
        : sy > 0 ? (sx > 0 ? "↗" : "↖") : (sx > 0 ? "↘" : "↙");
    String value = sx != 0 && sy != 0 ? Formats.value(x) + ", " + Formats.value(y)
        : Formats.value(sx != 0 ? x : y);
    return " " + arrow + " " + value;
  }

  private static String described(double value, double shown, boolean ranks, Axis axis) {
    return Formats.value(value) + (ranks ? " (rank " + Formats.value(shown) + ")"
        : axis.side(value) != 0 ? " (outside the plotted range)" : "");
  }

  /** Anchors the text on the side facing its point: the slack of the box goes to the far side. */
  private static void label(StringBuilder svg, LabelLayout.Box b, double px, double py,
      String model, String text) {
    String anchor;
    double textX;
    if (b.x() + b.width() <= px) {
      anchor = "end";
      textX = b.x() + b.width();
    } else if (b.x() >= px) {
      anchor = "start";
      textX = b.x();
    } else {
      anchor = "middle";
      textX = b.x() + b.width() / 2;
    }
    svg.append("<text class=\"point-label\" x=\"").append(f(textX)).append("\" y=\"")
        .append(f(b.y() + b.height() * 0.78)).append("\" text-anchor=\"").append(anchor)
        .append("\" data-model=\"").append(Html.escape(model)).append("\">")
        .append(Html.escape(text)).append("</text>\n");
  }

  private static double xPixel(Axis axis, double value) {
    return LEFT + axis.fraction(value) * (RIGHT - LEFT);
  }

  private static double yPixel(Axis axis, double value) {
    return BOTTOM - axis.fraction(value) * (BOTTOM - TOP);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
