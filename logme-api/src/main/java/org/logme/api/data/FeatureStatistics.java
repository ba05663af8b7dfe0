package org.logme.api.data;

import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Sufficient statistics of N feature rows for estimators that need no more than second moments:
 * N, the Gram matrix FᵀF, the column sums Fᵀ1 and the cross products FᵀY with the targets
 * (for class labels, Y holds one-vs-rest indicators, so column c is the sum of the rows of class
 * c). They can be accumulated in one pass over row blocks, so their memory, O(D² + D·C), does
 * not grow with N.
 *
 * <p>The cross products belong to one set of targets: the {@link Labels} (columns in class-index
 * order) or {@link Targets} (columns in order) given with them in an
 * {@link org.logme.api.estimator.EstimationInput}.
 *
 * @since 0.1
 */
public final class FeatureStatistics {
  private final int n;
  private final Matrix gram;
  private final double[] columnSums;
  private final Matrix crossProducts;
  private final String origin;

  /**
   * @param n N, the number of rows accumulated (≥ 1)
   * @param gram FᵀF, D×D and symmetric
   * @param columnSums Fᵀ1, length D
   * @param crossProducts FᵀY, D×C
   * @param origin where the features came from, for messages
   * @throws InvalidInputException if the shapes disagree or N &lt; 1
   */
  public FeatureStatistics(int n, Matrix gram, double[] columnSums, Matrix crossProducts,
      String origin) {
    int d = gram.rows();
    if (n < 1 || gram.cols() != d || columnSums.length != d || crossProducts.rows() != d) {
      throw new InvalidInputException(origin + ": inconsistent feature statistics (N=" + n
          + ", Gram " + gram + ", " + columnSums.length + " column sums, cross products "
          + crossProducts + ")");
    }
    this.n = n;
    this.gram = gram;
    this.columnSums = columnSums;
    this.crossProducts = crossProducts;
    this.origin = origin;
  }

  /** @return N */
  public int sampleCount() {
    return n;
  }

  /** @return D */
  public int dimension() {
    return gram.rows();
  }

  /** @return FᵀF (shared, not copied) */
  public Matrix gram() {
    return gram;
  }

  /** @return Fᵀ1 (a copy) */
  public double[] columnSums() {
    return columnSums.clone();
  }

  /** @return FᵀY, D×C (shared, not copied) */
  public Matrix crossProducts() {
    return crossProducts;
  }

  /** @return where the features came from */
  public String origin() {
    return origin;
  }
}
