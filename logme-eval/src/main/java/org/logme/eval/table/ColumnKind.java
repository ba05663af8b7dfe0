package org.logme.eval.table;

/**
 * What a score column is.
 *
 * @since 0.1
 */
public enum ColumnKind {
  /** A transferability estimator: computed from the model's outputs on the target data. */
  ESTIMATOR("estimator"),
  /**
   * A static baseline: a fact about the model that uses no target data at all (for example its
   * ImageNet top-1 accuracy or parameter count). Estimators should beat these.
   */
  STATIC_BASELINE("static");

  private final String id;

  ColumnKind(String id) {
    this.id = id;
  }

  /** @return the lower-case name used in files: {@code estimator} or {@code static} */
  public String id() {
    return id;
  }
}
