package org.logme.api.linalg;

/**
 * Dense linear algebra in double precision, as LogME and the baseline estimators need it.
 *
 * <p>Implementations must not modify their arguments and must return new matrices. They are
 * stateless and safe to call from several threads. Every implementation passes the shared
 * contract suite, which pins down the post-conditions below.
 *
 * @since 0.1
 */
public interface LinearAlgebraBackend {

  /** @return the name users select the backend by, for example {@code "ejml"} */
  String name();

  /**
   * The Gram matrix AᵀA.
   *
   * @param a an m×n matrix
   * @return the n×n matrix AᵀA, exactly symmetric
   */
  Matrix gram(Matrix a);

  /**
   * The outer Gram matrix AAᵀ, the cheaper one to decompose when A has fewer rows than columns.
   *
   * @param a an m×n matrix
   * @return the m×m matrix AAᵀ, exactly symmetric
   */
  Matrix outerGram(Matrix a);

  /**
   * The threads this backend's kernels run on, which callers may match with their own work
   * around the kernels (streamed statistics split their passes over each block into as many
   * parts).
   *
   * @return at least 1; 1 by default
   */
  default int threads() {
    return 1;
  }

  /**
   * Accumulates a Gram matrix block by block, for data streamed in row blocks: adds RᵀR to the
   * upper triangle (i ≤ j) of the accumulator; the strictly lower triangle is left unspecified,
   * so that each block costs no more than its products. After the last block, make the result
   * symmetric by copying the upper triangle onto the lower one. The default adds {@link #gram(Matrix)} of the
   * block; backends override it with an in-place update.
   *
   * @param accumulator an n×n matrix whose upper triangle is updated in place
   * @param rows an m×n block of rows
   * @throws IllegalArgumentException if the shapes do not fit
   */
  default void addGram(Matrix accumulator, Matrix rows) {
    int n = rows.cols();
    if (accumulator.rows() != n || accumulator.cols() != n) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    double[] block = gram(rows).data();
    double[] acc = accumulator.data();
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        acc[i * n + j] += block[i * n + j];
      }
    }
  }

  /**
   * As {@link #addGram(Matrix, Matrix)}, for one block of a stream whose number of rows is known
   * from the start (a file's header says it): a backend may choose its loops for the whole
   * stream rather than for one block (the pure-Java backends: their scalar kernels when the
   * stream's N·n²/2 multiply-adds are fewer than 2³⁰, where warming up the JIT's vector code
   * costs more than it saves). The default ignores the number.
   *
   * @param accumulator an n×n matrix whose upper triangle is updated in place
   * @param rows an m×n block of rows
   * @param streamRows N, the rows of the whole stream
   * @throws IllegalArgumentException if the shapes do not fit
   */
  default void addGram(Matrix accumulator, Matrix rows, long streamRows) {
    addGram(accumulator, rows);
  }

  /**
   * @param a an m×k matrix
   * @param b a k×n matrix
   * @return the m×n product AB
   * @throws IllegalArgumentException if the inner dimensions differ
   */
  Matrix multiply(Matrix a, Matrix b);

  /**
   * @param a a k×m matrix
   * @param b a k×n matrix
   * @return the m×n product AᵀB, without forming Aᵀ
   * @throws IllegalArgumentException if the row counts differ
   */
  Matrix multiplyTransposeA(Matrix a, Matrix b);

  /**
   * Eigendecomposition of a symmetric matrix. Must succeed for every finite symmetric input,
   * including singular and rank-deficient ones; a backend whose primary algorithm fails falls
   * back to another and says so in {@link SymmetricEigen#warnings()}.
   *
   * @param s a symmetric n×n matrix (only symmetric inputs are meaningful; the backend may
   *     read either triangle)
   * @return eigenvalues in descending order with orthonormal eigenvectors
   * @throws IllegalArgumentException if s is not square
   */
  SymmetricEigen symmetricEigen(Matrix s);

  /**
   * Eigenvalues of a symmetric matrix with the projections VᵀB of a block of vectors on its
   * eigenvectors, for computations that need no more (such as LogME's evidence). The default
   * takes a full {@link #symmetricEigen}; backends may avoid forming the eigenvectors.
   *
   * @param s a symmetric n×n matrix
   * @param b an n×m block of vectors
   * @return the eigenvalues, descending, and VᵀB (n×m; each row's sign is arbitrary)
   */
  default SpectralProjection symmetricEigenProjection(Matrix s, Matrix b) {
    SymmetricEigen eig = symmetricEigen(s);
    return new SpectralProjection(eig.values(), multiplyTransposeA(eig.vectors(), b),
        eig.warnings());
  }

  /**
   * All eigenvalues of a symmetric matrix with the eigenvectors of the k largest, for
   * computations that keep a few components (a PCA to k dimensions). The default takes a full
   * {@link #symmetricEigen} and keeps its first k columns; a backend may compute only those
   * (the pure-Java backends: inverse iteration on the tridiagonal form, about 4/3·n³ operations
   * instead of ≈ 9n³).
   *
   * @param s a symmetric n×n matrix
   * @param k how many leading eigenvectors, 0..n
   * @return the n eigenvalues, descending, with the eigenvectors of the first k as the orthonormal
   *     columns of an n×k matrix (each one's sign is arbitrary; for a repeated eigenvalue, any
   *     orthonormal basis of its eigenspace)
   * @throws IllegalArgumentException if s is not square or k is outside 0..n
   */
  default SymmetricEigen symmetricEigenLeading(Matrix s, int k) {
    if (s.rows() != s.cols() || k < 0 || k > s.rows()) {
      throw new IllegalArgumentException("cannot take " + k + " leading eigenvectors of " + s);
    }
    SymmetricEigen eig = symmetricEigen(s);
    return k == s.rows() ? eig
        : new SymmetricEigen(eig.values(), eig.vectors().columns(0, k), eig.warnings());
  }

  /**
   * Thin singular value decomposition.
   *
   * @param a an m×n matrix
   * @return U (m×k), s (k, descending, ≥ 0) and V (n×k) with k = min(m, n)
   */
  ThinSvd thinSvd(Matrix a);

  /**
   * Solves AX = B for a square non-singular A.
   *
   * @param a an n×n matrix
   * @param b an n×m right-hand side
   * @return X, n×m
   * @throws org.logme.api.NumericalException if A is singular to working precision
   * @throws IllegalArgumentException if the shapes do not fit
   */
  Matrix solve(Matrix a, Matrix b);

  /**
   * The Moore–Penrose pseudo-inverse with a relative cut-off, as {@code numpy.linalg.pinv(a,
   * rcond)} computes it: from the thin SVD A = U diag(σ) Vᵀ, A⁺ = V diag(σ⁺) Uᵀ where
   * σ⁺ᵢ = 1/σᵢ if σᵢ &gt; rcond·σ_max and 0 otherwise.
   *
   * @param a an m×n matrix
   * @param rcond the relative cut-off, ≥ 0 (numpy's default is 1e-15)
   * @return the n×m pseudo-inverse; zero if A is zero
   * @throws IllegalArgumentException if rcond is negative or not finite
   * @since 0.1
   */
  default Matrix pseudoInverse(Matrix a, double rcond) {
    if (!(rcond >= 0) || !Double.isFinite(rcond)) {
      throw new IllegalArgumentException("rcond must be a finite number >= 0, not " + rcond);
    }
    ThinSvd svd = thinSvd(a);
    double[] s = svd.singularValues();
    double cutoff = s.length == 0 ? 0 : rcond * s[0];
    Matrix scaledV = svd.v().copy();
    int n = scaledV.rows();
    int k = scaledV.cols();
    double[] v = scaledV.data();
    for (int j = 0; j < k; j++) {
      double inverse = s[j] > cutoff ? 1.0 / s[j] : 0.0;
      for (int i = 0; i < n; i++) {
        v[i * k + j] *= inverse;
      }
    }
    return multiply(scaledV, svd.u().transpose());
  }

  /**
   * The Cholesky factor of a symmetric positive-definite matrix (the upper triangle is ignored).
   *
   * @param s a symmetric positive-definite n×n matrix
   * @return the lower-triangular L with S = LLᵀ and a positive diagonal (new matrix, zeros
   *     above the diagonal)
   * @throws org.logme.api.NumericalException if S is not positive definite to working precision,
   *     or holds NaN or an infinity in its lower triangle
   * @throws IllegalArgumentException if s is not square
   * @since 0.1
   */
  Matrix cholesky(Matrix s);

  /**
   * Solves LX = B by forward substitution for a lower-triangular L with a non-zero diagonal
   * (entries above the diagonal are ignored).
   *
   * @param l an n×n lower-triangular matrix
   * @param b an n×m right-hand side
   * @return X, n×m (new matrix)
   * @throws IllegalArgumentException if the shapes do not fit
   * @throws org.logme.api.NumericalException if a diagonal entry of L is zero
   * @since 0.1
   */
  Matrix solveLowerTriangular(Matrix l, Matrix b);

  /**
   * Runs {@code body} once for every task index 0..tasks−1 and returns when all have run, in
   * parallel on the threads this backend computes with, so that an estimator's own loops (a
   * Gaussian mixture's responsibilities, blocks of pairwise distances) honour the same thread
   * limit as its products. The tasks must be independent and may run in any order, so their
   * results must not depend on it. The default runs them here, one after another, when
   * {@link #threads()} is 1 or there is one task; on the common fork-join pool when
   * {@link #threads()} covers every processor; else on a pool of {@link #threads()} threads
   * made for the call. The pure-Java backends use the threads they were created with.
   *
   * @param tasks the number of tasks, ≥ 0
   * @param body the work of one task
   * @since 0.2
   */
  default void forEachTask(int tasks, java.util.function.IntConsumer body) {
    int threads = threads();
    if (threads < 2 || tasks < 2) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
      return;
    }
    if (threads >= Runtime.getRuntime().availableProcessors()) {
      java.util.stream.IntStream.range(0, tasks).parallel().forEach(body);
      return;
    }
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
    try {
      pool.submit(() -> java.util.stream.IntStream.range(0, tasks).parallel().forEach(body))
          .join();
    } finally {
      pool.shutdown();
    }
  }
}
