package org.logme.numerics.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * The test fold of every sample as scikit-learn's
 * {@code StratifiedKFold(n_splits, shuffle=True, random_state=seed)} assigns it (version 1.2,
 * {@code _make_test_folds}), draw for draw:
 * <ol>
 *   <li>classes are numbered in order of first appearance in the labels;</li>
 *   <li>the allocation: dealing the samples sorted by that number round-robin to folds
 *       0, 1, …, k−1 gives the count of each class in each fold;</li>
 *   <li>for each class in that order, the array of its fold numbers (fold 0 repeated as often as
 *       its allocation says, then fold 1, …) is shuffled by numpy's legacy
 *       {@code RandomState(seed).shuffle} (Fisher–Yates from the last position down, each index
 *       drawn by rejection from the smallest bit mask covering it, on 32-bit MT19937 outputs)
 *       and given to the class's samples in index order.</li>
 * </ol>
 *
 * @since 0.2
 */
public final class StratifiedKFold {
  private StratifiedKFold() {
  }

  /**
   * @param labels a class id per sample
   * @param splits k, 2 ≤ k ≤ N
   * @param seed numpy's seed, 0..2³² − 1
   * @return the test fold (0..k−1) of every sample
   * @throws IllegalArgumentException if k is out of range, or larger than every class's size
   *     (scikit-learn refuses both)
   */
  public static int[] testFolds(int[] labels, int splits, long seed) {
    int n = labels.length;
    if (splits < 2 || splits > n) {
      throw new IllegalArgumentException("cannot split " + n + " samples into " + splits
          + " folds: need 2 <= folds <= samples");
    }
    Map<Integer, Integer> order = new HashMap<>();
    int[] encoded = new int[n];
    for (int i = 0; i < n; i++) {
      Integer code = order.get(labels[i]);
      if (code == null) {
        code = order.size();
        order.put(labels[i], code);
      }
      encoded[i] = code;
    }
    int classes = order.size();
    int[] counts = new int[classes];
    for (int e : encoded) {
      counts[e]++;
    }
    int largest = 0;
    for (int c : counts) {
      largest = Math.max(largest, c);
    }
    if (splits > largest) {
      throw new IllegalArgumentException(splits + " folds are more than the samples of every"
          + " class (the largest has " + largest + ")");
    }
    int[][] allocation = new int[splits][classes];
    int position = 0;
    for (int c = 0; c < classes; c++) {
      for (int s = 0; s < counts[c]; s++) {
        allocation[position % splits][c]++;
        position++;
      }
    }
    NumpyRandomState random = new NumpyRandomState(seed);
    int[] folds = new int[n];
    for (int c = 0; c < classes; c++) {
      int[] forClass = new int[counts[c]];
      int p = 0;
      for (int f = 0; f < splits; f++) {
        for (int r = 0; r < allocation[f][c]; r++) {
          forClass[p++] = f;
        }
      }
      shuffle(forClass, random);
      p = 0;
      for (int i = 0; i < n; i++) {
        if (encoded[i] == c) {
          folds[i] = forClass[p++];
        }
      }
    }
    return folds;
  }

  /**
   * @param labels a class id per sample
   * @return the fewest samples any class has (scikit-learn warns when it is below k)
   */
  public static int smallestClass(int[] labels) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int label : labels) {
      counts.merge(label, 1, Integer::sum);
    }
    return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
  }

  /** numpy's legacy {@code RandomState.shuffle} of a 1-D array. */
  static void shuffle(int[] values, NumpyRandomState random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = (int) interval(i, random);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** numpy's {@code random_interval(max)}: uniform on 0..max by masked rejection. */
  static long interval(long max, NumpyRandomState random) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = random.nextUnsignedInt() & mask;
    } while (value > max);
    return value;
  }
}
