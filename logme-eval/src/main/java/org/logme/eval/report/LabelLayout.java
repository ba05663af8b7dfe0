package org.logme.eval.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Places one text label per point of a scatter plot so that every label is readable and reads
 * as its own point's.
 *
 * <p>Text extents are estimated from the font size (a conservative average advance per
 * character). Each label takes the first conflict-free position among: next to its point
 * (right, left, above, below, the diagonals), then further out in 36 directions at growing
 * distances, joined to the point by a leader line. Conflicts, from worst to mildest:
 * <ol>
 *   <li>covering a point or another label, or leaving the plot area;</li>
 *   <li>reading as another point's ({@link #readsAs});</li>
 *   <li>a leader line crossing another leader line;</li>
 *   <li>a leader line running through another label;</li>
 *   <li>reading as the point's of a point whose circle touches its own: telling such points
 *       apart is worth trying, and the plot names the pairs it could not tell apart in a note.
 *       Points that nearly coincide (centres closer than a radius) are exempt: no position
 *       tells them apart.</li>
 * </ol>
 * If no position is free, the one with the least conflict is taken. Each label is then
 * re-placed among the others until nothing improves, and labels whose leader lines cross are
 * swapped when that helps. Greedy placement depends on the order, so several orders are tried
 * (crowded points first, by x, by y) and the layout with the least conflict, then the shortest
 * leader lines, is kept. Deterministic.
 */
final class LabelLayout {
  /** Estimated advance per character, as a fraction of the font size. */
  private static final double CHAR_WIDTH = 0.62;
  private static final double GAP = 2;
  private static final double[] DISTANCES = {8, 16, 26, 38, 52, 68, 86};
  private static final int DIRECTIONS = 36;
  private static final int ROUNDS = 10;
  private static final double COVER = 1e6;
  private static final double MISREAD = 1e3;
  private static final double TANGLE = 3e2;
  private static final double CROSS = 1e2;
  private static final double AMBIGUOUS = 10;

  /** A label's box: top-left corner, size, and whether it needs a leader line. */
  record Box(double x, double y, double width, double height, boolean leader) {
    double overlap(double ox, double oy, double ow, double oh) {
      double w = Math.min(x + width, ox + ow) - Math.max(x, ox);
      double h = Math.min(y + height, oy + oh) - Math.max(y, oy);
      return w > 0 && h > 0 ? w * h : 0;
    }

    /** The distance from a point to the box (0 inside). */
    double distance(double px, double py) {
      double dx = Math.max(0, Math.max(x - px, px - (x + width)));
      double dy = Math.max(0, Math.max(y - py, py - (y + height)));
      return Math.hypot(dx, dy);
    }

