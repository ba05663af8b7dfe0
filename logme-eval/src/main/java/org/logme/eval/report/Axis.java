package org.logme.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear axis: the data range padded by a margin, ticks at "nice" steps (1, 2 or 5 times a
 * power of ten) and their labels, in millions ({@code M}) for large values.
 */
final class Axis {
  private static final double PADDING = 0.08;

  final double min;
  final double max;
  final double step;
  private final double unit;
  private final String suffix;
  private final int decimals;

  private Axis(double min, double max, double step) {
    this.min = min;
    this.max = max;
    this.step = step;
    double largest = Math.max(Math.abs(min), Math.abs(max));
    this.unit = largest >= 1e6 ? 1e6 : 1;
    this.suffix = largest >= 1e6 ? "M" : "";
    this.decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
  }

  /** An axis covering the values with some room on both sides. */
  static Axis covering(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    double range = hi - lo;
    if (range == 0) {
      range = lo == 0 ? 1 : Math.abs(lo) * 0.1;
    }
    lo -= range * PADDING;
    hi += range * PADDING;
    return new Axis(lo, hi, niceStep((hi - lo) / 4));
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalized = raw / magnitude;
    double nice = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10;
    return nice * magnitude;
  }

  /** The tick values inside the range. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long first = (long) Math.ceil(min / step - 1e-9);
    for (long k = first; k * step <= max + 1e-9 * step; k++) {
      ticks.add(k * step);
    }
    return ticks;
  }

  /** The label of a tick. */
  String label(double tick) {
    double v = tick / unit;
    if (Math.abs(v) < step / unit * 1e-6) {
      v = 0; // no "-0"
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v) + suffix;
  }

  /** Maps a value to [0, 1] along the axis. */
  double fraction(double value) {
    return (value - min) / (max - min);
  }
}
