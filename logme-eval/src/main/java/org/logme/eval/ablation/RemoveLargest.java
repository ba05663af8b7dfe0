package org.logme.eval.ablation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Statistic;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;

/**
 * The "remove the m largest models" curve (Singh et al., 2025, arXiv 2510.06448): the models
 * are ordered by a size column (parameter count, say), largest first, and for m = 0, 1, 2, ...
 * the m largest are removed from every group and the mean τ_w of each column recomputed.
 * Where larger models transfer better, a static ranking by size scores well on the full zoo;
 * the curve shows whether an estimator's τ_w survives when the size advantage is taken away.
 *
 * <p>The size must be a per-model fact: the same value for a model in every group. Ties in
 * size are broken by table order. The curve stops where three models remain, or at the m
 * asked for.
 *
 * <pre>
 *   RemoveLargestResult curve = RemoveLargest.run(table, "params", 5);
 *   curve.curve("logme"); // mean tau_w with 0, 1, ..., 5 of the largest models removed
 * </pre>
 *
 * @since 0.2
 */
public final class RemoveLargest {
  /** The fewest models a point of the curve keeps. */
  public static final int MIN_REMAINING = 3;

  private RemoveLargest() {
  }

  /**
   * @param table a table with a ground truth
   * @param sizeColumn the column holding each model's size (any column of the table)
   * @param maxRemoved the largest m, or -1 for as many as leave {@value #MIN_REMAINING} models
   * @return the curves
   * @throws InvalidParameterException if there is no such column, a model has no size or two
   *     groups give it different sizes, or too few models remain
   */
  public static RemoveLargestResult run(ResultsTable table, String sizeColumn, int maxRemoved) {
    CorrelationTable.compute(table); // the ground-truth check, with its message
    int index = columnIndex(table, sizeColumn);
    List<String> models = LeaveOut.modelsWithTruth(table);
    Map<String, Double> sizes = sizes(table, index, sizeColumn, models);
    int largest = models.size() - MIN_REMAINING;
    if (largest < 1) {
      throw new InvalidParameterException("removing the largest models needs at least "
          + (MIN_REMAINING + 1) + " models with a ground truth; " + table.origin() + " has "
          + models.size());
    }
    if (maxRemoved > largest) {
      throw new InvalidParameterException("cannot remove the " + maxRemoved + " largest of "
          + models.size() + " models: at most " + largest + " (" + MIN_REMAINING
          + " must remain)");
    }
    int last = maxRemoved < 0 ? largest : maxRemoved;
    List<String> order = new ArrayList<>(models);
    order.sort(Comparator.comparingDouble((String m) -> -sizes.get(m)));
    List<ScoreColumn> columns = table.columns();
    Map<String, double[]> curves = new LinkedHashMap<>();
    columns.forEach(c -> curves.put(c.name(), new double[last + 1]));
    Set<String> removed = new LinkedHashSet<>();
    for (int m = 0; m <= last; m++) {
      if (m > 0) {
        removed.add(order.get(m - 1));
      }
      CorrelationTable reduced = CorrelationTable.compute(table.withoutModels(removed));
      for (ScoreColumn c : columns) {
        Statistic mean = reduced.mean(c.name(), Metric.WEIGHTED_TAU);
        curves.get(c.name())[m] = mean.defined() ? mean.value() : Double.NaN;
      }
    }
    List<Double> orderedSizes = order.stream().map(sizes::get).toList();
    return new RemoveLargestResult(sizeColumn, order, orderedSizes, columns, curves);
  }

  private static int columnIndex(ResultsTable table, String name) {
    for (int c = 0; c < table.columns().size(); c++) {
      if (table.columns().get(c).name().equals(name)) {
        return c;
      }
    }
    throw new InvalidParameterException("no column '" + name + "' to order the models by size;"
        + " the columns are " + String.join(", ", table.columns().stream()
        .map(ScoreColumn::name).toList()) + " (add a size with --static COLUMN or --facts)");
  }

  /** Each model's size, the same in every group that has it. */
  private static Map<String, Double> sizes(ResultsTable table, int column, String name,
      List<String> models) {
    Map<String, Double> sizes = new LinkedHashMap<>();
    for (Group group : table.groups()) {
      for (int m = 0; m < group.size(); m++) {
        String model = group.models().get(m);
        if (group.score(column, m).isEmpty()) {
          continue;
        }
        double size = group.score(column, m).getAsDouble();
        Double earlier = sizes.putIfAbsent(model, size);
        if (earlier != null && earlier != size) {
          throw new InvalidParameterException("'" + name + "' gives model '" + model + "' the"
              + " sizes " + earlier + " and " + size + " in different groups; a size must be"
              + " the same for a model in every group");
        }
      }
    }
    List<String> without = models.stream().filter(m -> !sizes.containsKey(m)).toList();
    if (!without.isEmpty()) {
      throw new InvalidParameterException("no '" + name + "' for " + String.join(", ", without)
          + "; every model needs a size to be ordered by it");
    }
    return sizes;
  }
}
