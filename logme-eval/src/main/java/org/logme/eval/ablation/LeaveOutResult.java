package org.logme.eval.ablation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.logme.eval.table.ScoreColumn;

/**
 * The outcome of {@link LeaveOut}: for each column, the mean τ_w over the groups with each
 * k-subset of models removed, beside its value on the whole table.
 *
 * @since 0.2
 */
public final class LeaveOutResult {
  private final int k;
  private final boolean exhaustive;
  private final BigInteger possible;
  private final long seed;
  private final List<ScoreColumn> columns;
  private final List<List<String>> removed;
  private final Map<String, Double> observed;
  private final Map<String, double[]> values;

  LeaveOutResult(int k, boolean exhaustive, BigInteger possible, long seed,
      List<ScoreColumn> columns, List<List<String>> removed, Map<String, Double> observed,
      Map<String, double[]> values) {
    this.k = k;
    this.exhaustive = exhaustive;
    this.possible = possible;
    this.seed = seed;
    this.columns = List.copyOf(columns);
    this.removed = List.copyOf(removed);
    this.observed = Map.copyOf(observed);
    this.values = Map.copyOf(values);
  }

  /** @return how many models each subset removes */
  public int k() {
    return k;
  }

  /** @return true if every k-subset was used, false if a sample */
  public boolean exhaustive() {
    return exhaustive;
  }

  /** @return the number of k-subsets there are */
  public BigInteger possibleSubsets() {
    return possible;
  }

  /** @return the seed of the sample (unused when exhaustive) */
  public long seed() {
    return seed;
  }

  /** @return the columns, in table order */
  public List<ScoreColumn> columns() {
    return columns;
  }

  /** @return the models removed by each subset, in the order of {@link #values} */
  public List<List<String>> removed() {
    return removed;
  }

  /**
   * @param column a column name
   * @return its mean τ_w on the whole table (NaN if undefined)
   */
  public double observed(String column) {
    return require(observed, column);
  }

  /**
   * @param column a column name
   * @return its mean τ_w with each subset removed, NaN where undefined (a copy)
   */
  public double[] values(String column) {
    return require(values, column).clone();
  }

  /**
   * @param column a column name
   * @return the spread of its mean τ_w over the subsets
   */
  public Distribution distribution(String column) {
    return Distribution.of(require(values, column));
  }

  /**
   * The share of subsets in which a column has the highest mean τ_w of all columns (a tie for
   * the highest is shared equally; subsets where it is undefined count as lost).
   *
   * @param column a column name
   * @return a share in [0, 1]; the shares of all columns sum to 1 over subsets with a winner
   */
  public double bestShare(String column) {
    double[] mine = require(values, column);
    double share = 0;
    for (int s = 0; s < removed.size(); s++) {
      double best = Double.NEGATIVE_INFINITY;
      int tied = 0;
      for (ScoreColumn c : columns) {
        double v = values.get(c.name())[s];
        if (v > best) {
          best = v;
          tied = 1;
        } else if (v == best) {
          tied++;
        }
      }
      if (mine[s] == best) {
        share += 1.0 / tied;
      }
    }
    return share / removed.size();
  }

  /**
   * The subset whose removal moves a column's mean τ_w furthest from its value on the whole
   * table: with k = 1, the model the result depends on most.
   *
   * @param column a column name
   * @return the subset and the change (reduced minus whole), if any value is defined
   */
  public java.util.Optional<Change> largestChange(String column) {
    double[] mine = require(values, column);
    double whole = require(observed, column);
    int at = -1;
    for (int s = 0; s < mine.length; s++) {
      if (!Double.isNaN(mine[s]) && (at < 0
          || Math.abs(mine[s] - whole) > Math.abs(mine[at] - whole))) {
        at = s;
      }
    }
    return at < 0 || Double.isNaN(whole) ? java.util.Optional.empty()
        : java.util.Optional.of(new Change(removed.get(at), mine[at] - whole));
  }

  /**
   * A subset of models and how much removing it changes a mean τ_w.
   *
   * @param removed the models removed
   * @param delta the mean τ_w without them minus the mean τ_w with them
   */
  public record Change(List<String> removed, double delta) {
  }

  private static <T> T require(Map<String, T> map, String column) {
    T value = map.get(column);
    if (value == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    return value;
  }
}
