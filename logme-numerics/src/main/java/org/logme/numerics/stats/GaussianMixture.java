package org.logme.numerics.stats;

import org.logme.api.NumericalException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * A Gaussian mixture with full covariances fitted by expectation–maximisation, as
 * scikit-learn's {@code GaussianMixture(covariance_type='full', init_params='kmeans',
 * n_init=1)} fits it (Bishop, Pattern Recognition and Machine Learning, §9.2):
 * <ul>
 *   <li>initial responsibilities are the hard labels of {@link KMeans} (k-means++,
 *       one initialisation);</li>
 *   <li>M-step: n_k = Σᵢ r_ik + 10·ε, μ_k = Σᵢ r_ik xᵢ / n_k,
 *       Σ_k = Σᵢ r_ik (xᵢ − μ_k)(xᵢ − μ_k)ᵀ / n_k + reg·I, π_k = n_k / Σ n; the weighted
 *       Gram product of each component leaves out the samples whose responsibility is exactly
 *       0, which in high dimensions is most of them (same value, far less work);</li>
 *   <li>E-step: log r_ik = log π_k + log N(xᵢ; μ_k, Σ_k) − logsumexp_k(·), with the Gaussian
 *       density evaluated through the Cholesky factor of Σ_k (a triangular solve, no
 *       inverse);</li>
 *   <li>stop when the mean log-likelihood changes by less than the tolerance, or after the
 *       maximum number of iterations.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class GaussianMixture {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** Samples whose densities are computed together. */
  static final int LANES = DensityBlock.LANES;
  /** How far below a sample's best log-density a component is abandoned; exp(−746) = 0. */
  static final double PRUNE_MARGIN = DensityBlock.PRUNE_MARGIN;

  private final double[] weights;
  private final Matrix means;
  private final Matrix[] choleskyFactors;
  private final int iterations;
  private final boolean converged;
  private final double meanLogLikelihood;

  private GaussianMixture(Parameters p, int iterations, boolean converged, double lowerBound) {
    this.weights = p.weights;
    this.means = p.means;
    this.choleskyFactors = p.cholesky;
    this.iterations = iterations;
    this.converged = converged;
    this.meanLogLikelihood = lowerBound;
  }

  /**
   * The fitting settings.
   *
   * @param regularization added to the diagonal of each covariance (scikit-learn's
   *     {@code reg_covar}, 1e-6)
   * @param tolerance the convergence threshold on the change of the mean log-likelihood
   *     (scikit-learn's {@code tol}, 1e-3)
   * @param maxIterations the most EM iterations (scikit-learn's {@code max_iter}, 100)
   * @since 0.1
   */
  public record Options(double regularization, double tolerance, int maxIterations) {
    /** @return scikit-learn's defaults */
    public static Options defaults() {
      return new Options(1e-6, 1e-3, 100);
    }
  }

  record Parameters(double[] weights, Matrix means, Matrix[] cholesky) {
  }

  /**
   * @param x an N×D matrix (not modified)
   * @param components the number of mixture components K, 1..N
   * @param options the settings
   * @param random the generator for the k-means++ initialisation
   * @param backend the linear algebra
   * @return the fitted mixture
   * @throws NumericalException if a component's covariance is not positive definite (a
   *     collapsed component; fewer components or a larger regularisation avoid it)
   */
  public static GaussianMixture fit(Matrix x, int components, Options options,
      NumpyRandomState random, LinearAlgebraBackend backend) {
    int n = x.rows();
    KMeans init = KMeans.fit(x, components, random, 300, 1e-4, backend);
    Matrix resp = Matrix.zeros(n, components);
    for (int i = 0; i < n; i++) {
      resp.set(i, init.labels()[i], 1.0);
    }
    Parameters p = maximize(x, resp, options.regularization(), backend);
    double lowerBound = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int iteration = 0;
    int[] hints = init.labels().clone();
    while (iteration < options.maxIterations()) {
      iteration++;
      double previous = lowerBound;
      double[] norm = new double[1];
      Matrix logResp = logResponsibilities(x, p, hints, true, norm, hints, backend);
      double[] r = logResp.data();
      for (int i = 0; i < r.length; i++) {
        r[i] = Math.exp(r[i]);
      }
      p = maximize(x, logResp, options.regularization(), backend);
      lowerBound = norm[0];
      if (Math.abs(lowerBound - previous) < options.tolerance()) {
        converged = true;
        break;
      }
    }
    return new GaussianMixture(p, iteration, converged, lowerBound);
  }

  /**
   * @param x an M×D matrix
   * @param backend the linear algebra
   * @return the M×K posteriors p(k | xᵢ); each row sums to 1
   */
  public Matrix posteriors(Matrix x, LinearAlgebraBackend backend) {
    int[] nearest = new int[x.rows()];
    KMeans.assign(x, means, nearest, new double[x.rows()], backend);
    Matrix log = logResponsibilities(x, new Parameters(weights, means, choleskyFactors),
        nearest, true, new double[1], new int[x.rows()], backend);
    double[] r = log.data();
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.exp(r[i]);
    }
    return log;
  }

  /** @return the fitted parameters (for the tests of the E-step) */
  Parameters parameters() {
    return new Parameters(weights, means, choleskyFactors);
  }

  /** @return the EM iterations run */
  public int iterations() {
    return iterations;
  }

  /** @return true if the log-likelihood change fell below the tolerance */
  public boolean converged() {
    return converged;
  }

  /** @return the mean log-likelihood at the last E-step */
  public double meanLogLikelihood() {
    return meanLogLikelihood;
  }

  /** @return the mixture weights π (a copy) */
  public double[] weights() {
    return weights.clone();
  }

  /** @return the K×D component means (a copy) */
  public Matrix means() {
    return means.copy();
  }

  private static Parameters maximize(Matrix x, Matrix resp, double regularization,
      LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    int k = resp.cols();
    double[] r = resp.data();
    double[] nk = new double[k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        nk[c] += r[i * k + c];
      }
    }
    double total = 0;
    for (int c = 0; c < k; c++) {
      nk[c] += 10 * Math.ulp(1.0);
      total += nk[c];
    }
    Matrix means = backend.multiplyTransposeA(resp, x);
    double[] m = means.data();
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        m[c * d + j] /= nk[c];
      }
    }
    double[] data = x.data();
    Matrix[] cholesky = new Matrix[k];
    double[] weights = new double[k];
    for (int c = 0; c < k; c++) {
      weights[c] = nk[c] / total;
      // rows with a responsibility of exactly 0 add nothing: leave them out of the product
      int rows = 0;
      for (int i = 0; i < n; i++) {
        if (r[i * k + c] > 0) {
          rows++;
        }
      }
      double[] scaled = new double[rows * d];
      int row = 0;
      for (int i = 0; i < n; i++) {
        if (r[i * k + c] > 0) {
          double w = Math.sqrt(r[i * k + c]);
          for (int j = 0; j < d; j++) {
            scaled[row * d + j] = w * (data[i * d + j] - m[c * d + j]);
          }
          row++;
        }
      }
      Matrix covariance = backend.gram(Matrix.wrap(rows, d, scaled));
      double[] cov = covariance.data();
      for (int i = 0; i < cov.length; i++) {
        cov[i] /= nk[c];
      }
      for (int j = 0; j < d; j++) {
        cov[j * d + j] += regularization;
      }
      try {
        cholesky[c] = backend.cholesky(covariance);
      } catch (NumericalException e) {
        throw NumericalException.withHint("fitting the Gaussian mixture failed: component " + c
            + " of " + k + " has an ill-defined covariance (collapsed or singleton samples)",
            "use fewer components or a larger regularisation", e);
      }
    }
    return new Parameters(weights, means, cholesky);
  }

  /**
   * log r_ik = log π_k + log N(xᵢ; μ_k, Σ_k) − logsumexp_k(·) for every sample and component,
   * the mean over samples of the logsumexp in {@code meanOut[0]}, and each sample's most
   * responsible component in {@code argmaxOut}.
   *
   * <p>Each density needs yᵢ = L_k⁻¹(xᵢ − μ_k) by forward substitution, d²/2 multiply-adds per
   * sample and component, in the order of {@link org.logme.numerics.linalg.Cholesky#solveLower}
   * (so the values are the same bits as a solve of all samples at once), and the squared norm
   * ‖yᵢ‖² accumulated coordinate by coordinate. Samples are taken eight at a time (eight
   * independent sums hide the latency of the additions), grouped by their hint, a component
   * likely to be the most responsible (the previous E-step's, or k-means' label), which is
   * computed first.
   *
   * <p>With {@code prune}, a component is abandoned for a sample as soon as the partial norm
   * proves that its log-density lies more than {@value #PRUNE_MARGIN} below the best density
   * found for that sample: the partial sums only grow (rounding to nearest never makes
   * a + b &lt; a for b ≥ 0), so its final value would be below the sample's maximum by more than
   * 746, where exp underflows to exactly 0 — its responsibility, and its term in the
   * logsumexp, are 0 either way. Its log-responsibility is then −∞ instead of a number below
   * −746; nothing else changes, to the last bit. In high dimensions, where a sample is far
   * from all but a few components, this skips most of the work.
   */
  static Matrix logResponsibilities(Matrix x, Parameters p, int[] hints, boolean prune,
      double[] meanOut, int[] argmaxOut, LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    int k = p.weights.length;
    double[] constants = new double[k];
    for (int c = 0; c < k; c++) {
      double logDet = 0;
      for (int j = 0; j < d; j++) {
        logDet += Math.log(p.cholesky[c].get(j, j));
      }
      constants[c] = -0.5 * d * LOG_2PI - logDet + Math.log(p.weights[c]);
    }
    int[] order = byHint(hints, k);
    double[] out = new double[n * k];
    int groups = (n + LANES - 1) / LANES;
    backend.forEachTask(groups, group -> new DensityBlock(x, p, constants, prune)
        .run(order, group * LANES, Math.min(n, group * LANES + LANES), hints, out));
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      int best = 0;
      for (int c = 0; c < k; c++) {
        if (out[i * k + c] > max) {
          max = out[i * k + c];
          best = c;
        }
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += Math.exp(out[i * k + c] - max);
      }
      double lse = max + Math.log(s);
      sum += lse;
      for (int c = 0; c < k; c++) {
        out[i * k + c] -= lse;
      }
      argmaxOut[i] = best;
    }
    meanOut[0] = sum / n;
    return Matrix.wrap(n, k, out);
  }

  /** The sample indices sorted by hint, stably. */
  private static int[] byHint(int[] hints, int k) {
    int[] start = new int[k + 1];
    for (int h : hints) {
      start[h + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[hints.length];
    for (int i = 0; i < hints.length; i++) {
      order[start[hints[i]]++] = i;
    }
    return order;
  }
}
