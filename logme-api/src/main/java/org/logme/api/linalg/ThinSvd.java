package org.logme.api.linalg;

import java.util.List;

/**
 * The thin singular value decomposition A = U diag(s) Vᵀ of an m×n matrix, with
 * k = min(m, n).
 *
 * @param u the left singular vectors, m×k with orthonormal columns
 * @param singularValues the k singular values, non-negative and in descending order
 * @param v the right singular vectors, n×k with orthonormal columns
 * @param warnings what the backend had to do to obtain the result; empty normally
 * @since 0.1
 */
public record ThinSvd(Matrix u, double[] singularValues, Matrix v, List<String> warnings) {
  /**
   * Copies the warning list, so that the record is immutable.
   *
   * @param u the left singular vectors, m×k with orthonormal columns
   * @param singularValues the k singular values, non-negative and in descending order
   * @param v the right singular vectors, n×k with orthonormal columns
   * @param warnings what the backend had to do to obtain the result; empty normally
   */
  public ThinSvd {
    warnings = List.copyOf(warnings);
  }
}
