package org.logme.numerics.linalg;

import java.util.concurrent.ForkJoinPool;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.kernel.Kernels;

/**
 * The multi-threaded pure-Java Gram kernel shared by the pure-Java backends: the upper triangle
 * of AᵀA or AAᵀ, computed by {@link Kernels#addGram} (register tiles on the Vector API when the
 * JVM has it, scalar 4×4 tiles otherwise) and mirrored, so the result is exactly symmetric and
 * costs half a general product.
 *
 * @since 0.1
 */
public final class GramKernel {
  private final ForkJoinPool pool;
  private final Kernels kernels;

  /**
   * @param pool the threads to use, or null to run on the calling thread only
   */
  public GramKernel(ForkJoinPool pool) {
    this(pool, Kernels.best());
  }

  /**
   * @param pool the threads to use, or null to run on the calling thread only
   * @param kernels the loops to run
   */
  public GramKernel(ForkJoinPool pool, Kernels kernels) {
    this.pool = pool;
    this.kernels = kernels;
  }

  /**
   * @param a an m×n matrix
   * @return AᵀA (n×n), exactly symmetric
   */
  public Matrix gram(Matrix a) {
    Matrix g = Matrix.zeros(a.cols(), a.cols());
    addGram(g, a);
    return Matrices.mirrorUpper(g);
  }

  /**
   * @param a an m×n matrix
   * @return AAᵀ (m×m), exactly symmetric
   */
  public Matrix outerGram(Matrix a) {
    Matrix g = Matrix.zeros(a.rows(), a.rows());
    kernels.addGram(a.data(), a.cols(), a.rows(), true, g.data(), pool);
    return Matrices.mirrorUpper(g);
  }

  /**
   * Adds the Gram matrix of a block of rows to the upper triangle of an accumulator:
   * G ← G + RᵀR for i ≤ j; the strictly lower triangle is left unspecified (see
   * {@link LinearAlgebraBackend#addGram}).
   *
   * @param accumulator an n×n matrix whose upper triangle is updated in place
   * @param rows an m×n block of rows
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public void addGram(Matrix accumulator, Matrix rows) {
    int n = rows.cols();
    if (accumulator.rows() != n || accumulator.cols() != n) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    kernels.addGram(rows.data(), rows.rows(), n, false, accumulator.data(), pool);
  }
}
