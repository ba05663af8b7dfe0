package org.logme.api.linalg;

import java.util.List;

/**
 * The eigendecomposition S = V diag(values) Vᵀ of a symmetric matrix.
 *
 * @param values the eigenvalues, sorted in descending order
 * @param vectors the eigenvectors as the orthonormal columns of an n×n matrix, column i
 *     belonging to {@code values[i]} (n×k, the first k only, from
 *     {@link LinearAlgebraBackend#symmetricEigenLeading})
 * @param warnings what the backend had to do to obtain the result (for example a fallback
 *     after a failed decomposition); empty normally
 * @since 0.1
 */
public record SymmetricEigen(double[] values, Matrix vectors, List<String> warnings) {
  /**
   * Copies the warning list, so that the record is immutable.
   *
   * @param values the eigenvalues, sorted in descending order
   * @param vectors the eigenvectors as the orthonormal columns of an n×n matrix, column i
   *     belonging to {@code values[i]} (n×k, the first k only, from
   *     {@link LinearAlgebraBackend#symmetricEigenLeading})
   * @param warnings what the backend had to do to obtain the result (for example a fallback
   *     after a failed decomposition); empty normally
   */
  public SymmetricEigen {
    warnings = List.copyOf(warnings);
  }

  /** @return the order n of the decomposed matrix */
  public int size() {
    return values.length;
  }
}
