package org.logme.core;

import java.util.Arrays;
import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;

/**
 * One eigendecomposition of the features, shared by every target column: the non-zero
 * eigenvalues λ₁..λ_k of FᵀF (equal to those of FFᵀ) and the corresponding singular
 * directions, through which each column's projections x = Uᵀy are obtained.
 *
 * <p>From the Gram matrix FᵀF = VΛVᵀ (D×D) the projections are Uᵀy = Λ^{-1/2}Vᵀ(Fᵀy), so only
 * FᵀY is needed, which is what makes streaming possible. When N &lt; D and F is in memory,
 * FFᵀ = UΛUᵀ (N×N) is decomposed instead: the smaller and non-degenerate matrix. Eigenvalues at
 * or below λ_max·n·2⁻⁵² (n the order of the decomposed matrix, the numerical-rank rule of
 * {@code numpy.linalg.matrix_rank}) are treated as zero: their directions carry rounding noise,
 * not signal, and the evidence is continuous as they vanish.
 */
final class SpectralBasis {
  /** F when the outer Gram matrix was decomposed, else null. */
  private final Matrix outerFeatures;
  private final double[] eigenvalues;
  /** V_k (D×k) from FᵀF, or U_k (N×k) from FFᵀ. */
  private final Matrix vectors;
  private final List<String> warnings;

  private SpectralBasis(Matrix outerFeatures, SymmetricEigen eig) {
    int k = rank(eig.values());
    this.outerFeatures = outerFeatures;
    this.eigenvalues = Arrays.copyOf(eig.values(), k);
    this.vectors = eig.vectors().columns(0, k);
    this.warnings = eig.warnings();
  }

  /**
   * The numerical rank: how many of the descending eigenvalues of a Gram matrix exceed
   * λ_max·n·2⁻⁵².
   */
  static int rank(double[] values) {
    int n = values.length;
    double cutoff = Math.max(values[0], 0) * n * Math.ulp(1.0);
    int k = 0;
    while (k < n && values[k] > cutoff) {
      k++;
    }
    return k;
  }

  /** Decomposes a Gram matrix FᵀF. */
  static SpectralBasis ofGram(Matrix gram, LinearAlgebraBackend backend) {
    return new SpectralBasis(null, backend.symmetricEigen(gram));
  }

  /** Decomposes FFᵀ of in-memory features (the cheaper choice when N &lt; D). */
  static SpectralBasis ofOuterGram(Matrix features, LinearAlgebraBackend backend) {
    return new SpectralBasis(features, backend.symmetricEigen(backend.outerGram(features)));
  }

  /** @return k, the numerical rank of the features */
  int rank() {
    return eigenvalues.length;
  }

  /** @return λ₁ ≥ … ≥ λ_k &gt; 0 */
  double[] eigenvalues() {
    return eigenvalues;
  }

  /** @return true if FFᵀ (N×N) was decomposed rather than FᵀF (D×D) */
  boolean usesOuterGram() {
    return outerFeatures != null;
  }

  /** @return what the backend reported while decomposing */
  List<String> warnings() {
    return warnings;
  }

  /**
   * @param crossProducts FᵀY (D×C), used with a Gram-matrix basis
   * @param targets the columns y_c, used with an outer-Gram basis
   * @param backend the linear algebra to use
   * @return X (k×C) with X[i][c] = u_iᵀy_c, all columns in one product
   */
  Matrix project(Matrix crossProducts, TargetColumns targets, LinearAlgebraBackend backend) {
    if (outerFeatures != null) {
      return targets.transposeTimes(vectors, backend);
    }
    return leftProjections(backend.multiplyTransposeA(vectors, crossProducts), eigenvalues);
  }

  /**
   * The projections Uᵀy of the targets on the left singular vectors, from their projections
   * Vᵀ(Fᵀy) on the eigenvectors of FᵀF: since uᵢ = Fvᵢ/√λᵢ, row i is divided by √λᵢ. The one
   * place the Λ^{-1/2} scaling is written.
   *
   * @param eigenProjections VᵀFᵀY, with at least k rows (rows beyond k are dropped)
   * @param lambda the k non-zero eigenvalues
   * @return X, k×C
   */
  static Matrix leftProjections(Matrix eigenProjections, double[] lambda) {
    int c = eigenProjections.cols();
    Matrix x = Matrix.zeros(lambda.length, c);
    for (int i = 0; i < lambda.length; i++) {
      double scale = 1 / Math.sqrt(lambda[i]);
      for (int j = 0; j < c; j++) {
        x.set(i, j, eigenProjections.get(i, j) * scale);
      }
    }
    return x;
  }

  /**
   * Maps coefficients in the basis to weights in feature space: with W[i][c] = x_ic/(t_c + λᵢ),
   * the posterior mean of column c is m_c = Σᵢ vᵢ·√λᵢ·W[i][c], where vᵢ = Fᵀuᵢ/√λᵢ.
   *
   * @param coefficients W, k×C
   * @param backend the linear algebra to use
   * @return the weights M, D×C
   */
  Matrix weights(Matrix coefficients, LinearAlgebraBackend backend) {
    if (outerFeatures != null) {
      return backend.multiplyTransposeA(outerFeatures, backend.multiply(vectors, coefficients));
    }
    Matrix scaled = coefficients.copy();
    int c = scaled.cols();
    double[] d = scaled.data();
    for (int i = 0; i < eigenvalues.length; i++) {
      double root = Math.sqrt(eigenvalues[i]);
      for (int j = 0; j < c; j++) {
        d[i * c + j] *= root;
      }
    }
    return backend.multiply(vectors, scaled);
  }
}
