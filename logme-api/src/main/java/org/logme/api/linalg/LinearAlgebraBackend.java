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
   * Accumulates a Gram matrix block by block, for data streamed in row blocks: G ← G + RᵀR.
   * The default adds {@link #gram(Matrix)} of the block; backends override it with an in-place
   * update.
   *
   * @param accumulator a symmetric n×n matrix, updated in place and left exactly symmetric
   * @param rows an m×n block of rows
   * @throws IllegalArgumentException if the shapes do not fit
   */
  default void addGram(Matrix accumulator, Matrix rows) {
    if (accumulator.rows() != rows.cols() || accumulator.cols() != rows.cols()) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    double[] block = gram(rows).data();
    double[] acc = accumulator.data();
    for (int i = 0; i < acc.length; i++) {
      acc[i] += block[i];
    }
    Matrices.mirrorUpper(accumulator);
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
}
