package org.logme.eval.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Places one text label per point of a scatter plot so that no label covers another label or
 * any point, and every label stays inside the plot area.
 *
 * <p>Text extents are estimated from the font size (a conservative average advance per
 * character). Labels are placed one by one, each taking the first free position among: next to
 * its point (right, left, above, below, the diagonals), then further out in 16 directions at
 * growing distances, joined to the point by a leader line. A position is free if it covers no
 * point or label, no leader line runs through a label or another point, and no other point is
 * nearer to the label than its own; otherwise the position with the least conflict is taken.
 * Each label is then re-placed among the others until nothing improves. Greedy placement
 * depends on the order, so several orders are tried (crowded points first, by x, by y) and the
 * layout with the least conflict is kept. Deterministic.
 */
final class LabelLayout {
  /** Estimated advance per character, as a fraction of the font size. */
  private static final double CHAR_WIDTH = 0.62;
  private static final double GAP = 2;
  private static final double[] DISTANCES = {8, 16, 26, 38, 52, 68};
  private static final int ROUNDS = 10;

  /** A label's box: top-left corner, size, and whether it needs a leader line. */
  record Box(double x, double y, double width, double height, boolean leader) {
    double overlap(double ox, double oy, double ow, double oh) {
      double w = Math.min(x + width, ox + ow) - Math.max(x, ox);
      double h = Math.min(y + height, oy + oh) - Math.max(y, oy);
      return w > 0 && h > 0 ? w * h : 0;
    }
  }

  private LabelLayout() {
  }

