package org.logme.numerics.stats;

import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;

/**
 * Linear discriminant analysis as scikit-learn 1.2's {@code LinearDiscriminantAnalysis} fits
 * it, with its two solvers that also project ({@code transform}). Priors are the class
 * frequencies π_c = n_c/N; μ_c are the class means.
 * <ul>
 *   <li>{@link #eigen} ({@code solver='eigen', shrinkage=s}): S_w = Σ_c π_c·shrunk(Cov₀(X_c)),
 *       S_t = shrunk(Cov₀(X)), shrunk(S) = (1 − s)·S + s·(tr S / D)·I; the generalised
 *       eigenvectors of (S_b = S_t − S_w, S_w), normalised to VᵀS_wV = I and sorted by
 *       decreasing eigenvalue, computed through the Cholesky factor of S_w (S_w = LLᵀ,
 *       eigenvectors W of L⁻¹S_bL⁻ᵀ, V = L⁻ᵀW); coef = μVVᵀ, intercept_c =
 *       −½·(μ coefᵀ)_cc + ln π_c; transform(X) = XV (not centred).</li>
 *   <li>{@link #svd} ({@code solver='svd'}): the within-class deviations scaled column-wise by
 *       their standard deviation (0 → 1) and by (N − C)^−½; their SVD U S Wᵀ keeps the
 *       components with S &gt; tol (absolute) as scalings₁ = W/std/S; the class centres
 *       √(N π_c/(C − 1))·(μ_c − x̄)·scalings₁, x̄ = Σ_c π_c μ_c, have the SVD whose components
 *       with S &gt; tol·S₀ give scalings = scalings₁·V; coef = (μ − x̄)·scalings·scalingsᵀ,
 *       intercept = −½‖(μ_c − x̄)·scalings‖² + ln π_c − x̄·coef_cᵀ;
 *       transform(X) = (X − x̄)·scalings.</li>
 * </ul>
 * Class probabilities are the softmax of X·coefᵀ + intercept (for two classes scikit-learn's
 * logistic form, which is the same function). Eigenvector and singular-vector signs are
 * arbitrary, as in scikit-learn; projections are therefore determined up to the sign of each
 * column.
 *
 * @since 0.2
 */
public final class LinearDiscriminant {
  private final Matrix scalings;
  private final double[] xbar;
  private final Matrix coef;
  private final double[] intercept;
  private final List<String> warnings;

