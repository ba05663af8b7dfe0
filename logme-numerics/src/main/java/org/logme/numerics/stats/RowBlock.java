package org.logme.numerics.stats;

import java.util.Arrays;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.kernel.Kernels;

/**
 * A reusable buffer of consecutive feature rows, as a streaming reader fills it: the rows
 * widened to double, row-major, with each column's sum, minimum and maximum accumulated as rows
 * are appended (while they are still in cache), so that the block's mean needs no pass of its
 * own. The sums are compensated (Knuth's TwoSum: each column's sum is the unevaluated sum of a
 * high and a low double), which gives the block's mean to about twice double precision.
 *
 * <p>The sums run on the given {@link Kernels} ({@link Kernels#best()} by default); minima and
 * maxima are not ordered for NaN (a block with NaN has a NaN sum, {@link #sumsFinite()}).
 *
 * <p>A reader fills the block ({@link #start}, then {@link #appended} after writing rows into
 * {@link #data()}), a {@link RowBlockAccumulator} consumes it (and overwrites the rows with
 * their deviations), then the block is started again for later rows.
 *
 * @since 0.1
 */
public final class RowBlock {
  private final Kernels kernels;
  private final int cols;
  private final double[] data;
  private final double[] sumHigh;
  private final double[] sumLow;
  private final double[] min;
  private final double[] max;
  private int rows;
  private long firstRow;

  /**
   * @param capacity the most rows the block holds, ≥ 1
   * @param cols D, the columns of every row, ≥ 1
   * @throws IllegalArgumentException if the block would not fit in one Java array
   */
  public RowBlock(int capacity, int cols) {
    this(capacity, cols, Kernels.best());
  }

  /**
   * @param capacity the most rows the block holds, ≥ 1
   * @param cols D, the columns of every row, ≥ 1
   * @param kernels the loops of the column sums
   * @throws IllegalArgumentException if the block would not fit in one Java array
   */
  public RowBlock(int capacity, int cols, Kernels kernels) {
    this.kernels = kernels;
    if (capacity < 1 || cols < 1 || (long) capacity * cols > Matrix.MAX_ELEMENTS) {
      throw new IllegalArgumentException("cannot hold " + capacity + " rows of " + cols
          + " columns in one block");
    }
    this.cols = cols;
    this.data = new double[capacity * cols];
    this.sumHigh = new double[cols];
    this.sumLow = new double[cols];
    this.min = new double[cols];
    this.max = new double[cols];
  }

  /**
   * Empties the block for rows starting at a given row of the file.
   *
   * @param first the index of the block's first row in the whole array
   */
  public void start(long first) {
    this.firstRow = first;
    this.rows = 0;
    Arrays.fill(sumHigh, 0);
    Arrays.fill(sumLow, 0);
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  /**
   * Records rows just written into {@link #data()} after the ones already there, accumulating
   * their column sums and ranges.
   *
   * @param count how many rows were written, from row {@link #rows()} of the block on
   * @throws IllegalArgumentException if they overflow the block
   */
  public void appended(int count) {
    if (count < 0 || rows + count > capacity()) {
      throw new IllegalArgumentException(count + " more rows overflow a block of " + capacity()
          + " rows holding " + rows);
    }
    kernels.columnSums(data, rows * cols, count, cols, sumHigh, sumLow, min, max);
    rows += count;
  }

  /** @return the row-major values; rows beyond {@link #rows()} are stale */
  public double[] data() {
    return data;
  }

  /** @return D */
  public int cols() {
    return cols;
  }

  /** @return the most rows the block holds */
  public int capacity() {
    return data.length / cols;
  }

  /** @return the rows it holds */
  public int rows() {
    return rows;
  }

  /** @return the index of its first row in the whole array */
  public long firstRow() {
    return firstRow;
  }

  /**
   * @return true if every column sum is finite, which is the case when every value is finite
   *     (barring overflow of a sum of finite doubles); a NaN or an infinity makes its sum NaN or
   *     infinite
   */
  public boolean sumsFinite() {
    for (int j = 0; j < cols; j++) {
      if (!Double.isFinite(sumHigh[j] + sumLow[j])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The block's column means as unevaluated sums of two doubles: high[j] + low[j] = (Σᵢ xᵢⱼ)/m
   * to about twice double precision.
   *
   * @param high receives the means rounded to doubles
   * @param low receives the residuals
   */
  void means(double[] high, double[] low) {
    double m = rows;
    for (int j = 0; j < cols; j++) {
      double s = sumHigh[j] + sumLow[j];
      double rest = sumLow[j] - (s - sumHigh[j]);
      double mean = s / m;
      // the remainder of a correctly rounded division is exact, and so is fma's
      double remainder = Math.fma(-mean, m, s);
      high[j] = mean;
      low[j] = (remainder + rest) / m;
    }
  }

  /** @return the column minima (shared) */
  double[] min() {
    return min;
  }

  /** @return the column maxima (shared) */
  double[] max() {
    return max;
  }
}
