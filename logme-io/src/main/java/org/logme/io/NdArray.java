package org.logme.io;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * A 1-D or 2-D array read from a NumPy file, widened to double and stored row-major (C order)
 * whatever the order on disk.
 *
 * @param shape the dimensions: {@code [n]} or {@code [rows, cols]}
 * @param data the values, row-major
 * @param dtype the element type on disk
 * @param origin the file (and array name), for messages
 * @since 0.1
 */
public record NdArray(int[] shape, double[] data, NpyDtype dtype, String origin) {

  /** @return the number of rows: the length of the first dimension */
  public int rows() {
    return shape[0];
  }

  /**
   * @return a 2-D array as a rows×cols matrix, or a 1-D array of length n as an n×1 matrix,
   *     sharing the data
   */
  public Matrix asMatrix() {
    return shape.length == 1 ? Matrix.wrap(shape[0], 1, data) : Matrix.wrap(shape[0], shape[1], data);
  }

  /**
   * @param what what the array should hold, for messages (e.g. "labels")
   * @return the values of a 1-D array, or of a 2-D array with one column
   * @throws InvalidInputException for a 2-D array with several columns
   */
  public double[] asVector(String what) {
    if (shape.length == 2 && shape[1] != 1) {
      throw new InvalidInputException(origin + ": " + what + " must be a 1-D array of length N,"
          + " but the array has shape (" + shape[0] + ", " + shape[1] + ")"
          + (what.contains("label") ? "; for one-hot labels pass y.argmax(1), for multi-label"
          + " targets use --targets --multi-label" : ""));
    }
    return data;
  }
}