  /**
   * @param px the points' x in pixels
   * @param py the points' y in pixels
   * @param labels the text of each label
   * @param radius the points' radius in pixels
   * @param fontSize the label font size in pixels
   * @param area the plot area: left, top, right, bottom
   * @return one box per point
   */
  static Box[] place(double[] px, double[] py, List<String> labels, double radius,
      double fontSize, double[] area) {
    int n = px.length;
    int[] crowding = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && Math.hypot(px[i] - px[j], py[i] - py[j]) < 40) {
          crowding[i]++;
        }
      }
    }
    List<Comparator<Integer>> orders = List.of(
        Comparator.<Integer>comparingInt(i -> -crowding[i]),
        Comparator.<Integer>comparingDouble(i -> px[i]),
        Comparator.<Integer>comparingDouble(i -> -px[i]),
        Comparator.<Integer>comparingDouble(i -> py[i]),
        Comparator.<Integer>comparingDouble(i -> -py[i]));
    Box[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (Comparator<Integer> order : orders) {
      Integer[] sequence = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(sequence, order.thenComparingInt(i -> i));
      Box[] layout = layout(sequence, px, py, labels, radius, fontSize, area);
      double cost = 0;
      for (int i = 0; i < n; i++) {
        Box own = layout[i];
        layout[i] = null;
        cost += cost(own, i, px, py, radius, layout);
        layout[i] = own;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = layout;
      }
      if (cost == 0) {
        break;
      }
    }
    return best;
  }

  /** Greedy placement in the given order, then re-placement of each label until stable. */
  private static Box[] layout(Integer[] order, double[] px, double[] py, List<String> labels,
      double radius, double fontSize, double[] area) {
    Box[] placed = new Box[px.length];
    for (int i : order) {
      placed[i] = best(i, px, py, labels, radius, fontSize, area, placed);
    }
    for (int round = 0; round < ROUNDS; round++) {
      boolean changed = false;
      for (int i : order) {
        Box current = placed[i];
        placed[i] = null;
        Box candidate = best(i, px, py, labels, radius, fontSize, area, placed);
        if (cost(candidate, i, px, py, radius, placed)
            < cost(current, i, px, py, radius, placed)) {
          placed[i] = candidate;
          changed = true;
        } else {
          placed[i] = current;
        }
      }
      if (!changed) {
        break;
      }
    }
    return placed;
  }

  /** The first conflict-free position for label i, else the one with the least conflict. */
  private static Box best(int i, double[] px, double[] py, List<String> labels, double radius,
      double fontSize, double[] area, Box[] placed) {
    double width = labels.get(i).length() * CHAR_WIDTH * fontSize;
    double height = fontSize * 1.25;
    Box best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (Box candidate : candidates(px[i], py[i], width, height, radius)) {
      if (!inside(candidate, area)) {
        continue;
      }
      double cost = cost(candidate, i, px, py, radius, placed);
      if (cost == 0) {
        return candidate;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = candidate;
      }
    }
    return best != null ? best
        : new Box(px[i] + radius + GAP, py[i] - height / 2, width, height, false);
  }

  /** Covering a point or a label is far worse than a crossing leader or an ambiguity. */
  private static double cost(Box candidate, int i, double[] px, double[] py, double radius,
      Box[] placed) {
    return 1e6 * overlap(candidate, placed, px, py, radius)
        + 1e3 * crossings(candidate, px[i], py[i], placed, px, py)
        + ambiguity(candidate, i, px, py, radius);
  }

  private static List<Box> candidates(double x, double y, double w, double h, double r) {
    List<Box> boxes = new ArrayList<>();
    double near = r + GAP;
    boxes.add(new Box(x + near, y - h / 2, w, h, false)); // right
    boxes.add(new Box(x - near - w, y - h / 2, w, h, false)); // left
    boxes.add(new Box(x - w / 2, y - near - h, w, h, false)); // above
    boxes.add(new Box(x - w / 2, y + near, w, h, false)); // below
    boxes.add(new Box(x + near * 0.7, y - near * 0.7 - h, w, h, false)); // above right
    boxes.add(new Box(x + near * 0.7, y + near * 0.7, w, h, false)); // below right
    boxes.add(new Box(x - near * 0.7 - w, y - near * 0.7 - h, w, h, false)); // above left
    boxes.add(new Box(x - near * 0.7 - w, y + near * 0.7, w, h, false)); // below left
    for (double d : DISTANCES) {
      for (int k = 0; k < 16; k++) {
        double angle = Math.PI * 2 * k / 16;
        double cx = x + Math.cos(angle) * (near + d + w / 2);
        double cy = y - Math.sin(angle) * (near + d + h / 2);
        boxes.add(new Box(cx - w / 2, cy - h / 2, w, h, true));
      }
    }
    return boxes;
  }

  /**
   * A penalty for leader lines crossing labels: the candidate's own leader crossing a placed
   * label, or a placed label's leader crossing the candidate.
   */
  private static double crossings(Box candidate, double x, double y, Box[] placed, double[] px,
      double[] py) {
    double penalty = 0;
    for (int j = 0; j < placed.length; j++) {
      Box other = placed[j];
      if (other == null) {
        continue;
      }
      if (candidate.leader() && crosses(x, y, candidate, other)) {
        penalty++;
      }
      if (other.leader() && crosses(px[j], py[j], other, candidate)) {
        penalty++;
      }
    }
    return penalty;
  }

  /**
   * A penalty for a label that could be read as another point's: another point lies nearer to
   * the label than its own, or the label's leader line runs through another point.
   */
  private static double ambiguity(Box candidate, int own, double[] px, double[] py,
      double radius) {
    double ownDistance = distance(candidate, px[own], py[own]);
    double ex = Math.max(candidate.x(), Math.min(px[own], candidate.x() + candidate.width()));
    double ey = Math.max(candidate.y(), Math.min(py[own], candidate.y() + candidate.height()));
    double penalty = 0;
    double r = radius + 1;
    for (int j = 0; j < px.length; j++) {
      if (j == own) {
        continue;
      }
      if (distance(candidate, px[j], py[j]) < ownDistance) {
        penalty++;
      }
      if (candidate.leader()
          && segmentHitsBox(px[own], py[own], ex, ey, px[j] - r, py[j] - r, px[j] + r, py[j] + r)) {
        penalty += 10;
      }
    }
    return penalty;
  }

  /** The distance from a point to a box (0 inside). */
  private static double distance(Box b, double x, double y) {
    double dx = Math.max(0, Math.max(b.x() - x, x - (b.x() + b.width())));
    double dy = Math.max(0, Math.max(b.y() - y, y - (b.y() + b.height())));
    return Math.hypot(dx, dy);
  }

  /** Whether the leader from (x, y) to its label {@code from} passes through box {@code b}. */
  private static boolean crosses(double x, double y, Box from, Box b) {
    double ex = Math.max(from.x(), Math.min(x, from.x() + from.width()));
    double ey = Math.max(from.y(), Math.min(y, from.y() + from.height()));
    return segmentHitsBox(x, y, ex, ey, b.x() - 1, b.y() - 1, b.x() + b.width() + 1,
        b.y() + b.height() + 1);
  }

  /** Liang-Barsky clipping: does the segment (x0,y0)-(x1,y1) meet the rectangle? */
  static boolean segmentHitsBox(double x0, double y0, double x1, double y1, double left,
      double top, double right, double bottom) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - left, right - x0, y0 - top, bottom - y0};
    double t0 = 0;
    double t1 = 1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return false;
        }
      } else {
        double t = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 <= t1;
  }

  private static boolean inside(Box b, double[] area) {
    return b.x() >= area[0] && b.y() >= area[1] && b.x() + b.width() <= area[2]
        && b.y() + b.height() <= area[3];
  }

  private static double overlap(Box candidate, Box[] placed, double[] px, double[] py,
      double radius) {
    double total = 0;
    for (Box other : placed) {
      if (other != null) {
        total += candidate.overlap(other.x() - 1, other.y() - 1, other.width() + 2,
            other.height() + 2);
      }
    }
    double r = radius + 1;
    for (int j = 0; j < px.length; j++) {
      total += candidate.overlap(px[j] - r, py[j] - r, 2 * r, 2 * r);
    }
    return total;
  }
}
