package org.logme.numerics.stats;

import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;

/**
 * Principal component analysis of an N×D data matrix whose rows are samples.
 *
 * <p>{@link #fit} is the exact PCA: it centres the data and decomposes the smaller of the two
 * Gram matrices (X̄ᵀX̄ when N ≥ D, X̄X̄ᵀ otherwise), whose eigenvalues are the squared singular
 * values σ² of X̄. {@link #randomizedScores} reproduces scikit-learn's
 * {@code PCA(svd_solver='randomized')} (Halko, Martinsson &amp; Tropp, SIAM Review 53(2), 2011)
 * step by step, random draws included.
 *
 * <p>Scores follow scikit-learn's sign convention ({@code svd_flip} on U): each component's
 * score column has its largest-magnitude entry positive (the first one on ties).
 *
 * @since 0.1
 */
public final class Pca {
  private final Matrix centred;
  private final double[] squaredSingularValues;
  private final Matrix vectors;
  private final boolean outer;
  private final List<String> warnings;

  private Pca(Matrix centred, double[] squaredSingularValues, Matrix vectors, boolean outer,
      List<String> warnings) {
    this.centred = centred;
    this.squaredSingularValues = squaredSingularValues;
    this.vectors = vectors;
    this.outer = outer;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The exact PCA.
   *
   * @param x an N×D matrix (not modified)
   * @param backend the linear algebra
   * @return the fitted decomposition
   */
  public static Pca fit(Matrix x, LinearAlgebraBackend backend) {
    return fit(x, Math.min(x.rows(), x.cols()), backend);
  }

  /**
   * The exact PCA keeping only the leading components' directions (all variances are still
   * known): the backend computes those eigenvectors alone
   * ({@link LinearAlgebraBackend#symmetricEigenLeading}), which on the pure-Java backends costs
   * a fraction of the full decomposition. {@link #scores} then takes at most that many.
   *
   * <p>Example: {@code Pca.fit(x, 64, backend).scores(64, backend)} reduces x to 64
   * dimensions, as GBC does.
   *
   * @param x an N×D matrix (not modified)
   * @param components how many components' directions to keep, 1..min(N, D)
   * @param backend the linear algebra
   * @return the fitted decomposition
   */
  public static Pca fit(Matrix x, int components, LinearAlgebraBackend backend) {
    int rank = Math.min(x.rows(), x.cols());
    if (components < 1 || components > rank) {
      throw new IllegalArgumentException("cannot keep " + components + " of " + rank
          + " components");
    }
    Matrix centred = Covariance.centred(x);
    boolean outer = x.rows() < x.cols();
    SymmetricEigen eig = backend.symmetricEigenLeading(outer ? backend.outerGram(centred)
        : backend.gram(centred), components);
    double[] values = eig.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(0, values[i]);
    }
    return new Pca(centred, values, eig.vectors(), outer, eig.warnings());
  }

  /**
   * @return what the backend had to do to decompose the data (for example a fallback after a
   *     failed eigendecomposition), for the estimator's result; empty normally
   */
  public List<String> warnings() {
    return warnings;
  }

  /** @return the number of components available, min(N, D) */
  public int rank() {
    return squaredSingularValues.length;
  }

  /** @return the variance along each component, σ²/(N − 1), descending (a copy) */
  public double[] explainedVariance() {
    double[] out = squaredSingularValues.clone();
    int divisor = Math.max(1, centred.rows() - 1);
    for (int i = 0; i < out.length; i++) {
      out[i] /= divisor;
    }
    return out;
  }

