package org.logme.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row of {@code logme bench estimators}: a logme estimator with its settings, and the Python
 * reference it is timed against ({@code docs/estimator-benchmark/references.py} names them).
 *
 * @param label the row's name in the table
 * @param estimator the logme estimator
 * @param parameters its hyper-parameters beyond the defaults
 * @param reference the reference's name in {@code references.py}, if there is one
 * @param setLevel true for a set-dependent estimator: only one model's components are timed,
 *     and there is no single-model {@code score} command
 * @since 0.2
 */
public record EstimatorCase(String label, String estimator, Map<String, String> parameters,
    Optional<String> reference, boolean setLevel) {

  /** Every row, in table order. */
  public static final List<EstimatorCase> ALL = List.of(
      of("logme", "logme", "logme"),
      of("hscore", "hscore", "hscore"),
      of("hscore-shrinkage", "hscore-shrinkage", "hscore-shrinkage"),
      of("transrate", "transrate", "transrate"),
      of("sfda", "sfda", "sfda"),
      of("nleep", "nleep", "nleep"),
      of("parc", "parc", "parc"),
      of("gbc", "gbc", "gbc"),
      of("knn", "knn", "knn"),
      new EstimatorCase("knn-k3-f1", "knn", Map.of("k", "3", "metric", "f1"),
          Optional.of("knn-transformer-ranker"), false),
      of("pactran", "pactran", "pactran"),
      new EstimatorCase("ncti", "ncti", Map.of(), Optional.of("ncti"), true),
      new EstimatorCase("etran", "etran", Map.of(), Optional.of("etran"), true),
      of("etran-lda", "etran-lda", "etran-lda"),
      of("etran-energy", "etran-energy", "etran-energy"),
      of("ped+sfda", "ped+sfda", "ped+sfda"),
      of("ped+logme", "ped+logme", "ped+logme"),
      of("emms", "emms", "emms"),
      new EstimatorCase("tmi", "tmi", Map.of(), Optional.empty(), false),
      of("probe", "probe", "probe"));

  private static EstimatorCase of(String label, String estimator, String reference) {
    return new EstimatorCase(label, estimator, Map.of(), Optional.of(reference), false);
  }

  /**
   * @param label a row's name
   * @return the row
   * @throws IllegalArgumentException naming the rows, if there is none of that name
   */
  public static EstimatorCase named(String label) {
    for (EstimatorCase c : ALL) {
      if (c.label.equals(label.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("no benchmark row '" + label + "'; the rows are "
        + String.join(", ", ALL.stream().map(EstimatorCase::label).toList()));
  }

  /** @return true if the estimator needs label embeddings (EMMS) */
  public boolean needsLabelEmbeddings() {
    return estimator.equals("emms");
  }

  /** @return the parameters as {@code KEY=VALUE} words, in a fixed order */
  public List<String> parameterWords() {
    List<String> words = new ArrayList<>();
    new TreeMap<>(parameters).forEach((k, v) -> words.add(k + "=" + v));
    return words;
  }
}
