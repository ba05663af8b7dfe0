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
 * <p>Created without naming the kernels, it computes a whole matrix's Gram matrix of fewer than
 * {@value #VECTOR_WORK} multiply-adds on the scalar kernels (blocks added to a running sum, as
 * streamed statistics add them, always run on the best kernels: their total is not known): in a fresh JVM the Vector API's
 * code runs slowly (and allocates) until the JIT has compiled it, which costs more than such a
 * product saves (measured at 5000×512: a cold first call 0.78 s against the scalar 0.37 s,
 * warm 0.13 s against 0.23 s).
 *
 * @since 0.1
 */
public final class GramKernel {
  /** Products below this many multiply-adds run on the scalar kernels unless told otherwise. */
  static final long VECTOR_WORK = 1L << 30;
  private final ForkJoinPool pool;
  private final Kernels kernels;
  private final boolean bySize;

  /**
   * @param pool the threads to use, or null to run on the calling thread only
   */
  public GramKernel(ForkJoinPool pool) {
    this(pool, Kernels.best(), true);
  }

  /**
   * @param pool the threads to use, or null to run on the calling thread only
   * @param kernels the loops to run, whatever the size
   */
  public GramKernel(ForkJoinPool pool, Kernels kernels) {
    this(pool, kernels, false);
  }

  private GramKernel(ForkJoinPool pool, Kernels kernels, boolean bySize) {
    this.pool = pool;
    this.kernels = kernels;
    this.bySize = bySize;
  }

  /**
   * @param m the length of each sum
   * @param r the size of the result
   * @return the kernels for a product of m·r²/2 multiply-adds
   */
  Kernels kernelsFor(int m, int r) {
    return bySize && (long) m * r * r / 2 < VECTOR_WORK ? Kernels.scalar() : kernels;
  }

  /**
   * @param a an m×n matrix
   * @return AᵀA (n×n), exactly symmetric
   */
  public Matrix gram(Matrix a) {
    Matrix g = Matrix.zeros(a.cols(), a.cols());
    kernelsFor(a.rows(), a.cols()).addGram(a.data(), a.rows(), a.cols(), false, g.data(), pool);
    return Matrices.mirrorUpper(g);
  }

  /**
   * @param a an m×n matrix
   * @return AAᵀ (m×m), exactly symmetric
   */
  public Matrix outerGram(Matrix a) {
    Matrix g = Matrix.zeros(a.rows(), a.rows());
    kernelsFor(a.cols(), a.rows()).addGram(a.data(), a.cols(), a.rows(), true, g.data(), pool);
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
