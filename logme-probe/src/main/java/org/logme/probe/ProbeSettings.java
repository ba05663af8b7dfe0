package org.logme.probe;

import java.util.List;
import java.util.Locale;

/**
 * How the probe is trained and cross-validated.
 *
 * <p>The probe is L2-regularised logistic regression, one-vs-rest, minimising for each class
 * ½‖w‖² + C Σᵢ log(1 + exp(−yᵢ wᵀxᵢ)) over the features with a constant bias feature appended
 * (so the intercept is regularised too), by LIBLINEAR's trust-region Newton method to a
 * relative gradient tolerance. These are the defaults of scikit-learn's
 * {@code LogisticRegression(solver='liblinear')}: the same algorithm and stopping rule, so the
 * accuracies agree with it on the same folds. scikit-learn's default solver (lbfgs, multinomial,
 * unregularised intercept) fits a slightly different model; on the shipped tasks its
 * accuracies are within 0.02 at C = 1.
 *
 * @param folds k of the outer k-fold cross-validation (≥ 2)
 * @param seed the seed of the stratified folds
 * @param grid the values of C the probe is evaluated at, increasing
 * @param reported the C whose accuracy is the ground truth ({@code accuracy.csv}); one of the grid
 * @param tolerance LIBLINEAR's stopping tolerance (scikit-learn's {@code tol})
 * @param bias the value of the constant feature that carries the intercept
 *     (scikit-learn's {@code intercept_scaling})
 * @since 0.2
 */
public record ProbeSettings(int folds, long seed, List<Double> grid, double reported,
    double tolerance, double bias) {

  /**
   * Rejects (IllegalArgumentException) a value out of the ranges above.
   *
   * @param folds k of the outer k-fold cross-validation (≥ 2)
   * @param seed the seed of the stratified folds
   * @param grid the values of C the probe is evaluated at, increasing
   * @param reported the C whose accuracy is the ground truth ({@code accuracy.csv}); one of the grid
   * @param tolerance LIBLINEAR's stopping tolerance (scikit-learn's {@code tol})
   * @param bias the value of the constant feature that carries the intercept
   *     (scikit-learn's {@code intercept_scaling})
   */
  public ProbeSettings {
    grid = List.copyOf(grid);
    if (folds < 3) {
      throw new IllegalArgumentException("the probe needs at least 3 folds (the nested"
          + " cross-validation uses the other k-1 as its inner folds), got " + folds);
    }
    if (grid.isEmpty() || !grid.contains(reported)) {
      throw new IllegalArgumentException("the reported C " + reported + " is not in the grid "
          + grid);
    }
    for (int i = 0; i < grid.size(); i++) {
      if (!(grid.get(i) > 0) || (i > 0 && grid.get(i) <= grid.get(i - 1))) {
        throw new IllegalArgumentException("the grid of C must be positive and increasing: "
            + grid);
      }
    }
    if (!(tolerance > 0) || !(bias > 0)) {
      throw new IllegalArgumentException("tolerance and bias must be positive");
    }
  }

  /** @return 5 folds, seed 0, C ∈ {0.1, 1, 10} with C = 1 reported, tol 1e-4 */
  public static ProbeSettings defaults() {
    return new ProbeSettings(5, 0, List.of(0.1, 1.0, 10.0), 1.0, 1e-4, 1.0);
  }

  /**
   * @param folds k
   * @param seed the seed
   * @return these settings with another k and seed
   */
  public ProbeSettings withFolds(int folds, long seed) {
    return new ProbeSettings(folds, seed, grid, reported, tolerance, bias);
  }

  /** @return one line for reports: the probe and how to reproduce it in Python */
  public String describe() {
    return String.format(Locale.ROOT, "logistic regression (L2, C=%s, one-vs-rest, intercept as"
        + " a bias feature %s; LIBLINEAR %s, tol %s) with %d-fold stratified cross-validation,"
        + " seed %d: scikit-learn's cross_val_score(LogisticRegression(solver='liblinear',"
        + " C=%s%s), X, y, cv=PredefinedSplit(folds)).mean()", c(reported), c(bias),
        LinearProbe.LIBLINEAR_VERSION, c(tolerance), folds, seed, c(reported),
        tolerance == 1e-4 ? "" : ", tol=" + c(tolerance));
  }

  /**
   * @param value a value of C or of the tolerance
   * @return the value as users write it: 0.1, 1, 10, 0.0001
   */
  public static String c(double value) {
    return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros()
        .toPlainString();
  }
}
