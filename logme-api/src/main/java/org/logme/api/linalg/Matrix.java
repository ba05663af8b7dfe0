package org.logme.api.linalg;

import java.util.Arrays;

/**
 * A dense matrix of doubles stored row-major in one array: element (i, j) is at
 * {@code data[i * cols + j]}. A plain container, cheap to hand between backends: {@link #wrap}
 * and {@link #data()} share the array without copying. Not safe for concurrent writes.
 *
 * @since 0.1
 */
public final class Matrix {
  /** The largest number of elements a Java array can hold on common JVMs. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final int rows;
  private final int cols;
  private final double[] data;

  private Matrix(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /**
   * Wraps a row-major array without copying it.
   *
   * @param rows number of rows (≥ 0)
   * @param cols number of columns (≥ 0)
   * @param data row-major values, of length {@code rows * cols}
   * @return the matrix, sharing {@code data}
   * @throws IllegalArgumentException if the length does not match the shape
   */
  public static Matrix wrap(int rows, int cols, double[] data) {
    checkShape(rows, cols);
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs "
          + (long) rows * cols + " values, got " + data.length);
    }
    return new Matrix(rows, cols, data);
  }

  /**
   * @param rows number of rows
   * @param cols number of columns
   * @return a matrix of zeros
   */
  public static Matrix zeros(int rows, int cols) {
    checkShape(rows, cols);
    return new Matrix(rows, cols, new double[rows * cols]);
  }

  /**
   * @param n the order
   * @return the n×n identity
   */
  public static Matrix identity(int n) {
    Matrix m = zeros(n, n);
    for (int i = 0; i < n; i++) {
      m.data[i * n + i] = 1.0;
    }
    return m;
  }

  /**
   * Copies rows given as arrays.
   *
   * @param rowValues the rows, all of one length
   * @return a new matrix
   * @throws IllegalArgumentException if the rows are ragged
   */
  public static Matrix of(double[]... rowValues) {
    int r = rowValues.length;
    int c = r == 0 ? 0 : rowValues[0].length;
    Matrix m = zeros(r, c);
    for (int i = 0; i < r; i++) {
      if (rowValues[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + rowValues[i].length
            + " values, row 0 has " + c);
      }
      System.arraycopy(rowValues[i], 0, m.data, i * c, c);
    }
    return m;
  }

  /**
   * @param values the entries
   * @return a column vector (n×1) holding a copy of {@code values}
   */
  public static Matrix column(double... values) {
    return new Matrix(values.length, 1, values.clone());
  }

  private static void checkShape(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative matrix shape " + rows + "x" + cols);
    }
    if ((long) rows * cols > MAX_ELEMENTS) {
      throw new IllegalArgumentException("a " + rows + "x" + cols
          + " matrix exceeds the " + MAX_ELEMENTS + " elements one Java array can hold");
    }
  }

  /** @return the number of rows */
  public int rows() {
    return rows;
  }

  /** @return the number of columns */
  public int cols() {
    return cols;
  }

  /**
   * @param i row
   * @param j column
   * @return element (i, j)
   */
  public double get(int i, int j) {
    return data[index(i, j)];
  }

  /**
   * @param i row
   * @param j column
   * @param value the new value of element (i, j)
   */
  public void set(int i, int j, double value) {
    data[index(i, j)] = value;
  }

  private int index(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside a " + rows + "x" + cols
          + " matrix");
    }
    return i * cols + j;
  }

  /**
   * The backing row-major array, shared: writes to it change the matrix.
   *
   * @return the array
   */
  public double[] data() {
    return data;
  }

  /**
   * @param i the row index
   * @return a copy of row i
   */
  public double[] row(int i) {
    return Arrays.copyOfRange(data, i * cols, i * cols + cols);
  }

  /**
   * @param j the column index
   * @return a copy of column j
   */
  public double[] column(int j) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = data[i * cols + j];
    }
    return out;
  }

  /** @return a deep copy */
  public Matrix copy() {
    return new Matrix(rows, cols, data.clone());
  }

  /** @return a new matrix, the transpose */
  public Matrix transpose() {
    Matrix t = zeros(cols, rows);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t.data[j * rows + i] = data[i * cols + j];
      }
    }
    return t;
  }

  /**
   * @param first first column (inclusive)
   * @param end last column (exclusive)
   * @return a new matrix with columns {@code first..end-1}
   */
  public Matrix columns(int first, int end) {
    if (first < 0 || end > cols || first > end) {
      throw new IndexOutOfBoundsException("columns [" + first + ", " + end + ") of " + cols);
    }
    Matrix m = zeros(rows, end - first);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * cols + first, m.data, i * m.cols, m.cols);
    }
    return m;
  }

  /**
   * @param first first row (inclusive)
   * @param end last row (exclusive)
   * @return a new matrix with rows {@code first..end-1}
   */
  public Matrix rows(int first, int end) {
    if (first < 0 || end > rows || first > end) {
      throw new IndexOutOfBoundsException("rows [" + first + ", " + end + ") of " + rows);
    }
    return new Matrix(end - first, cols, Arrays.copyOfRange(data, first * cols, end * cols));
  }

  /**
   * @param other another matrix
   * @return true if both have the same shape and every element is equal ({@link Double#compare})
   */
  public boolean sameValues(Matrix other) {
    return rows == other.rows && cols == other.cols && Arrays.equals(data, other.data);
  }

  /** @return the shape, for example {@code Matrix[3x4]} */
  @Override
  public String toString() {
    return "Matrix[" + rows + "x" + cols + "]";
  }
}
