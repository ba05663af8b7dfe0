package org.logme.api.data;

import java.util.Arrays;
import java.util.TreeMap;
import org.logme.api.InvalidInputException;

/**
 * Class labels of N samples, remapped to dense indices 0..C−1.
 *
 * <p>Accepted ids are non-negative integers (integral floating-point values such as
 * {@code 3.0} are accepted). Ids with gaps, such as {0, 2, 5}, are mapped to 0..C−1 in sorted
 * order, and {@link #classIds()} keeps the mapping, so no empty class is ever fitted. Negative
 * ids (often meaning "unlabelled"), fractional ids, non-finite values and a single class are
 * rejected.
 *
 * @since 0.1
 */
public final class Labels {
  /** Ids beyond this cannot be told apart after a round trip through a double. */
  private static final double MAX_ID = 9.007199254740992E15; // 2^53

  private final int[] indices;
  private final long[] classIds;
  private final int[] counts;
  private final String origin;

  private Labels(int[] indices, long[] classIds, String origin) {
    this.indices = indices;
    this.classIds = classIds;
    this.origin = origin;
    this.counts = new int[classIds.length];
    for (int index : indices) {
      counts[index]++;
    }
  }

  /**
   * Validates integer class ids and remaps them to 0..C−1.
   *
   * @param ids one class id per sample
   * @param origin where they came from, used in messages
   * @return the labels
   * @throws InvalidInputException if an id is negative or fewer than two classes occur
   */
  public static Labels of(int[] ids, String origin) {
    double[] raw = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      raw[i] = ids[i];
    }
    return of(raw, origin);
  }

  /**
   * Validates raw label values and remaps them to 0..C−1.
   *
   * @param raw one label per sample, as read from a file
   * @param origin where they came from, used in messages
   * @return the labels
   * @throws InvalidInputException if a value is negative, fractional or not finite, or if
   *     fewer than two classes occur
   */
  public static Labels of(double[] raw, String origin) {
    if (raw.length == 0) {
      throw new InvalidInputException(origin + ": no labels (the array is empty)");
    }
    TreeMap<Long, Integer> ids = new TreeMap<>();
    for (int i = 0; i < raw.length; i++) {
      double v = raw[i];
      if (!Double.isFinite(v)) {
        throw new InvalidInputException(origin + ": label at row " + i + " is " + v
            + "; labels must be non-negative integers");
      }
      if (v < 0) {
        throw new InvalidInputException(origin + ": label at row " + i + " is " + format(v)
            + "; labels must be non-negative integers (a negative label often marks an unlabelled"
            + " sample: remove those rows from the labels and the features)");
      }
      if (v != Math.rint(v) || v > MAX_ID) {
        throw new InvalidInputException(origin + ": label at row " + i + " is " + v
            + ", not an integer class id; for continuous targets use --targets (regression)");
      }
      ids.putIfAbsent((long) v, 0);
    }
    if (ids.size() < 2) {
      throw new InvalidInputException(origin + ": every sample has class " + ids.firstKey()
          + "; at least two classes are needed to rank models");
    }
    long[] classIds = new long[ids.size()];
    int next = 0;
    for (var entry : ids.entrySet()) {
      classIds[next] = entry.getKey();
      entry.setValue(next++);
    }
    int[] indices = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      indices[i] = ids.get((long) raw[i]);
    }
    return new Labels(indices, classIds, origin);
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < MAX_ID ? Long.toString((long) v) : Double.toString(v);
  }

  /** @return N, the number of samples */
  public int sampleCount() {
    return indices.length;
  }

  /** @return C, the number of distinct classes */
  public int classCount() {
    return classIds.length;
  }

  /**
   * @param sample a sample index
   * @return its class index in 0..C−1
   */
  public int classIndex(int sample) {
    return indices[sample];
  }

  /**
   * Adds each row of a block to the sum of its class, for FᵀY with one-vs-rest indicators Y:
   * {@code sums[c·D + j] += rows[i][j]} where c is the class of sample {@code firstRow + i}.
   * The sums are class-major (C×D) so that each row is added contiguously; transpose them for
   * the D×C FᵀY.
   *
   * @param rows a block of feature rows, D columns
   * @param firstRow the sample index of the block's first row
   * @param classMajorSums the C×D sums, updated in place
   */
  public void addClassSums(org.logme.api.linalg.Matrix rows, int firstRow,
      double[] classMajorSums) {
    int d = rows.cols();
    double[] data = rows.data();
    for (int i = 0; i < rows.rows(); i++) {
      int offset = indices[firstRow + i] * d;
      int row = i * d;
      for (int j = 0; j < d; j++) {
        classMajorSums[offset + j] += data[row + j];
      }
    }
  }

  /** @return a copy of the class index of every sample */
  public int[] classIndices() {
    return indices.clone();
  }

  /** @return the original id of each class index, sorted ascending (a copy) */
  public long[] classIds() {
    return classIds.clone();
  }

  /**
   * @param classIndex a class index in 0..C−1
   * @return the original id of that class
   */
  public long classId(int classIndex) {
    return classIds[classIndex];
  }

  /** @return true if the original ids were not exactly 0..C−1 and had to be remapped */
  public boolean remapped() {
    return classIds[0] != 0 || classIds[classIds.length - 1] != classIds.length - 1;
  }

  /** @return the number of samples in each class (a copy) */
  public int[] counts() {
    return counts.clone();
  }

  /** @return where the labels came from */
  public String origin() {
    return origin;
  }

  @Override
  public String toString() {
    return "Labels[n=" + indices.length + ", classes=" + Arrays.toString(classIds) + "]";
  }
}
