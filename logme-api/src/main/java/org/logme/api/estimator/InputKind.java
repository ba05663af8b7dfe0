package org.logme.api.estimator;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of data an estimator may consume. The SPI names inputs, not how a user supplies
 * them: the command line words them as options ({@code --labels}), a model zoo as file names
 * ({@code labels.npy}); both render requirements with {@link #describe}.
 *
 * @since 0.1
 */
public enum InputKind {
  /** Features extracted by the pre-trained model, N×D. */
  FEATURES("features"),
  /** Target class labels, N. */
  LABELS("labels"),
  /** Real-valued or multi-label targets, N×K. */
  TARGETS("targets"),
  /** The source model's softmax probabilities over its own classes, N×Cs. */
  SOURCE_PROBABILITIES("source probabilities"),
  /** The source model's hard predictions (source-class ids), N. */
  SOURCE_LABELS("source labels"),
  /**
   * Embeddings of the target class names by one or more text encoders, one C×E matrix each
   * (see {@link org.logme.api.data.LabelEmbeddings}); the same for every candidate model.
   *
   * @since 0.2
   */
  LABEL_EMBEDDINGS("label embeddings");

  private final String label;

  InputKind(String label) {
    this.label = label;
  }

  /** @return the input's name in plain words, e.g. {@code source probabilities} */
  public String label() {
    return label;
  }

  /**
   * Renders the combinations an estimator accepts, each in a stable order, e.g. {@code --features
   * + --labels or --features + --targets}.
   *
   * @param combinations the accepted combinations ({@link
   *     TransferabilityEstimator#acceptedInputs()})
   * @param wording the caller's name for each kind: an option, a file name, {@link #label()}
   * @return the combinations joined with {@code " or "}, kinds joined with {@code " + "}
   */
  public static String describe(List<Set<InputKind>> combinations,
      Function<InputKind, String> wording) {
    return combinations.stream()
        .map(c -> c.stream().sorted().map(wording).collect(Collectors.joining(" + ")))
        .collect(Collectors.joining(" or "));
  }
}
