package org.logme.eval.table;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to read a results table: which column holds the model names, the ground truth and the
 * group, which columns are static baselines and which to ignore. Every other column holds the
 * scores of one estimator. Immutable; each {@code with…} method returns a modified copy.
 *
 * @since 0.1
 */
public final class TableSpec {
  /** The default name of the column of model names. */
  public static final String DEFAULT_MODEL_COLUMN = "model";

  private final String truth;
  private final String group;
  private final String model;
  private final Set<String> staticColumns;
  private final Set<String> ignored;

  private TableSpec(String truth, String group, String model, Set<String> staticColumns,
      Set<String> ignored) {
    this.truth = truth;
    this.group = group;
    this.model = Objects.requireNonNull(model, "model");
    this.staticColumns = Set.copyOf(staticColumns);
    this.ignored = Set.copyOf(ignored);
  }

  /**
   * @param truth the ground-truth column, for example {@code accuracy}
   * @return a spec with that ground truth, no group column, model names in {@code model}
   */
  public static TableSpec truth(String truth) {
    return new TableSpec(Objects.requireNonNull(truth, "truth"), null, DEFAULT_MODEL_COLUMN,
        Set.of(), Set.of());
  }

  /** @return a spec for a table of scores only (no ground truth), for ranking */
  public static TableSpec scoresOnly() {
    return new TableSpec(null, null, DEFAULT_MODEL_COLUMN, Set.of(), Set.of());
  }

  /**
   * @param column the group column, for example {@code dataset}; null for none (one group
   *     named {@code all})
   * @return a modified copy
   */
  public TableSpec withGroup(String column) {
    return new TableSpec(truth, column, model, staticColumns, ignored);
  }

  /**
   * @param column the column of model names
   * @return a modified copy
   */
  public TableSpec withModelColumn(String column) {
    return new TableSpec(truth, group, column, staticColumns, ignored);
  }

  /**
   * @param columns columns that are static baselines (use no target data)
   * @return a modified copy
   */
  public TableSpec withStaticColumns(Set<String> columns) {
    return new TableSpec(truth, group, model, columns, ignored);
  }

  /**
   * @param columns columns to leave out (for example free-text notes)
   * @return a modified copy
   */
  public TableSpec withIgnored(Set<String> columns) {
    return new TableSpec(truth, group, model, staticColumns, columns);
  }

  /** @return the ground-truth column, or null for a scores-only table */
  public String truthColumn() {
    return truth;
  }

  /** @return the group column, or null */
  public String groupColumn() {
    return group;
  }

  /** @return the column of model names */
  public String modelColumn() {
    return model;
  }

  /** @return the static-baseline columns, sorted */
  public Set<String> staticColumns() {
    return new TreeSet<>(staticColumns);
  }

  /** @return the ignored columns, sorted */
  public Set<String> ignored() {
    return new TreeSet<>(ignored);
  }
}
