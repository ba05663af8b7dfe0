package org.logme.eval.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.logme.eval.stats.Quantiles;

/**
 * One axis of a scatter plot: the range it shows, its ticks and their labels, and the values it
 * clips. Three kinds:
 * <ul>
 *   <li>{@link #covering}: linear over every value, padded by a margin;</li>
 *   <li>{@link #robust}: linear like {@code covering}, unless a few far outliers would squeeze
 *       the other values into a small part of the axis; then it covers only the others and
 *       clips the outliers ({@link #side}), which the plot draws at its edge;</li>
 *   <li>{@link #ranks}: ranks 1 to n, the best (rank 1) at the far end, where the highest
 *       value of a linear axis goes.</li>
 * </ul>
 * Ticks are at "nice" steps (1, 2 or 5 times a power of ten), in millions ({@code M}) for large
 * values.
 */
final class Axis {
  private static final double PADDING = 0.08;
  /** Tukey's "far out": a value this many interquartile ranges beyond a quartile. */
  static final double FAR_OUT = 3;
  /** Outliers are clipped only when the other values would span less than this share... */
  static final double SQUEEZED = 0.25;
  /** ... and when they are at most this share of the values (or a single one). */
  static final double FEW = 0.1;
  /** Up to this many ranks every rank has a tick. */
  private static final int EVERY_RANK = 12;

  final double min;
  final double max;
  private final double low;
  private final double high;
  private final List<Double> ticks;
  private final double unit;
  private final String suffix;
  private final int decimals;

  private Axis(double min, double max, double low, double high, List<Double> ticks,
      double unit, int decimals) {
    this.min = min;
    this.max = max;
    this.low = low;
    this.high = high;
    this.ticks = ticks;
    this.unit = unit;
    this.suffix = unit == 1 ? "" : "M";
    this.decimals = decimals;
  }

  /** A linear axis covering the values with some room on both sides. */
  static Axis covering(double[] values) {
    return linear(values, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * A linear axis that clips a few far outliers when they would flatten the rest: values
   * beyond {@value #FAR_OUT} interquartile ranges from the quartiles are clipped if they are
   * one value or at most a tenth of the values, and the other values span less than a quarter
   * of the range of all of them. Otherwise as {@link #covering}.
   */
  static Axis robust(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double q1 = Quantiles.linear(sorted, 0.25);
    double q3 = Quantiles.linear(sorted, 0.75);
    double low = q1 - FAR_OUT * (q3 - q1);
    double high = q3 + FAR_OUT * (q3 - q1);
    double[] inliers = Arrays.stream(sorted).filter(v -> v >= low && v <= high).toArray();
    double all = sorted[sorted.length - 1] - sorted[0];
    int outliers = sorted.length - inliers.length;
    if (outliers == 0 || outliers > Math.max(1, FEW * sorted.length)
        || inliers[inliers.length - 1] - inliers[0] >= SQUEEZED * all) {
      return covering(values);
    }
    return linear(inliers, inliers[0], inliers[inliers.length - 1]);
  }

  /** An axis of ranks 1 to n, rank 1 at the far end. */
  static Axis ranks(int n) {
    double step = n <= EVERY_RANK ? 1 : niceStep((n - 1) / 5.0);
    List<Double> ticks = new ArrayList<>();
    ticks.add(1.0);
    for (double t = step; t <= n; t += step) {
      if (t > 1) {
        ticks.add(t);
      }
    }
    return new Axis(n + 0.5, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        List.copyOf(ticks), 1, 0);
  }

  private static Axis linear(double[] values, double low, double high) {
    double lo = Arrays.stream(values).min().orElseThrow();
    double hi = Arrays.stream(values).max().orElseThrow();
    double range = hi - lo;
    if (range == 0) {
      range = lo == 0 ? 1 : Math.abs(lo) * 0.1;
    }
    lo -= range * PADDING;
    hi += range * PADDING;
    double step = niceStep((hi - lo) / 4);
    List<Double> ticks = new ArrayList<>();
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) {
      ticks.add(k * step);
    }
    double unit = Math.max(Math.abs(lo), Math.abs(hi)) >= 1e6 ? 1e6 : 1;
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
    return new Axis(lo, hi, low, high, List.copyOf(ticks), unit, decimals);
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalized = raw / magnitude;
    double nice = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10;
    return nice * magnitude;
  }

  /** The tick values inside the range. */
  List<Double> ticks() {
    return ticks;
  }

  /** The label of a tick. */
  String label(double tick) {
    double v = tick / unit;
    if (Math.abs(v) < Math.pow(10, -decimals) * 1e-6) {
      v = 0; // no "-0"
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v) + suffix;
  }

  /** Maps a value to [0, 1] along the axis (outside for clipped values). */
  double fraction(double value) {
    return (value - min) / (max - min);
  }

  /** Whether the axis clips some values. */
  boolean clips() {
    return low != Double.NEGATIVE_INFINITY;
  }

  /** -1 if the value is clipped at the low end, 1 at the high end, 0 if it is shown. */
  int side(double value) {
    return value < low ? -1 : value > high ? 1 : 0;
  }
}
