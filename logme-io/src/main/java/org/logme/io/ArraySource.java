package org.logme.io;

import java.io.Closeable;
import java.io.IOException;
import org.logme.api.InvalidInputException;

/**
 * An open 1-D or 2-D array in a file, whose elements are read sequentially and widened to
 * double: an {@code .npy} array ({@link NpyStream}), a safetensors tensor, an HDF5 dataset, a
 * Parquet column. The shape is known and checked against the file before any data is read, so
 * a reader can stream the rows in blocks ({@link StreamingStatistics}) or load them whole.
 *
 * @since 0.1
 */
public interface ArraySource extends Closeable {

  /** @return the file (and array name), for messages */
  String origin();

  /** @return the dimensions, {@code [n]} or {@code [rows, cols]} */
  long[] shape();

  /** @return the element type on disk */
  NpyDtype dtype();

  /**
   * @return true if {@link #readElements} returns the elements row by row (C order), so that
   *     the rows can be streamed; false for column-major storage
   */
  boolean rowMajor();

  /**
   * Reads the next elements in storage order.
   *
   * @param dst where to put them
   * @param offset the first index of dst to fill
   * @param count how many elements to read
   * @throws IOException if the file cannot be read
   * @throws InvalidInputException if the data ends early or is malformed
   */
  void readElements(double[] dst, int offset, int count) throws IOException;

  /**
   * Checks, once every element has been read, that nothing is left over or corrupt (archive
   * checksums, trailing bytes). Does nothing by default.
   *
   * @throws IOException if the file cannot be read
   */
  default void finish() throws IOException {
  }

  /** @return the length of the first dimension */
  default int rows() {
    return (int) shape()[0];
  }

  /** @return the length of the second dimension, 1 for a 1-D array */
  default int cols() {
    return shape().length == 2 ? (int) shape()[1] : 1;
  }

  /** @return the shape as NumPy prints it, e.g. {@code (300, 48)} */
  default String shapeText() {
    long[] s = shape();
    return s.length == 1 ? "(" + s[0] + ",)" : "(" + s[0] + ", " + s[1] + ")";
  }

  /**
   * Reads the whole array (nothing must have been read yet), after checking that it fits in one
   * Java array and in the heap. The default reads row-major storage; column-major sources
   * override it.
   *
   * @return the array, row-major
   * @throws IOException if the file cannot be read
   */
  default NdArray readAll() throws IOException {
    long count = (long) rows() * cols();
    ArrayFiles.requireLoadable(this, count, Runtime.getRuntime().maxMemory());
    double[] data = new double[(int) count];
    readElements(data, 0, data.length);
    finish();
    int[] dims = shape().length == 1 ? new int[] {rows()} : new int[] {rows(), cols()};
    return new NdArray(dims, data, dtype(), origin());
  }
}
