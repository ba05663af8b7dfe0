package org.logme.core;

/**
 * Maximises the evidence of one target column over α and β (see {@link LogMeAlgorithm} for the
 * iteration), from the spectrum alone: the non-zero eigenvalues λ₁..λ_k of FᵀF, the
 * projections xᵢ = uᵢᵀy, ‖y‖², N and D. Cost O(k) per iteration.
 */
final class EvidenceMaximizer {
  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private EvidenceMaximizer() {
  }

  /**
   * The outcome for one column.
   *
   * @param evidence the maximum log evidence divided by N
   * @param alpha the prior precision α at the end
   * @param beta the noise precision β at the end
   * @param t α/β at the start of the last iteration, which defines the posterior mean
   * @param iterations iterations run
   * @param converged whether the stopping rule was met within the cap
   * @param lastChange |t' − t|/t of the last iteration
   * @param epsilonCost how much ε in the last α update lowered the log evidence per sample:
   *     the exact evidence at α = γ/‖m‖² minus that at the α found, both at the β found (0 when
   *     the features are all zero or y is orthogonal to them)
   */
  record Fit(double evidence, double alpha, double beta, double t, int iterations,
      boolean converged, double lastChange, double epsilonCost) {
  }

  /**
   * @param lambda the k non-zero eigenvalues
   * @param x the k projections of y (column c of the projection matrix)
   * @param squaredNorm ‖y‖²
   * @param n N, the number of samples
   * @param d D, the feature dimension (k ≤ D; the D − k zero eigenvalues enter the evidence)
   * @param algorithm the stopping rule and evidence variant
   * @return the fit
   */
  static Fit maximize(double[] lambda, double[] x, double squaredNorm, int n, int d,
      LogMeAlgorithm algorithm) {
    int k = lambda.length;
    double[] x2 = new double[k];
    double inSpan = 0;
    for (int i = 0; i < k; i++) {
      x2[i] = x[i] * x[i];
      inSpan += x2[i];
    }
    // the part of y outside the span of the features; a squared norm, so never negative
    double outside = Math.max(0, squaredNorm - inSpan);
    double eps = LogMeAlgorithm.EPSILON;
    double alpha = 1;
    double beta = 1;
    double t = 1;
    double m2 = 0;
    double res2 = outside;
    double change = Double.NaN;
    int iterations = 0;
    boolean converged = false;
    if (k == 0) {
      // features that are all zero explain nothing: only the noise precision is fitted
      beta = n / (res2 + eps);
      return new Fit(evidence(lambda, 0, beta, m2, res2, n, d, algorithm), 0, beta, t, 1, true, 0,
          0);
    }
    while (iterations < LogMeAlgorithm.MAX_ITERATIONS) {
      iterations++;
      t = alpha / beta;
      double gamma = 0;
      m2 = 0;
      res2 = outside;
      for (int i = 0; i < k; i++) {
        double denominator = t + lambda[i];
        gamma += lambda[i] / denominator;
        m2 += lambda[i] * x2[i] / (denominator * denominator);
        double shrink = t / denominator;
        res2 += x2[i] * shrink * shrink;
      }
      alpha = gamma / (m2 + eps);
      beta = (n - gamma) / (res2 + eps);
      change = Math.abs(alpha / beta - t) / t;
      if (algorithm.converged(change)) {
        converged = true;
        break;
      }
    }
    double cost = 0;
    if (m2 > 0) {
      double withoutEpsilon = gammaOf(lambda, t) / m2;
      cost = exactEvidence(lambda, x2, outside, n, d, withoutEpsilon, beta)
          - exactEvidence(lambda, x2, outside, n, d, alpha, beta);
    }
    return new Fit(evidence(lambda, alpha, beta, m2, res2, n, d, algorithm), alpha, beta, t,
        iterations, converged, change, cost);
  }

  private static double gammaOf(double[] lambda, double t) {
    double gamma = 0;
    for (double l : lambda) {
      gamma += l / (t + l);
    }
    return gamma;
  }

  /** The log evidence per sample at α and β, posterior mean at t = α/β, without ε. */
  private static double exactEvidence(double[] lambda, double[] x2, double outside, int n, int d,
      double alpha, double beta) {
    double t = alpha / beta;
    double m2 = 0;
    double res2 = outside;
    for (int i = 0; i < lambda.length; i++) {
      double denominator = t + lambda[i];
      m2 += lambda[i] * x2[i] / (denominator * denominator);
      double shrink = t / denominator;
      res2 += x2[i] * shrink * shrink;
    }
    return evidence(lambda, alpha, beta, m2, res2, n, d, LogMeAlgorithm.FIXED_POINT);
  }

  /**
   * The log evidence per sample at given α and β, with the posterior mean taken at t = α/β (no
   * ε): the quantity the iteration maximises. Used to check the formula against its closed form.
   */
  static double evidenceAt(double[] lambda, double[] x, double squaredNorm, int n, int d,
      double alpha, double beta) {
    double t = alpha / beta;
    double m2 = 0;
    double res2 = squaredNorm;
    for (int i = 0; i < lambda.length; i++) {
      double denominator = t + lambda[i];
      m2 += lambda[i] * x[i] * x[i] / (denominator * denominator);
      res2 += x[i] * x[i] * ((t / denominator) * (t / denominator) - 1);
    }
    return evidence(lambda, alpha, beta, m2, Math.max(0, res2), n, d, LogMeAlgorithm.FIXED_POINT);
  }

  /**
   * The log evidence per sample. The D − k zero eigenvalues contribute −½·log α each to the
   * sum over log(α + βλᵢ), leaving k/2·log α of the D/2·log α term.
   */
  private static double evidence(double[] lambda, double alpha, double beta, double m2,
      double res2, int n, int d, LogMeAlgorithm algorithm) {
    double eps = algorithm.epsilonInEvidence() ? LogMeAlgorithm.EPSILON : 0;
    int k = lambda.length;
    double logDet = 0;
    for (double l : lambda) {
      logDet += Math.log(alpha + beta * l);
    }
    double alphaTerms = k == 0 ? 0 : k / 2.0 * Math.log(alpha) - alpha / 2 * (m2 + eps);
    double evidence = alphaTerms + n / 2.0 * Math.log(beta) - 0.5 * logDet
        - beta / 2 * (res2 + eps) - n / 2.0 * LOG_2PI;
    return evidence / n;
  }
}
