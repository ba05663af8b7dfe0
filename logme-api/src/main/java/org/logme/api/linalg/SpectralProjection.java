package org.logme.api.linalg;

import java.util.List;

/**
 * The eigenvalues of a symmetric matrix S = VΛVᵀ with the projections VᵀB of a block of
 * vectors B on its eigenvectors, without the eigenvectors themselves: all that quantities of the
 * form Σᵢ f(λᵢ)·(vᵢᵀb)² need. The sign of each row of the projections is arbitrary, as the
 * sign of an eigenvector is.
 *
 * @param values the eigenvalues, descending
 * @param projections VᵀB, n×m: row i is the projection of every column of B on eigenvector i
 * @param warnings what the backend had to do to obtain the result; empty normally
 * @since 0.1
 */
public record SpectralProjection(double[] values, Matrix projections, List<String> warnings) {
  /**
   * Copies the warning list, so that the record is immutable.
   *
   * @param values the eigenvalues, descending
   * @param projections VᵀB, n×m: row i is the projection of every column of B on eigenvector i
   * @param warnings what the backend had to do to obtain the result; empty normally
   */
  public SpectralProjection {
    warnings = List.copyOf(warnings);
  }
}