  /** @return each component's share of the total variance, σᵢ²/Σσ² (zeros for zero data) */
  public double[] explainedVarianceRatio() {
    double total = 0;
    for (double v : squaredSingularValues) {
      total += v;
    }
    double[] out = squaredSingularValues.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = total == 0 ? 0 : out[i] / total;
    }
    return out;
  }

  /**
   * The number of components scikit-learn keeps for {@code PCA(n_components=ratio)}: the
   * smallest k whose cumulative explained-variance ratio is strictly greater than the ratio
   * ({@code searchsorted(cumsum, ratio, side='right') + 1}), at most {@link #rank()}.
   *
   * @param ratio a fraction in (0, 1)
   * @return k
   */
  public int componentsFor(double ratio) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("a variance ratio must be in (0, 1), not " + ratio);
    }
    double[] r = explainedVarianceRatio();
    double cumulative = 0;
    int atMost = 0;
    for (double v : r) {
      cumulative += v;
      if (cumulative <= ratio) {
        atMost++;
      } else {
        break;
      }
    }
    return Math.min(rank(), atMost + 1);
  }

  /**
   * @param k the number of components, 1..{@link #rank()}
   * @param backend the linear algebra
   * @return the N×k scores X̄V_k (= U_k·diag(σ_k)), sign convention applied
   */
  public Matrix scores(int k, LinearAlgebraBackend backend) {
    if (k < 1 || k > rank()) {
      throw new IllegalArgumentException("cannot keep " + k + " of " + rank() + " components");
    }
    if (k > vectors.cols()) {
      throw new IllegalArgumentException("cannot keep " + k + " components of a PCA fitted with"
          + " the directions of " + vectors.cols());
    }
    Matrix scores;
    if (outer) {
      scores = vectors.columns(0, k);
      double[] s = scores.data();
      for (int i = 0; i < s.length; i++) {
        s[i] *= Math.sqrt(squaredSingularValues[i % k]);
      }
    } else {
      scores = backend.multiply(centred, vectors.columns(0, k));
    }
    return flipSigns(scores);
  }

  /**
   * scikit-learn's {@code PCA(n_components=k, svd_solver='randomized', random_state=seed,
   * iterated_power=powerIterations).fit_transform(x)} (version 1.2, whose default
   * {@code n_oversamples} is 10 and whose power iterations are not normalised when there are at
   * most two):
   * <ol>
   *   <li>centre X; let M = X̄, or X̄ᵀ when N &lt; D;</li>
   *   <li>Ω = {@code RandomState(seed).normal(size=(cols(M), k + oversamples))}, filled row by
   *       row with {@link NumpyRandomState#standardNormal()};</li>
   *   <li>Y = MΩ, then Y ← M(MᵀY) once per power iteration; Q an orthonormal basis of range(Y)
   *       (here: the left singular vectors of Y above its numerical rank; the basis chosen does
   *       not change the result);</li>
   *   <li>the thin SVD of B = QᵀM = Û S Wᵀ; the scores are (QÛ)_k·S_k, or W_k·S_k when M = X̄ᵀ;</li>
   *   <li>the sign convention of this class.</li>
   * </ol>
   *
   * @param x an N×D matrix (not modified)
   * @param k the number of components, 1..min(N, D)
   * @param oversamples extra random directions (scikit-learn: 10)
   * @param powerIterations power iterations (scikit-learn's PCA: {@code iterated_power})
   * @param seed the seed of numpy's {@code RandomState}
   * @param backend the linear algebra
   * @return the N×k scores
   */
  public static Matrix randomizedScores(Matrix x, int k, int oversamples, int powerIterations,
      long seed, LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    if (k < 1 || k > Math.min(n, d)) {
      throw new IllegalArgumentException("n_components=" + k + " must be between 1 and"
          + " min(n_samples, n_features)=" + Math.min(n, d) + " for a randomized PCA");
    }
    Matrix centred = Covariance.centred(x);
    boolean transpose = n < d;
    Matrix m = transpose ? centred.transpose() : centred;
    int size = k + oversamples;
    NumpyRandomState random = new NumpyRandomState(seed);
    double[] omega = new double[m.cols() * size];
    for (int i = 0; i < omega.length; i++) {
      omega[i] = random.standardNormal();
    }
    Matrix y = backend.multiply(m, Matrix.wrap(m.cols(), size, omega));
    for (int it = 0; it < powerIterations; it++) {
      y = backend.multiply(m, backend.multiplyTransposeA(m, y));
    }
    Matrix q = rangeBasis(y, backend);
    ThinSvd svd = backend.thinSvd(backend.multiplyTransposeA(q, m));
    Matrix vectors = transpose ? svd.v() : backend.multiply(q, svd.u());
    double[] s = svd.singularValues();
    Matrix scores = Matrix.zeros(n, k);
    int available = Math.min(k, s.length);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < available; j++) {
        scores.set(i, j, vectors.get(i, j) * s[j]);
      }
    }
    return flipSigns(scores);
  }

  /** The left singular vectors of y whose singular values exceed its numerical-rank cut-off. */
  private static Matrix rangeBasis(Matrix y, LinearAlgebraBackend backend) {
    ThinSvd svd = backend.thinSvd(y);
    double[] s = svd.singularValues();
    double cutoff = (s.length == 0 ? 0 : s[0]) * Math.max(y.rows(), y.cols()) * Math.ulp(1.0);
    int rank = 0;
    while (rank < s.length && s[rank] > cutoff) {
      rank++;
    }
    return svd.u().columns(0, Math.max(rank, 1));
  }

  /**
   * Flips columns in place so that each column's largest-magnitude entry (the first on ties)
   * is positive.
   *
   * @param scores a matrix
   * @return scores
   */
  public static Matrix flipSigns(Matrix scores) {
    int n = scores.rows();
    int k = scores.cols();
    double[] s = scores.data();
    for (int j = 0; j < k; j++) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (Math.abs(s[i * k + j]) > Math.abs(s[best * k + j])) {
          best = i;
        }
      }
      if (s[best * k + j] < 0) {
        for (int i = 0; i < n; i++) {
          s[i * k + j] = -s[i * k + j];
        }
      }
    }
    return scores;
  }
}