  private LinearDiscriminant(Matrix scalings, double[] xbar, Matrix coef, double[] intercept,
      List<String> warnings) {
    this.scalings = scalings;
    this.xbar = xbar;
    this.coef = coef;
    this.intercept = intercept;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The eigen solver with a fixed shrinkage.
   *
   * @param x the N×D data
   * @param y the class index of each row, 0..C−1, every class present
   * @param classCount C ≥ 2
   * @param shrinkage s in [0, 1]
   * @param backend the linear algebra
   * @return the fitted discriminant
   * @throws org.logme.api.NumericalException if S_w is not positive definite
   */
  public static LinearDiscriminant eigen(Matrix x, int[] y, int classCount, double shrinkage,
      LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    ClassMeans means = ClassMeans.of(x, y, classCount);
    double[] priors = priors(means.counts(), n);
    Matrix sw = Matrix.zeros(d, d);
    for (int c = 0; c < classCount; c++) {
      Matrix shrunk = shrunk(Covariance.of(rowsOf(x, y, c, means.counts()[c]), 0, backend),
          shrinkage);
      double[] s = shrunk.data();
      double[] w = sw.data();
      for (int i = 0; i < w.length; i++) {
        w[i] += priors[c] * s[i];
      }
    }
    Matrix st = shrunk(Covariance.of(x, 0, backend), shrinkage);
    double[] sb = st.data().clone();
    for (int i = 0; i < sb.length; i++) {
      sb[i] -= sw.data()[i];
    }
    Matrix l = backend.cholesky(sw);
    // A = L⁻¹ S_b L⁻ᵀ: (L⁻¹S_b)ᵀ = S_b L⁻ᵀ, then L⁻¹ of that
    Matrix left = backend.solveLowerTriangular(l, Matrix.wrap(d, d, sb));
    Matrix a = backend.solveLowerTriangular(l, left.transpose());
    Matrix symmetric = org.logme.numerics.linalg.Matrices.symmetrized(a);
    SymmetricEigen eig = backend.symmetricEigen(symmetric);
    Matrix v = backend.solve(l.transpose(), eig.vectors());
    Matrix mu = means.means();
    Matrix muV = backend.multiply(mu, v);
    Matrix coef = backend.multiply(muV, v.transpose());
    double[] intercept = new double[classCount];
    for (int c = 0; c < classCount; c++) {
      double q = 0;
      for (int j = 0; j < d; j++) {
        q += mu.get(c, j) * coef.get(c, j);
      }
      intercept[c] = -0.5 * q + Math.log(priors[c]);
    }
    return new LinearDiscriminant(v, new double[d], coef, intercept, eig.warnings());
  }

  /**
   * The SVD solver.
   *
   * @param x the N×D data
   * @param y the class index of each row, 0..C−1, every class present
   * @param classCount C ≥ 2
   * @param tol the rank threshold (scikit-learn's {@code tol}, 1e-4)
   * @param backend the linear algebra
   * @return the fitted discriminant
   */
  public static LinearDiscriminant svd(Matrix x, int[] y, int classCount, double tol,
      LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    ClassMeans means = ClassMeans.of(x, y, classCount);
    double[] priors = priors(means.counts(), n);
    Matrix mu = means.means();
    double[] xbar = new double[d];
    for (int c = 0; c < classCount; c++) {
      for (int j = 0; j < d; j++) {
        xbar[j] += priors[c] * mu.get(c, j);
      }
    }
    // within-class deviations, class by class (the order does not change the SVD)
    Matrix within = Matrix.zeros(n, d);
    double[] xd = x.data();
    int row = 0;
    for (int c = 0; c < classCount; c++) {
      for (int i = 0; i < n; i++) {
        if (y[i] == c) {
          for (int j = 0; j < d; j++) {
            within.set(row, j, xd[i * d + j] - mu.get(c, j));
          }
          row++;
        }
      }
    }
    double[] std = new double[d];
    double[] colMean = Covariance.columnMeans(within);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = within.get(i, j) - colMean[j];
        std[j] += e * e;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / n);
      if (std[j] == 0) {
        std[j] = 1;
      }
    }
    double fac = Math.sqrt(1.0 / (n - classCount));
    double[] wd = within.data();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        wd[i * d + j] = fac * (wd[i * d + j] / std[j]);
      }
    }
    ThinSvd first = backend.thinSvd(within);
    double[] s1 = first.singularValues();
    int rank = 0;
    while (rank < s1.length && s1[rank] > tol) {
      rank++;
    }
    Matrix scalings1 = Matrix.zeros(d, rank);
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < rank; k++) {
        scalings1.set(j, k, first.v().get(j, k) / std[j] / s1[k]);
      }
    }
    double between = classCount == 1 ? 1.0 : 1.0 / (classCount - 1);
    Matrix centres = Matrix.zeros(classCount, d);
    for (int c = 0; c < classCount; c++) {
      double w = Math.sqrt(n * priors[c] * between);
      for (int j = 0; j < d; j++) {
        centres.set(c, j, w * (mu.get(c, j) - xbar[j]));
      }
    }
    ThinSvd second = backend.thinSvd(backend.multiply(centres, scalings1));
    double[] s2 = second.singularValues();
    int rank2 = 0;
    while (rank2 < s2.length && s2[rank2] > tol * s2[0]) {
      rank2++;
    }
    // all class centres equal (rank 0) leaves no direction; keep the first, as a degenerate one
    Matrix scalings = backend.multiply(scalings1, second.v().columns(0, Math.max(rank2, 1)));
    Matrix centred = Matrix.zeros(classCount, d);
    for (int c = 0; c < classCount; c++) {
      for (int j = 0; j < d; j++) {
        centred.set(c, j, mu.get(c, j) - xbar[j]);
      }
    }
    Matrix projected = backend.multiply(centred, scalings);
    Matrix coef = backend.multiply(projected, scalings.transpose());
    double[] intercept = new double[classCount];
    for (int c = 0; c < classCount; c++) {
      double sq = 0;
      for (int k = 0; k < projected.cols(); k++) {
        sq += projected.get(c, k) * projected.get(c, k);
      }
      double shift = 0;
      for (int j = 0; j < d; j++) {
        shift += xbar[j] * coef.get(c, j);
      }
      intercept[c] = -0.5 * sq + Math.log(priors[c]) - shift;
    }
    return new LinearDiscriminant(scalings, xbar, coef, intercept, first.warnings());
  }

  /**
   * @param x data with the fitted columns
   * @param components the number of leading components to keep, at most the available ones
   * @param backend the linear algebra
   * @return scikit-learn's {@code transform(x)[:, :components]}
   */
  public Matrix transform(Matrix x, int components, LinearAlgebraBackend backend) {
    int k = Math.min(components, scalings.cols());
    Matrix shifted = Covariance.minusRow(x, xbar);
    return backend.multiply(shifted, scalings.columns(0, k));
  }

  /**
   * @param x data with the fitted columns
   * @param backend the linear algebra
   * @return the N×C class probabilities
   */
  public Matrix probabilities(Matrix x, LinearAlgebraBackend backend) {
    Matrix logits = backend.multiply(x, coef.transpose());
    int n = logits.rows();
    int c = logits.cols();
    double[] z = logits.data();
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        z[i * c + k] += intercept[k];
        max = Math.max(max, z[i * c + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        z[i * c + k] = Math.exp(z[i * c + k] - max);
        sum += z[i * c + k];
      }
      for (int k = 0; k < c; k++) {
        z[i * c + k] /= sum;
      }
    }
    return logits;
  }

  /** @return the number of projection directions (columns of the scalings) */
  public int components() {
    return scalings.cols();
  }

  /** @return what the backend had to do to fit (fallbacks); empty normally */
  public List<String> warnings() {
    return warnings;
  }

  private static double[] priors(int[] counts, int n) {
    double[] p = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      p[c] = counts[c] / (double) n;
    }
    return p;
  }

  /** (1 − s)·S + s·(tr S / D)·I, scikit-learn's {@code shrunk_covariance}. */
  private static Matrix shrunk(Matrix s, double shrinkage) {
    int d = s.rows();
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += s.get(j, j);
    }
    double mu = trace / d;
    double[] out = s.data().clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= 1 - shrinkage;
    }
    for (int j = 0; j < d; j++) {
      out[j * d + j] += shrinkage * mu;
    }
    return Matrix.wrap(d, d, out);
  }

  private static Matrix rowsOf(Matrix x, int[] y, int c, int count) {
    int d = x.cols();
    Matrix out = Matrix.zeros(count, d);
    int r = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] == c) {
        System.arraycopy(x.data(), i * d, out.data(), r * d, d);
        r++;
      }
    }
    return out;
  }
}
