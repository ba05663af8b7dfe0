package org.logme.core;

import java.util.Arrays;
import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;

/**
 * The spectrum LogME's evidence needs, without eigenvectors: the k non-zero eigenvalues of FᵀF
 * and the projections X (k×C) of the target columns on the left singular vectors of F, from
 * {@link LinearAlgebraBackend#symmetricEigenProjection}. From FᵀF (D×D) the projections are
 * Λ^{-1/2}·Vᵀ(FᵀY); from FFᵀ (N×N, when N &lt; D) they are UᵀY directly. The rank rule is
 * {@link SpectralBasis#rank}'s.
 *
 * @param eigenvalues λ₁ ≥ … ≥ λ_k &gt; 0
 * @param x the projections, k×C
 * @param outerGram true if FFᵀ was decomposed
 * @param warnings what the backend reported
 */
record Projections(double[] eigenvalues, Matrix x, boolean outerGram, List<String> warnings) {

  /** From FᵀF and FᵀY. */
  static Projections ofGram(Matrix gram, Matrix crossProducts, LinearAlgebraBackend backend) {
    SpectralProjection sp = backend.symmetricEigenProjection(gram, crossProducts);
    int k = SpectralBasis.rank(sp.values());
    double[] lambda = Arrays.copyOf(sp.values(), k);
    Matrix x = SpectralBasis.leftProjections(sp.projections(), lambda);
    return new Projections(lambda, x, false, sp.warnings());
  }

  /** From FFᵀ and the target columns themselves (N &lt; D, features in memory). */
  static Projections ofOuterGram(Matrix features, Matrix targets, LinearAlgebraBackend backend) {
    SpectralProjection sp = backend.symmetricEigenProjection(backend.outerGram(features), targets);
    int k = SpectralBasis.rank(sp.values());
    return new Projections(Arrays.copyOf(sp.values(), k), sp.projections().rows(0, k), true,
        sp.warnings());
  }
}
