package org.logme.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified, seeded assignment of samples to k folds: the samples of each class are shuffled
 * with {@link java.util.Random} seeded by {@code seed} (its algorithm is fixed by the Java
 * specification, so the folds are the same on every JVM) and dealt to folds 0, 1, …, k−1 in
 * turn, classes in increasing label order, each class continuing where the previous one stopped.
 * Every fold therefore holds ⌊n_c/k⌋ or ⌈n_c/k⌉ samples of each class c, and fold sizes differ
 * by at most one.
 *
 * <p>The assignment is written beside extracted features ({@code folds.npy}), so that the probe
 * can be reproduced in Python with {@code sklearn.model_selection.PredefinedSplit(folds)}.
 *
 * @since 0.2
 */
public final class StratifiedFolds {
  private StratifiedFolds() {
  }

  /**
   * @param labels a class id per sample
   * @param folds k ≥ 2
   * @param seed the shuffling seed
   * @return the fold (0..k−1) of every sample
   * @throws IllegalArgumentException if k &lt; 2 or there are fewer samples than folds
   */
  public static int[] assign(int[] labels, int folds, long seed) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
    }
    if (labels.length < folds) {
      throw new IllegalArgumentException(labels.length + " samples cannot fill " + folds
          + " folds");
    }
    TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
    }
    Random random = new Random(seed);
    int[] fold = new int[labels.length];
    int next = 0;
    for (List<Integer> members : byClass.values()) {
      Collections.shuffle(members, random);
      for (int index : members) {
        fold[index] = next;
        next = (next + 1) % folds;
      }
    }
    return fold;
  }

  /**
   * @param labels a class id per sample
   * @param folds k
   * @param classNames the name of every class id, for the messages
   * @return a warning for every class with fewer samples than folds (some folds test none of
   *     it), as scikit-learn's StratifiedKFold warns; empty if there is none
   */
  public static List<String> warnings(int[] labels, int folds, List<String> classNames) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int label : labels) {
      counts.merge(label, 1, Integer::sum);
    }
    List<String> warnings = new ArrayList<>();
    counts.forEach((label, count) -> {
      if (count < folds) {
        warnings.add("class '" + classNames.get(label) + "' has " + count + " sample"
            + (count == 1 ? "" : "s") + ", fewer than the " + folds + " folds: some test folds"
            + " hold none of it");
      }
    });
    return warnings;
  }
}
