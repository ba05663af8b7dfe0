package org.logme.numerics.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Ranks of values, ties sharing the average of the positions they span ("fractional" or
 * "average" ranking, as {@code scipy.stats.rankdata(method='average')}).
 *
 * @since 0.1
 */
public final class Ranks {
  private Ranks() {
  }

  /**
   * Ranks in ascending order: the smallest value gets rank 1.
   *
   * @param values the values (finite)
   * @return the 1-based average rank of each value
   */
  public static double[] ascending(double[] values) {
    Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    double[] ranks = new double[values.length];
    int first = 0;
    while (first < order.length) {
      int end = first + 1;
      while (end < order.length && values[order[end]] == values[order[first]]) {
        end++;
      }
      double average = (first + 1 + end) / 2.0; // mean of the positions first+1 .. end
      for (int k = first; k < end; k++) {
        ranks[order[k]] = average;
      }
      first = end;
    }
    return ranks;
  }

  /**
   * Ranks in descending order starting at 0: the largest value gets rank 0, ties share the
   * average position.
   *
   * @param values the values (finite)
   * @return the 0-based average rank of each value, largest first
   */
  public static double[] descendingFromZero(double[] values) {
    double[] ascending = ascending(values);
    double[] ranks = new double[values.length];
    for (int i = 0; i < ranks.length; i++) {
      ranks[i] = values.length - ascending[i];
    }
    return ranks;
  }
}
