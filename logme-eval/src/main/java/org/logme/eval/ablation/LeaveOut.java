package org.logme.eval.ablation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;

/**
 * Leave-k-models-out stability of the weighted Kendall τ: for every k-subset of the table's
 * models (removed from every group at once, as a model leaves the zoo), the mean τ_w of each
 * column over the groups, recomputed on the reduced table. When there are more k-subsets than
 * asked for, a uniform sample of distinct subsets is drawn with a seeded
 * {@link SplittableRandom}, so runs repeat exactly.
 *
 * <p>What it shows: a mean τ_w of 0.6 whose leave-one-out values lie between 0.2 and 0.7
 * rests on one or two models; and how often each estimator stays the best column
 * ({@link LeaveOutResult#bestShare}).
 *
 * <pre>
 *   LeaveOutResult one = LeaveOut.run(table, 1, 1000, 1);
 *   one.distribution("logme").min(); // the worst mean tau_w with one model removed
 * </pre>
 *
 * @since 0.2
 */
public final class LeaveOut {
  /** The largest k accepted. */
  public static final int MAX_K = 20;

  private LeaveOut() {
  }

  /**
   * @param table a table with a ground truth
   * @param k how many models to remove, 1 to {@value #MAX_K} and at most the number of models
   *     minus 2
   * @param maxSubsets every k-subset if there are at most this many, else a sample of this
   *     many distinct ones
   * @param seed the seed of the sample
   * @return the distributions
   * @throws InvalidParameterException if k or maxSubsets is out of range, or the table has no
   *     ground truth
   */
  public static LeaveOutResult run(ResultsTable table, int k, int maxSubsets, long seed) {
    CorrelationTable full = CorrelationTable.compute(table);
    List<String> models = modelsWithTruth(table);
    if (k < 1 || k > MAX_K || k > models.size() - 2) {
      throw new InvalidParameterException("cannot leave " + k + " model" + (k == 1 ? "" : "s")
          + " out of " + models.size() + ": k must be between 1 and "
          + Math.min(MAX_K, models.size() - 2) + " (at least two models must remain)");
    }
    if (maxSubsets < 1) {
      throw new InvalidParameterException("the number of subsets must be at least 1, not "
          + maxSubsets);
    }
    BigInteger all = binomial(models.size(), k);
    boolean exhaustive = all.compareTo(BigInteger.valueOf(maxSubsets)) <= 0;
    List<int[]> subsets = exhaustive ? everySubset(models.size(), k)
        : sample(models.size(), k, maxSubsets, seed);
    List<ScoreColumn> columns = table.columns();
    double[][] values = new double[columns.size()][subsets.size()];
    List<List<String>> removed = new ArrayList<>();
    for (int s = 0; s < subsets.size(); s++) {
      Set<String> names = new LinkedHashSet<>();
      for (int i : subsets.get(s)) {
        names.add(models.get(i));
      }
      removed.add(List.copyOf(names));
      CorrelationTable reduced = CorrelationTable.compute(table.withoutModels(names));
      for (int c = 0; c < columns.size(); c++) {
        Statistic mean = reduced.mean(columns.get(c).name(), Metric.WEIGHTED_TAU);
        values[c][s] = mean.defined() ? mean.value() : Double.NaN;
      }
    }
    Map<String, Double> observed = new LinkedHashMap<>();
    Map<String, double[]> byColumn = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      Statistic mean = full.mean(columns.get(c).name(), Metric.WEIGHTED_TAU);
      observed.put(columns.get(c).name(), mean.defined() ? mean.value() : Double.NaN);
      byColumn.put(columns.get(c).name(), values[c]);
    }
    return new LeaveOutResult(k, exhaustive, all, seed, columns, removed, observed, byColumn);
  }

  /** The distinct models that have a ground truth in some group, in table order. */
  static List<String> modelsWithTruth(ResultsTable table) {
    Set<String> models = new LinkedHashSet<>();
    for (Group group : table.groups()) {
      for (int m : group.modelsWithTruth()) {
        models.add(group.models().get(m));
      }
    }
    return List.copyOf(models);
  }

  static BigInteger binomial(int n, int k) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1L));
    }
    return c;
  }

  /** Every k-subset of {0, ..., n-1}, in lexicographic order. */
  private static List<int[]> everySubset(int n, int k) {
    List<int[]> out = new ArrayList<>();
    int[] current = new int[k];
    for (int i = 0; i < k; i++) {
      current[i] = i;
    }
    while (true) {
      out.add(current.clone());
      int i = k - 1;
      while (i >= 0 && current[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      current[i]++;
      for (int j = i + 1; j < k; j++) {
        current[j] = current[j - 1] + 1;
      }
    }
  }

  /** Distinct uniform k-subsets (Floyd's algorithm), sorted, in the order drawn. */
  private static List<int[]> sample(int n, int k, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<List<Integer>> seen = new HashSet<>();
    List<int[]> out = new ArrayList<>();
    while (out.size() < count) {
      Set<Integer> chosen = new HashSet<>();
      for (int j = n - k; j < n; j++) {
        int t = random.nextInt(j + 1);
        chosen.add(chosen.contains(t) ? j : t);
      }
      int[] subset = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
      if (seen.add(Arrays.stream(subset).boxed().toList())) {
        out.add(subset);
      }
    }
    return out;
  }
}
