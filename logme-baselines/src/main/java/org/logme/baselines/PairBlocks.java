package org.logme.baselines;

import java.util.Arrays;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.linalg.JavaKernelBackend;

/**
 * Visits the inner products xᵢ·xⱼ, i ≤ j, of the rows of an N×D matrix in square blocks of
 * {@value #BLOCK} rows by {@value #BLOCK} rows (8 MB of products each), so that memory stays
 * O(N·D + block) whatever N, never O(N²). Block (I, J) is visited for J ≥ I only; the consumer
 * uses each product for both of its rows if it needs both (the diagonal blocks hold both i &lt; j
 * and i &gt; j).
 *
 * <p>On the pure-Java backends the products come from {@link RowDots} (4×4 register tiles on
 * the rows as they lie, on the backend's threads); on others from the backend's general
 * product of a copied row block and a transposed column block (for example BLAS
 * {@code dgemm}). Either way a product is the same number every time it is visited.
 */
final class PairBlocks {
  /** Rows (and columns) per block. */
  static final int BLOCK = 1024;

  /** Receives the products of rows [rowFirst, rowEnd) with rows [colFirst, colEnd). */
  interface Block {
    /**
     * @param rowFirst the first row
     * @param rowEnd one past the last row
     * @param colFirst the first column (a row index too), ≥ rowFirst
     * @param colEnd one past the last column
     * @param products the (rowEnd − rowFirst)×(colEnd − colFirst) products, row-major
     */
    void accept(int rowFirst, int rowEnd, int colFirst, int colEnd, double[] products);
  }

  private PairBlocks() {
  }

  /**
   * @param x the N×D matrix
   * @param backend the products and threads
   * @param consumer receives every block (I, J) with J ≥ I, row blocks within a column block
   *     in increasing order
   */
  static void forEachUpper(Matrix x, LinearAlgebraBackend backend, Block consumer) {
    forEachUpper(x, backend, BLOCK, consumer);
  }

  /** As {@link #forEachUpper(Matrix, LinearAlgebraBackend, Block)} with another block size. */
  static void forEachUpper(Matrix x, LinearAlgebraBackend backend, int block, Block consumer) {
    int n = x.rows();
    int d = x.cols();
    double[] data = x.data();
    boolean java = backend instanceof JavaKernelBackend;
    double[] products = java ? new double[Math.min(n, block) * Math.min(n, block)] : null;
    for (int colFirst = 0; colFirst < n; colFirst += block) {
      int colEnd = Math.min(n, colFirst + block);
      int width = colEnd - colFirst;
      Matrix transposed = null;
      if (!java) {
        double[] t = new double[d * width];
        for (int j = 0; j < width; j++) {
          for (int c = 0; c < d; c++) {
            t[c * width + j] = data[(colFirst + j) * d + c];
          }
        }
        transposed = Matrix.wrap(d, width, t);
      }
      for (int rowFirst = 0; rowFirst <= colFirst; rowFirst += block) {
        int rowEnd = Math.min(n, rowFirst + block);
        double[] p;
        if (java) {
          RowDots.products(data, d, rowFirst, rowEnd, colFirst, colEnd, products, backend);
          p = products;
        } else {
          p = backend.multiply(Matrix.wrap(rowEnd - rowFirst, d,
              Arrays.copyOfRange(data, rowFirst * d, rowEnd * d)), transposed).data();
        }
        consumer.accept(rowFirst, rowEnd, colFirst, colEnd, p);
      }
    }
  }
}
