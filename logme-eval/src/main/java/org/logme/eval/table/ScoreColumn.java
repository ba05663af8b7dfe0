package org.logme.eval.table;

import java.util.Objects;

/**
 * One column of scores in a {@link ResultsTable}: an estimator or a static baseline.
 *
 * @param name the column name, for example {@code logme} or {@code imagenet_top1}
 * @param kind estimator or static baseline
 * @param higherIsBetter true if a higher value predicts a better model; rankings and
 *     correlations use the negated values otherwise
 * @param setDependent true if the scores were normalised over the models of the table (a
 *     set-level estimator such as NCTI): they compare these models only
 * @since 0.1
 */
public record ScoreColumn(String name, ColumnKind kind, boolean higherIsBetter,
    boolean setDependent) {

  /**
   * @param name the column name
   * @param kind estimator or static baseline
   * @param higherIsBetter the direction of the scores
   * @param setDependent true if the scores depend on the set of models
   */
  public ScoreColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * A column whose scores do not depend on the other models.
   *
   * @param name the column name
   * @param kind estimator or static baseline
   * @param higherIsBetter the direction of the scores
   */
  public ScoreColumn(String name, ColumnKind kind, boolean higherIsBetter) {
    this(name, kind, higherIsBetter, false);
  }

  /**
   * @param name the column name
   * @return an estimator column, higher is better
   */
  public static ScoreColumn estimator(String name) {
    return new ScoreColumn(name, ColumnKind.ESTIMATOR, true);
  }

  /**
   * @param name the column name
   * @return a static-baseline column, higher is better
   */
  public static ScoreColumn staticBaseline(String name) {
    return new ScoreColumn(name, ColumnKind.STATIC_BASELINE, true);
  }

  /** @return true for a static baseline */
  public boolean isStatic() {
    return kind == ColumnKind.STATIC_BASELINE;
  }
}
