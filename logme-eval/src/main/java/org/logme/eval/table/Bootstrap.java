package org.logme.eval.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Quantiles;
import org.logme.eval.stats.Statistic;

/**
 * Uncertainty of the weighted Kendall τ by resampling models: per group, B times, n models are
 * drawn with replacement from the group's n models that have a ground truth, and τ_w of every
 * column is computed on the same draw (a paired bootstrap). From the B values come a
 * {@value #PERCENT}% percentile interval per column and, for each ordered pair of columns, the
 * share of resamples in which the first has the strictly higher τ_w; and, across the groups,
 * each pair's {@link WinRate}: the share of groups in which the first has the higher τ_w, on
 * the table and in each resample (every group redrawn), for its percentile interval. The win
 * rates need the τ_w of every group, column and resample at once, so they are left out when
 * groups × columns × B exceeds {@value #WIN_RATE_VALUES}.
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
  /** The most τ_w values (groups × columns × resamples) kept for the win rates. */
  public static final long WIN_RATE_VALUES = 20_000_000L;

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
    boolean keep = (long) table.groups().size() * names.size() * resamples <= WIN_RATE_VALUES;
    List<double[]> observed = new ArrayList<>(); // [group][column]
    List<double[][]> kept = new ArrayList<>(); // [group][column][resample]
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
      observed.add(samples.stream().mapToDouble(sample -> valueOrNaN(sample.compute(
          Metric.WEIGHTED_TAU))).toArray());
      if (keep) {
        kept.add(taus);
      }
    }
    return new BootstrapResult(resamples, seed, names, intervals, shares,
        keep ? winRates(observed, kept, resamples) : null);
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
    return new Interval(Statistic.of(Quantiles.linear(defined, tail)),
        Statistic.of(Quantiles.linear(defined, 1 - tail)), defined.length);
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

  /** Every ordered pair's win rate across the groups: [winner][loser]. */
  private static WinRate[][] winRates(List<double[]> observed, List<double[][]> taus,
      int resamples) {
    int columns = observed.isEmpty() ? 0 : observed.get(0).length;
    WinRate[][] rates = new WinRate[columns][columns];
    double[] column = new double[taus.size()];
    double[] other = new double[taus.size()];
    for (int a = 0; a < columns; a++) {
      for (int b = 0; b < columns; b++) {
        if (a == b) {
          continue;
        }
        for (int g = 0; g < taus.size(); g++) {
          column[g] = observed.get(g)[a];
          other[g] = observed.get(g)[b];
        }
        double[] full = winRate(column, other);
        double[] values = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
          for (int g = 0; g < taus.size(); g++) {
            column[g] = taus.get(g)[a][r];
            other[g] = taus.get(g)[b][r];
          }
          double[] rate = winRate(column, other);
          if (rate[1] > 0) {
            values[defined++] = rate[0];
          }
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        double tail = (100 - PERCENT) / 200.0;
        Interval interval = defined == 0
            ? new Interval(Statistic.undefined("no resample with a group where both are"
                + " defined"), Statistic.undefined("no resample with a group where both are"
                + " defined"), 0)
            : new Interval(Statistic.of(Quantiles.linear(sorted, tail)),
                Statistic.of(Quantiles.linear(sorted, 1 - tail)), defined);
        rates[a][b] = new WinRate(full[1] > 0 ? Statistic.of(full[0])
            : Statistic.undefined("no group where both are defined"), (int) full[1], interval);
      }
    }
    return rates;
  }

  /** @return {share of the groups where a beats b (ties one half), groups with both} */
  static double[] winRate(double[] a, double[] b) {
    double wins = 0;
    int groups = 0;
    for (int g = 0; g < a.length; g++) {
      if (Double.isNaN(a[g]) || Double.isNaN(b[g])) {
        continue;
      }
      groups++;
      wins += a[g] > b[g] ? 1 : a[g] == b[g] ? 0.5 : 0;
    }
    return new double[] {groups == 0 ? Double.NaN : wins / groups, groups};
  }
}