    /** Where a leader line from (px, py) meets the box. */
    double[] anchor(double px, double py) {
      return new double[] {Math.max(x, Math.min(px, x + width)),
          Math.max(y, Math.min(py, y + height))};
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
    Plot plot = new Plot(px, py, labels, radius, fontSize, area);
    Box[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (Comparator<Integer> order : orders) {
      Integer[] sequence = IntStream.range(0, n).boxed().toArray(Integer[]::new);
      Arrays.sort(sequence, order.thenComparingInt(i -> i));
      Box[] layout = plot.layout(sequence);
      double cost = 0;
      for (int i = 0; i < n; i++) {
        Box own = layout[i];
        layout[i] = null;
        cost += plot.conflict(own, i, layout) + 1e-3 * plot.leaderLength(own, i);
        layout[i] = own;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = layout;
      }
    }
    return best;
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

  /**
   * Whether a label at {@code box} for point {@code own} could be taken for point
   * {@code other}'s: without a leader line, the other point is as near to it (within a pixel)
   * as its own; with one, it lies right beside the other point or its leader line runs through
   * the other point.
   */
  static boolean readsAs(Box box, double[] px, double[] py, int own, int other,
      double radius) {
    double distance = box.distance(px[other], py[other]);
    if (!box.leader()) {
      return distance <= box.distance(px[own], py[own]) + 1;
    }
    double[] end = box.anchor(px[own], py[own]);
    double r = radius + 1;
    return distance < radius + GAP + 3 || segmentHitsBox(px[own], py[own], end[0], end[1],
        px[other] - r, py[other] - r, px[other] + r, py[other] + r);
  }

  /** Whether the circles of two points overlap. */
  static boolean touching(double[] px, double[] py, int a, int b, double radius) {
    return Math.hypot(px[a] - px[b], py[a] - py[b]) < 2 * radius;
  }

  /** Whether two points nearly coincide: their centres are closer than a radius. */
  static boolean coincident(double[] px, double[] py, int a, int b, double radius) {
    return Math.hypot(px[a] - px[b], py[a] - py[b]) < radius;
  }

  /** Whether the segments (a0, a1) and (b0, b1) meet, touching included. */
  static boolean segmentsCross(double ax0, double ay0, double ax1, double ay1, double bx0,
      double by0, double bx1, double by1) {
    double d1 = turn(bx0, by0, bx1, by1, ax0, ay0);
    double d2 = turn(bx0, by0, bx1, by1, ax1, ay1);
    double d3 = turn(ax0, ay0, ax1, ay1, bx0, by0);
    double d4 = turn(ax0, ay0, ax1, ay1, bx1, by1);
    if (d1 * d2 < 0 && d3 * d4 < 0) {
      return true;
    }
    return d1 == 0 && within(bx0, by0, bx1, by1, ax0, ay0)
        || d2 == 0 && within(bx0, by0, bx1, by1, ax1, ay1)
        || d3 == 0 && within(ax0, ay0, ax1, ay1, bx0, by0)
        || d4 == 0 && within(ax0, ay0, ax1, ay1, bx1, by1);
  }

  /** The sign of the turn from (x0, y0)-(x1, y1) to (x, y): the cross product. */
  private static double turn(double x0, double y0, double x1, double y1, double x, double y) {
    return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
  }

  /** Whether (x, y), collinear with the segment, lies within its bounding box. */
  private static boolean within(double x0, double y0, double x1, double y1, double x,
      double y) {
    return x >= Math.min(x0, x1) && x <= Math.max(x0, x1) && y >= Math.min(y0, y1)
        && y <= Math.max(y0, y1);
  }

  /** The points and labels of one plot, and the conflicts between them. */
  private record Plot(double[] px, double[] py, List<String> labels, double radius,
      double fontSize, double[] area) {

    /**
     * Greedy placement in the given order, re-placement of each label until stable, then
     * swaps of labels whose leader lines cross.
     */
    Box[] layout(Integer[] order) {
      Box[] placed = new Box[px.length];
      for (int i : order) {
        placed[i] = best(i, placed);
      }
      for (int round = 0; round < ROUNDS; round++) {
        boolean changed = false;
        for (int i : order) {
          Box current = placed[i];
          placed[i] = null;
          Box candidate = best(i, placed);
          if (conflict(candidate, i, placed) < conflict(current, i, placed)) {
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
      for (int round = 0; round < ROUNDS && uncross(placed); round++) {
        // until no swap helps
      }
      return placed;
    }

    /**
     * Swaps the labels of each two points whose leader lines cross, when that lowers their
     * conflict: a label put where the other was, centred on the same spot, uncrosses the two
     * lines, and re-placing one label at a time cannot get there when each is in the other's
     * way.
     *
     * @return whether a pair was swapped
     */
    boolean uncross(Box[] placed) {
      boolean changed = false;
      for (int i = 0; i < placed.length; i++) {
        for (int j = i + 1; j < placed.length; j++) {
          Box a = placed[i];
          Box b = placed[j];
          if (!a.leader() || !b.leader() || !leadersCross(a, i, b, j)) {
            continue;
          }
          double before = own(i, placed) + own(j, placed);
          placed[i] = new Box(b.x() + (b.width() - a.width()) / 2, b.y(), a.width(),
              a.height(), true);
          placed[j] = new Box(a.x() + (a.width() - b.width()) / 2, a.y(), b.width(),
              b.height(), true);
          if (own(i, placed) + own(j, placed) < before) {
            changed = true;
          } else {
            placed[i] = a;
            placed[j] = b;
          }
        }
      }
      return changed;
    }

    /** The conflict of label i where it is placed. */
    private double own(int i, Box[] placed) {
      Box box = placed[i];
      placed[i] = null;
      double conflict = conflict(box, i, placed);
      placed[i] = box;
      return conflict;
    }

    /** The first conflict-free position for label i, else the one with the least conflict. */
    Box best(int i, Box[] placed) {
      Box best = null;
      double bestConflict = Double.POSITIVE_INFINITY;
      for (Box candidate : candidates(i)) {
        double conflict = conflict(candidate, i, placed);
        if (conflict == 0) {
          return candidate;
        }
        if (conflict < bestConflict) {
          bestConflict = conflict;
          best = candidate;
        }
      }
      return best;
    }

    private List<Box> candidates(int i) {
      double x = px[i];
      double y = py[i];
      double w = labels.get(i).length() * CHAR_WIDTH * fontSize;
      double h = fontSize * 1.25;
      double near = radius + GAP;
      List<Box> boxes = new ArrayList<>();
      boxes.add(new Box(x + near, y - h / 2, w, h, false)); // right
      boxes.add(new Box(x - near - w, y - h / 2, w, h, false)); // left
      boxes.add(new Box(x - w / 2, y - near - h, w, h, false)); // above
      boxes.add(new Box(x - w / 2, y + near, w, h, false)); // below
      boxes.add(new Box(x + near * 0.7, y - near * 0.7 - h, w, h, false)); // above right
      boxes.add(new Box(x + near * 0.7, y + near * 0.7, w, h, false)); // below right
      boxes.add(new Box(x - near * 0.7 - w, y - near * 0.7 - h, w, h, false)); // above left
      boxes.add(new Box(x - near * 0.7 - w, y + near * 0.7, w, h, false)); // below left
      for (double d : DISTANCES) {
        for (int k = 0; k < DIRECTIONS; k++) {
          double angle = Math.PI * 2 * k / DIRECTIONS;
          double cx = x + Math.cos(angle) * (near + d + w / 2);
          double cy = y - Math.sin(angle) * (near + d + h / 2);
          boxes.add(new Box(cx - w / 2, cy - h / 2, w, h, true));
        }
      }
      return boxes;
    }

    /** How badly a position for label i conflicts with the points and the placed labels. */
    double conflict(Box candidate, int i, Box[] placed) {
      if (candidate.x() < area[0] || candidate.y() < area[1]
          || candidate.x() + candidate.width() > area[2]
          || candidate.y() + candidate.height() > area[3]) {
        return COVER * candidate.width() * candidate.height();
      }
      double covered = 0;
      int crossings = 0;
      int tangles = 0;
      for (int j = 0; j < placed.length; j++) {
        Box other = placed[j];
        if (other == null) {
          continue;
        }
        covered += candidate.overlap(other.x() - 1, other.y() - 1, other.width() + 2,
            other.height() + 2);
        if (candidate.leader() && leaderHits(candidate, i, other)) {
          crossings++;
        }
        if (other.leader() && leaderHits(other, j, candidate)) {
          crossings++;
        }
        if (candidate.leader() && other.leader() && leadersCross(candidate, i, other, j)) {
          tangles++;
        }
      }
      double r = radius + 1;
      for (int j = 0; j < px.length; j++) {
        covered += candidate.overlap(px[j] - r, py[j] - r, 2 * r, 2 * r);
      }
      double misread = 0;
      for (int j = 0; j < px.length; j++) {
        if (j != i && !coincident(px, py, i, j, radius)
            && readsAs(candidate, px, py, i, j, radius)) {
          misread += touching(px, py, i, j, radius) ? AMBIGUOUS : MISREAD;
        }
      }
      return COVER * covered + misread + TANGLE * tangles + CROSS * crossings;
    }

    private boolean leadersCross(Box a, int i, Box b, int j) {
      double[] endA = a.anchor(px[i], py[i]);
      double[] endB = b.anchor(px[j], py[j]);
      return segmentsCross(px[i], py[i], endA[0], endA[1], px[j], py[j], endB[0], endB[1]);
    }

    /** Whether the leader of label {@code j} at {@code from} runs through box {@code b}. */
    private boolean leaderHits(Box from, int j, Box b) {
      double[] end = from.anchor(px[j], py[j]);
      return segmentHitsBox(px[j], py[j], end[0], end[1], b.x() - 1, b.y() - 1,
          b.x() + b.width() + 1, b.y() + b.height() + 1);
    }

    double leaderLength(Box box, int i) {
      if (!box.leader()) {
        return 0;
      }
      double[] end = box.anchor(px[i], py[i]);
      return Math.hypot(end[0] - px[i], end[1] - py[i]);
    }
  }
}
