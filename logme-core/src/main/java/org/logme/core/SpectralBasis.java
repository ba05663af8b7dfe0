package org.logme.core;

import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;

/**
 * One eigendecomposition of the features, shared by every target column: the non-zero
 * eigenvalues λ₁..λ_k of FᵀF (equal to those of FFᵀ) and the corresponding left singular
 * directions, through which each column's projections x = Uᵀy are obtained.
 *
 * <p>When N ≥ D it decomposes FᵀF = VΛVᵀ (D×D) and gets Uᵀy = Λ^{-1/2}Vᵀ(Fᵀy); when N &lt; D it
 * decomposes FFᵀ = UΛUᵀ (N×N), the smaller and non-degenerate one. Eigenvalues at or below
 * λ_max·n·2⁻⁵² (n the order of the decomposed matrix, the numerical-rank rule of
 * {@code numpy.linalg.matrix_rank}) are treated as zero: their directions carry no signal, only
 * rounding noise, and the evidence is continuous as they go to zero.
 */
final class SpectralBasis {
  private final Matrix features;
  private final boolean outer;
  private final double[] eigenvalues;
  /** V_k (D×k) when N ≥ D, U_k (N×k) when N &lt; D. */
  private final Matrix vectors;
  private final List<String> warnings;

  private SpectralBasis(Matrix features, boolean outer, double[] eigenvalues, Matrix vectors,
      List<String> warnings) {
    this.features = features;
    this.outer = outer;
    this.eigenvalues = eigenvalues;
    this.vectors = vectors;
    this.warnings = warnings;
  }

  static SpectralBasis of(Matrix features, LinearAlgebraBackend backend) {
    boolean outer = features.rows() < features.cols();
    Matrix gram = outer ? backend.outerGram(features) : backend.gram(features);
    SymmetricEigen eig = backend.symmetricEigen(gram);
    double[] values = eig.values();
    int n = values.length;
    double cutoff = Math.max(values[0], 0) * n * Math.ulp(1.0);
    int k = 0;
    while (k < n && values[k] > cutoff) {
      k++;
    }
    double[] kept = java.util.Arrays.copyOf(values, k);
    return new SpectralBasis(features, outer, kept, eig.vectors().columns(0, k), eig.warnings());
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
    return outer;
  }

  /** @return what the backend reported while decomposing */
  List<String> warnings() {
    return warnings;
  }

  /**
   * @param targets the columns y_c
   * @param backend the linear algebra to use
   * @return X (k×C) with X[i][c] = u_iᵀy_c, all columns in one product
   */
  Matrix project(TargetColumns targets, LinearAlgebraBackend backend) {
    if (outer) {
      return targets.transposeTimes(vectors, backend);
    }
    Matrix x = backend.multiplyTransposeA(vectors, targets.transposeTimes(features, backend));
    int c = x.cols();
    double[] d = x.data();
    for (int i = 0; i < eigenvalues.length; i++) {
      double scale = 1 / Math.sqrt(eigenvalues[i]);
      for (int j = 0; j < c; j++) {
        d[i * c + j] *= scale;
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
    if (outer) {
      return backend.multiplyTransposeA(features, backend.multiply(vectors, coefficients));
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
