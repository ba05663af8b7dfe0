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
 * <p>Created without naming the kernels, it chooses them by size ({@link Kernels#forWork}): a
 * whole matrix's Gram matrix by its own multiply-adds, blocks added to a running sum (as
 * streamed statistics add them) by the whole stream's when the caller says how many rows it has,
 * else on the best kernels.
 *
 * @since 0.1
 */
public final class GramKernel {
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
    return bySize ? Kernels.forWork((long) m * r * r / 2) : kernels;
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
    addGram(accumulator, rows, kernels);
  }

  /**
   * As {@link #addGram(Matrix, Matrix)}, for one block of a stream of a known number of rows:
   * the kernels are chosen by the whole stream's N·n²/2 multiply-adds.
   *
   * @param accumulator an n×n matrix whose upper triangle is updated in place
   * @param rows an m×n block of rows
   * @param streamRows N, the rows of the whole stream
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public void addGram(Matrix accumulator, Matrix rows, long streamRows) {
    addGram(accumulator, rows, kernelsForStream(streamRows, rows.cols()));
  }

  /**
   * @param streamRows the rows of a whole stream
   * @param r the size of the result
   * @return the kernels for each block of the stream: by its N·r²/2 multiply-adds
   */
  Kernels kernelsForStream(long streamRows, int r) {
    return bySize ? Kernels.forWork(streamRows * r * r / 2) : kernels;
  }

  private void addGram(Matrix accumulator, Matrix rows, Kernels loops) {
    int n = rows.cols();
    if (accumulator.rows() != n || accumulator.cols() != n) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    loops.addGram(rows.data(), rows.rows(), n, false, accumulator.data(), pool);
  }
}
