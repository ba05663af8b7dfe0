package org.logme.eval.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Models of a group ordered by one column, best first.
 *
 * @since 0.1
 */
public final class Ranking {
  private Ranking() {
  }

  /**
   * A model's place in a ranking.
   *
   * @param rank 1 for the best; tied scores share the best rank of the tie ("1224" ranking)
   * @param model the model name
   * @param score its score in the column (as given, not negated)
   * @since 0.1
   */
  public record Entry(int rank, String model, double score) {
  }

  /**
   * @param table the table
   * @param group a group of it
   * @param column a column index in {@link ResultsTable#columns()}
   * @return the models that have a score in the column, best first (by the column's
   *     direction), ties in model-name order
   */
  public static List<Entry> of(ResultsTable table, Group group, int column) {
    ScoreColumn spec = table.columns().get(column);
    double sign = spec.higherIsBetter() ? 1 : -1;
    double[] values = group.scoreValues(column);
    List<Integer> scored = new ArrayList<>();
    for (int m = 0; m < group.size(); m++) {
      if (!Double.isNaN(values[m])) {
        scored.add(m);
      }
    }
    scored.sort(Comparator.<Integer>comparingDouble(m -> -sign * values[m])
        .thenComparing(m -> group.models().get(m)));
    List<Entry> entries = new ArrayList<>();
    for (int k = 0; k < scored.size(); k++) {
      int m = scored.get(k);
      int rank = k > 0 && values[m] == values[scored.get(k - 1)] ? entries.get(k - 1).rank()
          : k + 1;
      entries.add(new Entry(rank, group.models().get(m), values[m]));
    }
    return entries;
  }
}
