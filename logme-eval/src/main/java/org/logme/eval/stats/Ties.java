package org.logme.eval.stats;

/**
 * Which model "the top-scored model" is when several share the top score, for the
 * model-selection metrics (top-1 relative accuracy, regret).
 *
 * @since 0.1
 */
public enum Ties {
  /**
   * The pick is uniformly random among the tied models, so its ground truth is their mean
   * (the default: it does not depend on the order of the table).
   */
  AVERAGE("average"),
  /**
   * The first tied model in table order, as {@code numpy.argmax} picks it (TencentARC/SFDA's
   * evaluation does this).
   */
  FIRST("first");

  private final String id;

  Ties(String id) {
    this.id = id;
  }

  /** @return the name used on the command line: {@code average} or {@code first} */
  public String id() {
    return id;
  }
}
