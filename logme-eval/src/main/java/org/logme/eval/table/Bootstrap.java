package org.logme.eval.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Statistic;

/**
 * Uncertainty of the weighted Kendall τ by resampling models: per group, B times, n models are
 * drawn with replacement from the group's n models that have a ground truth, and τ_w of every
 * column is computed on the same draw (a paired bootstrap). From the B values come a
 * {@value #PERCENT}% percentile interval per column and, for each ordered pair of columns, the
 * share of resamples in which the first has the strictly higher τ_w.
 *
 * <p>Deterministic: the draws of a group depend only on the seed and the group's name (a
 * {@link SplittableRandom} seeded from both), not on the other groups or the thread.
 * Percentiles interpolate linearly between order statistics, as {@code numpy.percentile}'s
 * default.
 *
 * @since 0.1
 */
public final class Bootstrap {
  /** The coverage of the intervals, in percent. */
  public static final int PERCENT = 95;
  /** The largest number of resamples accepted. */
  public static final int MAX_RESAMPLES = 1_000_000;

  private Bootstrap() {
  }

  /**
   * @param table a table with a ground truth
   * @param resamples B, the number of resamples (1 to {@value #MAX_RESAMPLES})
   * @param seed the random seed
   * @return the intervals and pairwise shares
   * @throws InvalidParameterException if B is out of range or the table has no ground truth
   */
  public static BootstrapResult run(ResultsTable table, int resamples, long seed) {
    if (resamples < 1 || resamples > MAX_RESAMPLES) {
      throw new InvalidParameterException("the number of bootstrap resamples must be between 1"
          + " and " + MAX_RESAMPLES + ", not " + resamples);
    }
    if (table.truthName().isEmpty()) {
      throw new InvalidParameterException(table.origin() + " has no ground truth to bootstrap"
          + " the correlation with");
    }
    List<String> names = table.columns().stream().map(ScoreColumn::name).toList();
    Map<String, Map<String, Interval>> intervals = new LinkedHashMap<>();
    Map<String, double[][]> shares = new LinkedHashMap<>();
    for (Group group : table.groups()) {
      int[] models = group.modelsWithTruth();
      int columns = table.columns().size();
      List<ColumnSample> samples = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        samples.add(ColumnSample.of(table, group, c, models));
      }
      double[][] taus = new double[columns][resamples]; // NaN where undefined
      for (double[] t : taus) {
        Arrays.fill(t, Double.NaN);
      }
      SplittableRandom random = new SplittableRandom(seed(seed, group.name()));
      int[] draw = new int[models.length];
      for (int b = 0; b < resamples && models.length >= 2; b++) {
        for (int k = 0; k < draw.length; k++) {
          draw[k] = random.nextInt(models.length);
        }
        for (int c = 0; c < columns; c++) {
          ColumnSample sample = samples.get(c);
          if (sample.defined()) {
            taus[c][b] = valueOrNaN(sample.resample(draw).compute(Metric.WEIGHTED_TAU));
          }
        }
      }
      Map<String, Interval> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < columns; c++) {
        byColumn.put(names.get(c), interval(taus[c], samples.get(c), models.length));
      }
      intervals.put(group.name(), byColumn);
      shares.put(group.name(), pairwiseShares(taus, resamples));
    }
    return new BootstrapResult(resamples, seed, names, intervals, shares);
  }

  private static double valueOrNaN(Statistic s) {
    return s.defined() ? s.value() : Double.NaN;
  }

  /** Mixes the seed with the group name so that each group has its own stream. */
  static long seed(long seed, String group) {
    long z = seed + 0x9E3779B97F4A7C15L * (group.hashCode() + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static Interval interval(double[] taus, ColumnSample sample, int models) {
    double[] defined = Arrays.stream(taus).filter(t -> !Double.isNaN(t)).sorted().toArray();
    if (defined.length == 0) {
      String reason = !sample.defined() ? sample.undefinedReason
          : models < 2 ? "fewer than 2 models (" + models + ")"
          : "weighted tau is undefined in every resample";
      return new Interval(Statistic.undefined(reason), Statistic.undefined(reason), 0);
    }
    double tail = (100 - PERCENT) / 200.0;
    return new Interval(Statistic.of(percentile(defined, tail)),
        Statistic.of(percentile(defined, 1 - tail)), defined.length);
  }

  /** Linear interpolation between the order statistics of sorted values, q in [0, 1]. */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= sorted.length) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  private static double[][] pairwiseShares(double[][] taus, int resamples) {
    int columns = taus.length;
    double[][] share = new double[columns][columns];
    for (int a = 0; a < columns; a++) {
      for (int b = 0; b < columns; b++) {
        if (a == b) {
          continue;
        }
        int wins = 0;
        for (int r = 0; r < resamples; r++) {
          if (taus[a][r] > taus[b][r]) { // false if either is NaN
            wins++;
          }
        }
        share[a][b] = (double) wins / resamples;
      }
    }
    return share;
  }
}
