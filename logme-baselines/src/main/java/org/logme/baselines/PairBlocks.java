package org.logme.baselines;

import java.util.Arrays;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Visits the N×N inner products xᵢ·xⱼ of the rows of an N×D matrix block by block, so that
 * memory stays O(N·D + block) whatever N, never O(N²): the columns are taken in blocks of
 * about 2²² / D rows (transposed once each, at most 32 MB), and for each column block the rows
 * in blocks whose product with it holds about 2²² values (32 MB), one backend product per
 * pair of blocks. Column blocks come in increasing order, so each row meets its partners in
 * increasing index order.
 */
final class PairBlocks {
  /** Elements of one product block, and of one transposed column block: 32 MB each. */
  static final int BLOCK_ELEMENTS = 1 << 22;

  /** Receives the products of rows [rowFirst, rowEnd) with rows [colFirst, colEnd). */
  interface Block {
    /**
     * @param rowFirst the first row
     * @param rowEnd one past the last row
     * @param colFirst the first column (a row index too)
     * @param colEnd one past the last column
     * @param products the (rowEnd − rowFirst)×(colEnd − colFirst) products, row-major
     */
    void accept(int rowFirst, int rowEnd, int colFirst, int colEnd, double[] products);
  }

  private PairBlocks() {
  }

  /**
   * @param x the N×D matrix
   * @param backend the products
   * @param upper if true, only blocks holding some pair i &lt; j are visited (the consumer
   *     still sees the other pairs of a block that straddles the diagonal)
   * @param consumer receives every block
   */
  static void forEach(Matrix x, LinearAlgebraBackend backend, boolean upper, Block consumer) {
    int d = Math.max(1, x.cols());
    int columns = (int) Math.max(1, Math.min(x.rows(), BLOCK_ELEMENTS / d));
    forEach(x, backend, upper, columns, BLOCK_ELEMENTS, consumer);
  }

  /** As {@link #forEach(Matrix, LinearAlgebraBackend, boolean, Block)} with explicit sizes. */
  static void forEach(Matrix x, LinearAlgebraBackend backend, boolean upper, int columns,
      long productElements, Block consumer) {
    int n = x.rows();
    int d = x.cols();
    double[] data = x.data();
    int rows = (int) Math.max(1, Math.min(n, productElements / columns));
    for (int colFirst = 0; colFirst < n; colFirst += columns) {
      int colEnd = Math.min(n, colFirst + columns);
      int width = colEnd - colFirst;
      double[] t = new double[d * width];
      for (int j = 0; j < width; j++) {
        for (int c = 0; c < d; c++) {
          t[c * width + j] = data[(colFirst + j) * d + c];
        }
      }
      Matrix transposed = Matrix.wrap(d, width, t);
      int rowLimit = upper ? colEnd : n;
      for (int rowFirst = 0; rowFirst < rowLimit; rowFirst += rows) {
        int rowEnd = Math.min(rowLimit, rowFirst + rows);
        Matrix block = Matrix.wrap(rowEnd - rowFirst, d,
            Arrays.copyOfRange(data, rowFirst * d, rowEnd * d));
        consumer.accept(rowFirst, rowEnd, colFirst, colEnd,
            backend.multiply(block, transposed).data());
      }
    }
  }
}
