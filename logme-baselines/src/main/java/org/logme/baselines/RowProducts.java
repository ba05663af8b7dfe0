package org.logme.baselines;

import java.util.Arrays;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Visits the N×N inner products XXᵀ of the rows of a matrix, block of rows by block of rows:
 * in one piece with the backend's symmetric {@code outerGram} when it fits in
 * {@value #WHOLE_LIMIT} elements (N ≤ 8192, 512 MB), else in blocks of rows with a general
 * product, so memory stays bounded for large N.
 */
final class RowProducts {
  /** The most elements of XXᵀ formed at once. */
  static final long WHOLE_LIMIT = 1L << 26;
  private static final long BLOCK_ELEMENTS = 1L << 22;

  /** Receives rows first..end−1 of XXᵀ, row-major with N columns. */
  interface Block {
    void accept(int first, int end, double[] products);
  }

  private RowProducts() {
  }

  static void forEach(Matrix x, LinearAlgebraBackend backend, Block consumer) {
    forEach(x, backend, WHOLE_LIMIT, BLOCK_ELEMENTS, consumer);
  }

  /** As {@link #forEach(Matrix, LinearAlgebraBackend, Block)} with explicit sizes (tests). */
  static void forEach(Matrix x, LinearAlgebraBackend backend, long wholeLimit,
      long blockElements, Block consumer) {
    int n = x.rows();
    int d = x.cols();
    if ((long) n * n <= wholeLimit) {
      consumer.accept(0, n, backend.outerGram(x).data());
      return;
    }
    Matrix xt = x.transpose();
    int rows = (int) Math.max(1, blockElements / n);
    double[] data = x.data();
    for (int first = 0; first < n; first += rows) {
      int end = Math.min(n, first + rows);
      Matrix block = Matrix.wrap(end - first, d, Arrays.copyOfRange(data, first * d, end * d));
      consumer.accept(first, end, backend.multiply(block, xt).data());
    }
  }
}
