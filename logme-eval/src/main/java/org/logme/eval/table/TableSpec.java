package org.logme.eval.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.logme.eval.stats.Ties;

/**
 * How to read a results table: which column holds the model names, the ground truth and the
 * group, which columns are static baselines, which are lower-is-better, which to keep or ignore
 * and which groups to skip. Every other column of numbers holds the scores of one estimator; a
 * column of text that was not named for a role is left out with a notice. Immutable; each
 * {@code with…} method returns a modified copy.
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
  private final Set<String> lowerIsBetter;
  private final List<String> kept;
  private final Set<String> skippedGroups;
  private final Ties ties;

  private TableSpec(String truth, String group, String model, Set<String> staticColumns,
      Set<String> ignored, Set<String> lowerIsBetter, List<String> kept,
      Set<String> skippedGroups, Ties ties) {
    this.truth = truth;
    this.group = group;
    this.model = Objects.requireNonNull(model, "model");
    this.staticColumns = Set.copyOf(staticColumns);
    this.ignored = Set.copyOf(ignored);
    this.lowerIsBetter = Set.copyOf(lowerIsBetter);
    this.kept = kept == null ? null : List.copyOf(kept);
    this.skippedGroups = Set.copyOf(skippedGroups);
    this.ties = Objects.requireNonNull(ties, "ties");
  }

  /**
   * @param truth the ground-truth column, for example {@code accuracy}
   * @return a spec with that ground truth, no group column, model names in {@code model}
   */
  public static TableSpec truth(String truth) {
    return new TableSpec(Objects.requireNonNull(truth, "truth"), null, DEFAULT_MODEL_COLUMN,
        Set.of(), Set.of(), Set.of(), null, Set.of(), Ties.AVERAGE);
  }

  /** @return a spec for a table of scores only (no ground truth), for ranking */
  public static TableSpec scoresOnly() {
    return new TableSpec(null, null, DEFAULT_MODEL_COLUMN, Set.of(), Set.of(), Set.of(), null,
        Set.of(), Ties.AVERAGE);
  }

  /**
   * @param column the group column, for example {@code dataset}; null for none (one group
   *     named {@code all})
   * @return a modified copy
   */
  public TableSpec withGroup(String column) {
    return new TableSpec(truth, column, model, staticColumns, ignored, lowerIsBetter, kept,
        skippedGroups, ties);
  }

  /**
   * @param column the column of model names
   * @return a modified copy
   */
  public TableSpec withModelColumn(String column) {
    return new TableSpec(truth, group, column, staticColumns, ignored, lowerIsBetter, kept,
        skippedGroups, ties);
  }

  /**
   * @param columns columns that are static baselines (use no target data)
   * @return a modified copy
   */
  public TableSpec withStaticColumns(Set<String> columns) {
    return new TableSpec(truth, group, model, columns, ignored, lowerIsBetter, kept,
        skippedGroups, ties);
  }

  /**
   * @param columns columns to leave out (for example free-text notes)
   * @return a modified copy
   */
  public TableSpec withIgnored(Set<String> columns) {
    return new TableSpec(truth, group, model, staticColumns, columns, lowerIsBetter, kept,
        skippedGroups, ties);
  }

  /**
   * @param columns columns (the ground truth or score columns) where lower is better, such as
   *     {@code mse} or {@code regret}
   * @return a modified copy
   */
  public TableSpec withLowerIsBetter(Set<String> columns) {
    return new TableSpec(truth, group, model, staticColumns, ignored, columns, kept,
        skippedGroups, ties);
  }

  /**
   * @param columns the only score columns to keep, in this order; null for all
   * @return a modified copy
   */
  public TableSpec withColumns(List<String> columns) {
    return new TableSpec(truth, group, model, staticColumns, ignored, lowerIsBetter, columns,
        skippedGroups, ties);
  }

  /**
   * @param groups groups whose rows to leave out
   * @return a modified copy
   */
  public TableSpec withSkippedGroups(Set<String> groups) {
    return new TableSpec(truth, group, model, staticColumns, ignored, lowerIsBetter, kept,
        groups, ties);
  }

  /**
   * @param rule which model a tie at the top score picks
   * @return a modified copy
   */
  public TableSpec withTies(Ties rule) {
    return new TableSpec(truth, group, model, staticColumns, ignored, lowerIsBetter, kept,
        skippedGroups, rule);
  }

  /** @return the columns where lower is better, sorted */
  public Set<String> lowerIsBetter() {
    return new TreeSet<>(lowerIsBetter);
  }

  /** @return the score columns to keep, in order, or empty for all */
  public Optional<List<String>> keptColumns() {
    return Optional.ofNullable(kept);
  }

  /** @return the groups to leave out, sorted */
  public Set<String> skippedGroups() {
    return new TreeSet<>(skippedGroups);
  }

  /** @return which model a tie at the top score picks */
  public Ties ties() {
    return ties;
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
