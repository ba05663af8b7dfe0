package org.logme.eval.ablation;

import java.util.List;
import java.util.Map;
import org.logme.eval.table.ScoreColumn;

/**
 * The outcome of {@link RemoveLargest}: the models by size, largest first, and for each column
 * the mean τ_w with the m largest removed, m = 0 (the whole table) to {@link #maxRemoved()}.
 *
 * @since 0.2
 */
public final class RemoveLargestResult {
  private final String sizeColumn;
  private final List<String> order;
  private final List<Double> sizes;
  private final List<ScoreColumn> columns;
  private final Map<String, double[]> curves;

  RemoveLargestResult(String sizeColumn, List<String> order, List<Double> sizes,
      List<ScoreColumn> columns, Map<String, double[]> curves) {
    this.sizeColumn = sizeColumn;
    this.order = List.copyOf(order);
    this.sizes = List.copyOf(sizes);
    this.columns = List.copyOf(columns);
    this.curves = Map.copyOf(curves);
  }

  /** @return the column the models were ordered by */
  public String sizeColumn() {
    return sizeColumn;
  }

  /** @return the models, largest first (the first m are removed at point m) */
  public List<String> order() {
    return order;
  }

  /** @return their sizes, in the same order */
  public List<Double> sizes() {
    return sizes;
  }

  /** @return the columns, in table order */
  public List<ScoreColumn> columns() {
    return columns;
  }

  /** @return the largest m on the curves */
  public int maxRemoved() {
    return curves.values().iterator().next().length - 1;
  }

  /**
   * @param column a column name
   * @return its mean τ_w at m = 0, 1, ..., {@link #maxRemoved()}, NaN where undefined (a copy)
   * @throws IllegalArgumentException for an unknown column
   */
  public double[] curve(String column) {
    double[] curve = curves.get(column);
    if (curve == null) {
      throw new IllegalArgumentException("no column '" + column + "'");
    }
    return curve.clone();
  }
}
