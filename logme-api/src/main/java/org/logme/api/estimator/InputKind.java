package org.logme.api.estimator;

/**
 * The kinds of data an estimator may consume.
 *
 * @since 0.1
 */
public enum InputKind {
  /** Features extracted by the pre-trained model, N×D. */
  FEATURES("--features"),
  /** Target class labels, N. */
  LABELS("--labels"),
  /** Real-valued or multi-label targets, N×K. */
  TARGETS("--targets"),
  /** The source model's softmax probabilities over its own classes, N×Cs. */
  SOURCE_PROBABILITIES("--source-probs"),
  /** The source model's hard predictions (source-class ids), N. */
  SOURCE_LABELS("--source-labels");

  private final String option;

  InputKind(String option) {
    this.option = option;
  }

  /** @return the command-line option that supplies this input */
  public String option() {
    return option;
  }
}
