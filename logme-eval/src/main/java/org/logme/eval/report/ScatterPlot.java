package org.logme.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG scatter plot of one column's scores (x) against the ground truth (y), every
 * point labelled with its model name by {@link LabelLayout}. The top-scored model is ringed.
 * Classes, not inline styles, carry the look (see {@link HtmlReport}'s style sheet); the
 * {@code data-points} attribute holds the number of points drawn.
 */
final class ScatterPlot {
  static final int WIDTH = 360;
  static final int HEIGHT = 280;
  private static final double LEFT = 58;
  private static final double RIGHT = WIDTH - 10;
  private static final double TOP = 10;
  private static final double BOTTOM = HEIGHT - 44;
  private static final double RADIUS = 4.5;
  private static final double FONT = 11;

  private ScatterPlot() {
  }

  /**
   * A drawn plot.
   *
   * @param svg the {@code <svg>} element
   * @param overlapping pairs of models whose circles overlap, as "a and b"
   */
  record Drawn(String svg, List<String> overlapping) {
  }

  /**
   * @param id a unique id for the plot
   * @param staticBaseline whether the column is a static baseline (drawn in another colour)
   * @param xLabel the x-axis title (the column)
   * @param yLabel the y-axis title (the ground truth)
   * @param models the point labels
   * @param x the scores
   * @param y the ground truth
   * @param top the index of the top-scored model, or -1
   * @return the plot
   */
  static Drawn draw(String id, boolean staticBaseline, String xLabel, String yLabel,
      List<String> models, double[] x, double[] y, int top) {
    Axis xAxis = Axis.covering(x);
    Axis yAxis = Axis.covering(y);
    int n = models.size();
    double[] px = new double[n];
    double[] py = new double[n];
    for (int i = 0; i < n; i++) {
      px[i] = LEFT + xAxis.fraction(x[i]) * (RIGHT - LEFT);
      py[i] = BOTTOM - yAxis.fraction(y[i]) * (BOTTOM - TOP);
    }
    LabelLayout.Box[] boxes = LabelLayout.place(px, py, models, RADIUS, FONT,
        new double[] {LEFT + 1, TOP + 1, RIGHT - 1, BOTTOM - 1});

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter")
        .append(staticBaseline ? " static" : "").append("\" id=\"").append(Html.escape(id))
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" data-points=\"").append(n).append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(yLabel + " against " + xLabel + ", " + n + " models"))
        .append("\">\n");
    svg.append("<rect class=\"area\" x=\"").append(f(LEFT)).append("\" y=\"").append(f(TOP))
        .append("\" width=\"").append(f(RIGHT - LEFT)).append("\" height=\"")
        .append(f(BOTTOM - TOP)).append("\"/>\n");
    for (double tick : xAxis.ticks()) {
      double tx = LEFT + xAxis.fraction(tick) * (RIGHT - LEFT);
      svg.append("<line class=\"grid\" x1=\"").append(f(tx)).append("\" y1=\"").append(f(TOP))
          .append("\" x2=\"").append(f(tx)).append("\" y2=\"").append(f(BOTTOM)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(f(tx)).append("\" y=\"")
          .append(f(BOTTOM + 15)).append("\" text-anchor=\"middle\">")
          .append(xAxis.label(tick)).append("</text>\n");
    }
    for (double tick : yAxis.ticks()) {
      double ty = BOTTOM - yAxis.fraction(tick) * (BOTTOM - TOP);
      svg.append("<line class=\"grid\" x1=\"").append(f(LEFT)).append("\" y1=\"").append(f(ty))
          .append("\" x2=\"").append(f(RIGHT)).append("\" y2=\"").append(f(ty)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(f(LEFT - 6)).append("\" y=\"")
          .append(f(ty + 4)).append("\" text-anchor=\"end\">").append(yAxis.label(tick))
          .append("</text>\n");
    }
    svg.append("<text class=\"axis-title\" x=\"").append(f((LEFT + RIGHT) / 2))
        .append("\" y=\"").append(HEIGHT - 8).append("\" text-anchor=\"middle\">")
        .append(Html.escape(xLabel)).append("</text>\n");
    svg.append("<text class=\"axis-title\" transform=\"translate(14 ")
        .append(f((TOP + BOTTOM) / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(Html.escape(yLabel)).append("</text>\n");
    for (int i = 0; i < n; i++) {
      LabelLayout.Box b = boxes[i];
      if (b.leader()) {
        double[] end = b.anchor(px[i], py[i]);
        svg.append("<line class=\"leader\" x1=\"").append(f(px[i])).append("\" y1=\"")
            .append(f(py[i])).append("\" x2=\"").append(f(end[0])).append("\" y2=\"")
            .append(f(end[1])).append("\" data-model=\"").append(Html.escape(models.get(i)))
            .append("\"/>\n");
      }
    }
    for (int i = 0; i < n; i++) {
      svg.append("<circle class=\"point").append(i == top ? " top" : "")
          .append("\" cx=\"").append(f(px[i])).append("\" cy=\"").append(f(py[i]))
          .append("\" r=\"").append(RADIUS).append("\" data-model=\"")
          .append(Html.escape(models.get(i))).append("\"><title>")
          .append(Html.escape(models.get(i) + ": " + xLabel + " " + Formats.value(x[i]) + ", "
              + yLabel + " " + Formats.value(y[i]))).append("</title></circle>\n");
    }
    for (int i = 0; i < n; i++) {
      LabelLayout.Box b = boxes[i];
      // anchor the text on the side facing its point: the estimated box is wider than most
      // text, and the slack must go to the far side
      String anchor;
      double textX;
      if (b.x() + b.width() <= px[i]) {
        anchor = "end";
        textX = b.x() + b.width();
      } else if (b.x() >= px[i]) {
        anchor = "start";
        textX = b.x();
      } else {
        anchor = "middle";
        textX = b.x() + b.width() / 2;
      }
      svg.append("<text class=\"point-label\" x=\"").append(f(textX)).append("\" y=\"")
          .append(f(b.y() + b.height() * 0.78)).append("\" text-anchor=\"").append(anchor)
          .append("\" data-model=\"")
          .append(Html.escape(models.get(i))).append("\">").append(Html.escape(models.get(i)))
          .append("</text>\n");
    }
    List<String> overlapping = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Math.hypot(px[i] - px[j], py[i] - py[j]) < 2 * RADIUS) {
          overlapping.add(models.get(i) + " and " + models.get(j));
        }
      }
    }
    return new Drawn(svg.append("</svg>").toString(), overlapping);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
