package org.logme.eval.table;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link Bootstrap}: per group and column a percentile interval for the
 * weighted Kendall τ, and per group the pairwise shares of resamples won.
 *
 * @since 0.1
 */
public final class BootstrapResult {
  private final int resamples;
  private final long seed;
  private final List<String> columns;
  private final Map<String, Map<String, Interval>> intervals;
  private final Map<String, double[][]> shares;
  private final WinRate[][] winRates; // null when too many values to keep

  BootstrapResult(int resamples, long seed, List<String> columns,
      Map<String, Map<String, Interval>> intervals, Map<String, double[][]> shares,
      WinRate[][] winRates) {
    this.resamples = resamples;
    this.seed = seed;
    this.columns = List.copyOf(columns);
    this.intervals = intervals;
    this.shares = shares;
    this.winRates = winRates;
  }

  /**
   * @param winner a column name
   * @param loser another column name
   * @return the share of the groups in which {@code winner} has the higher τ_w, with its
   *     interval; empty if the bootstrap was too large to keep every value (see
   *     {@link Bootstrap#WIN_RATE_VALUES})
   * @throws IllegalArgumentException for an unknown column, or the same column twice
   * @since 0.2
   */
  public java.util.Optional<WinRate> winRate(String winner, String loser) {
    int a = columns.indexOf(winner);
    int b = columns.indexOf(loser);
    if (a < 0 || b < 0 || a == b) {
      throw new IllegalArgumentException("no pair of columns '" + winner + "' and '" + loser
          + "'");
    }
    return winRates == null ? java.util.Optional.empty()
        : java.util.Optional.of(winRates[a][b]);
  }

  /** @return B, the number of resamples */
  public int resamples() {
    return resamples;
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /** @return the group names, in table order */
  public List<String> groups() {
    return List.copyOf(intervals.keySet());
  }

  /** @return the column names, in table order */
  public List<String> columns() {
    return columns;
  }

  /**
   * @param group a group name
   * @param column a column name
   * @return the {@value Bootstrap#PERCENT}% percentile interval of τ_w
   * @throws IllegalArgumentException for an unknown group or column
   */
  public Interval interval(String group, String column) {
    Map<String, Interval> byColumn = intervals.get(group);
    if (byColumn == null || !byColumn.containsKey(column)) {
      throw new IllegalArgumentException("no group '" + group + "' with column '" + column
          + "'");
    }
    return byColumn.get(column);
  }

  /**
   * @param group a group name
   * @param winner a column name
   * @param loser another column name
   * @return the share of the resamples in which {@code winner} has the strictly higher τ_w
   *     (resamples where either is undefined count as neither winning), in [0, 1]; so
   *     share(a, b) + share(b, a) ≤ 1
   * @throws IllegalArgumentException for an unknown group or column
   */
  public double share(String group, String winner, String loser) {
    double[][] byPair = shares.get(group);
    int a = columns.indexOf(winner);
    int b = columns.indexOf(loser);
    if (byPair == null || a < 0 || b < 0) {
      throw new IllegalArgumentException("no group '" + group + "' with columns '" + winner
          + "' and '" + loser + "'");
    }
    return byPair[a][b];
  }
}
