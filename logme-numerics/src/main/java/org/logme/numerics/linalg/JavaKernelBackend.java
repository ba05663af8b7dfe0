package org.logme.numerics.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;

/**
 * Base of the pure-Java backends: the two hot spots of LogME — Gram matrices and eigenvalues
 * with projections — run on logme's multi-threaded kernels ({@link GramKernel},
 * {@link TridiagonalEigen}), Cholesky factors and triangular solves on {@link Cholesky}; a
 * subclass supplies products and decompositions from its library.
 *
 * @since 0.1
 */
public abstract class JavaKernelBackend implements LinearAlgebraBackend {
  /** Up to n/LEADING_SHARE leading eigenvectors are found by inverse iteration. */
  static final int LEADING_SHARE = 8;
  private final GramKernel gramKernel;
  private final TridiagonalEigen projections;
  private final int threads;
  private final ForkJoinPool pool;

  /**
   * @param threads the most threads the kernels may use (1: the calling thread only)
   */
  protected JavaKernelBackend(int threads) {
    this.threads = Math.max(1, threads);
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    this.gramKernel = new GramKernel(pool);
    this.projections = new TridiagonalEigen(pool);
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public Matrix gram(Matrix a) {
    return gramKernel.gram(a);
  }

  @Override
  public Matrix outerGram(Matrix a) {
    return gramKernel.outerGram(a);
  }

  @Override
  public void addGram(Matrix accumulator, Matrix rows) {
    gramKernel.addGram(accumulator, rows);
  }

  /** On the kernels the whole stream's size calls for ({@link GramKernel#addGram}). */
  @Override
  public void addGram(Matrix accumulator, Matrix rows, long streamRows) {
    gramKernel.addGram(accumulator, rows, streamRows);
  }

  /**
   * Householder tridiagonalisation and implicit QR ({@link TridiagonalEigen}), which never
   * forms the eigenvectors; falls back to this backend's full {@link #symmetricEigen} in the rare
   * case the QR iteration does not converge.
   */
  @Override
  public SpectralProjection symmetricEigenProjection(Matrix s, Matrix b) {
    return projections.decompose(s, b, this);
  }

  /**
   * For up to an eighth of the vectors (a PCA to 64 dimensions of 512 or more features):
   * Householder tridiagonalisation, QR for the eigenvalues and inverse iteration for the k
   * vectors ({@link TridiagonalEigen#leading}), falling back to this backend's full
   * {@link #symmetricEigen} in the rare case the QR iteration does not converge. For more, the
   * full decomposition: a decaying spectrum puts most eigenvalues within 10⁻³·‖S‖ of each other,
   * one cluster whose reorthogonalisation grows as k²·n (for k = n = 1024 inverse iteration took
   * 2.7 s against the full decomposition's 1.8 s).
   */
  @Override
  public SymmetricEigen symmetricEigenLeading(Matrix s, int k) {
    if ((long) k * LEADING_SHARE > s.rows()) {
      return LinearAlgebraBackend.super.symmetricEigenLeading(s, k);
    }
    return projections.leading(s, k, this);
  }

  @Override
  public Matrix cholesky(Matrix s) {
    return Cholesky.factor(s);
  }

  @Override
  public Matrix solveLowerTriangular(Matrix l, Matrix b) {
    return Cholesky.solveLower(l, b);
  }

  /** On the kernels' threads; on the calling thread alone when created with one thread. */
  @Override
  public void forEachTask(int tasks, IntConsumer body) {
    if (pool == null || tasks < 2) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
  }
}
