package org.logme.core;

import org.logme.api.NumericalException;

/**
 * Maximises the evidence of one target column over α and β (see {@link LogMeAlgorithm}), from
 * the spectrum alone: the non-zero eigenvalues λ₁..λ_k of FᵀF, the projections xᵢ = uᵢᵀy, ‖y‖²,
 * N and D. Cost O(k) per iteration of the reference procedures; O(k) per evaluation of the
 * profile below, a few hundred evaluations, for the exact maximum.
 *
 * <p><b>The exact maximum.</b> With t = α/β and m the posterior mean at t,
 * <pre>
 *   2·log p = k·log t + N·log β − Σᵢ log(t + λᵢ) − β·E(t) − N·log 2π,
 *   E(t) = ‖y − Fm‖² + t·‖m‖² = r₀ + Σᵢ t·xᵢ²/(t + λᵢ)
 * </pre>
 * (the D − k zero eigenvalues cancel), so for each t the best β is N/E(t), and what remains is
 * the profile g(u) = −Σᵢ log(1 + λᵢe^{−u}) − N·log E(e^u) over u = log t. g is smooth but need
 * not be concave, so it is evaluated on a grid of step {@value #GRID_STEP} from
 * log λ_k − {@value #BELOW} to log λ₁ + {@value #ABOVE} (beyond which it is constant to double
 * precision), every local maximum of the grid is refined by bisection on the sign of g' (the
 * fixed-point equations), and the largest wins; grid maxima that are plateaus of rounding (no
 * higher than their neighbours to {@value #FLAT_ULPS} ulps, g' of one sign on both sides, as
 * far above the eigenvalues) are compared as they are. The part of g that depends on the
 * eigenvalues alone is computed once per spectrum for every column ({@link Spectrum}). When the features interpolate the targets
 * (rank = N, so r₀ = 0), the supremum may be the limit t → 0, β → ∞, whose value
 * −Σ log λᵢ − N·log Σ xᵢ²/λᵢ is compared in closed form. Scaling the features by s shifts u by log s² and leaves g's values unchanged, so
 * the maximum is scale invariant to rounding.
 */
final class EvidenceMaximizer {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** The grid step in log t: e^0.25 ≈ 1.28, fine enough to separate local maxima. */
  static final double GRID_STEP = 0.25;
  /** How far below log λ_k the grid starts (t = λ_k·e^−30 ≈ λ_k·1e−13). */
  static final double BELOW = 30;
  /** How far above log λ₁ it ends (t = λ₁·e^36 ≈ λ₁·4e15: α/β beyond every eigenvalue). */
  static final double ABOVE = 36;
  /** How far above its neighbours, in units in the last place, a grid maximum is rounding. */
  private static final double FLAT_ULPS = 64;
  /** Golden-section steps: the bracket shrinks by 0.618 each, from 2·GRID_STEP to ~1e−15. */
  private static final int GOLDEN_STEPS = 72;

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
   * @param noiseFree true if the exact maximum is the limit β → ∞ (the features interpolate
   *     the targets: rank = N); α and β are then those at the end of the search range, where the
   *     evidence equals its limit to double precision
   */
  record Fit(double evidence, double alpha, double beta, double t, int iterations,
      boolean converged, double lastChange, double epsilonCost, boolean noiseFree) {
  }

  /**
   * @param lambda the k non-zero eigenvalues
   * @param x the k projections of y (column c of the projection matrix)
   * @param squaredNorm ‖y‖²
   * @param n N, the number of samples
   * @param d D, the feature dimension (k ≤ D; the D − k zero eigenvalues enter the evidence)
   * @param algorithm the stopping rule and evidence variant
   * @param epsilon ε in the updates (and, for MacKay, the evidence) of the reference procedures;
   *     unused by {@link LogMeAlgorithm#EXACT}
   * @return the fit
   * @throws NumericalException if the exact maximum is unbounded (y in the span of features of
   *     rank below N)
   */
  static Fit maximize(double[] lambda, double[] x, double squaredNorm, int n, int d,
      LogMeAlgorithm algorithm, double epsilon) {
    return maximize(new Spectrum(lambda), x, squaredNorm, n, d, algorithm, epsilon);
  }

  /**
   * As {@link #maximize(double[], double[], double, int, int, LogMeAlgorithm, double)}, with
   * what depends on the eigenvalues alone computed once for every column.
   *
   * @param spectrum the eigenvalues and their share of the profile
   * @param x the k projections of y
   * @param squaredNorm ‖y‖²
   * @param n N
   * @param d D
   * @param algorithm the stopping rule and evidence variant
   * @param epsilon ε of the reference procedures
   * @return the fit
   */
  static Fit maximize(Spectrum spectrum, double[] x, double squaredNorm, int n, int d,
      LogMeAlgorithm algorithm, double epsilon) {
    double[] lambda = spectrum.lambda;
    if (algorithm == LogMeAlgorithm.EXACT) {
      return maximizeExactly(spectrum, x, squaredNorm, n, d);
    }
    int k = lambda.length;
    double[] x2 = new double[k];
    double inSpan = 0;
    for (int i = 0; i < k; i++) {
      x2[i] = x[i] * x[i];
      inSpan += x2[i];
    }
    // the part of y outside the span of the features; a squared norm, so never negative
    double outside = Math.max(0, squaredNorm - inSpan);
    double eps = epsilon;
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
      return new Fit(evidence(lambda, 0, beta, m2, res2, n, d, algorithm, eps), 0, beta, t, 1,
          true, 0, 0, false);
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
    return new Fit(evidence(lambda, alpha, beta, m2, res2, n, d, algorithm, eps), alpha, beta, t,
        iterations, converged, change, cost, false);
  }

  /**
   * The eigenvalues with the part of the profile that depends on them alone: the grid of the
   * exact maximum and −Σᵢ log1p(λᵢ/t) at each of its points, the same for every target column
   * (computed on first use; thread-safe).
   */
  static final class Spectrum {
    final double[] lambda;
    private volatile double[] logTerms;

    /** @param lambda the k non-zero eigenvalues, descending (not copied) */
    Spectrum(double[] lambda) {
      this.lambda = lambda;
    }

    /** @return the grid's first point, log λ_k − {@value #BELOW} */
    double gridStart() {
      return Math.log(lambda[lambda.length - 1]) - BELOW;
    }

    /** @return the number of grid steps (one fewer than its points) */
    int gridSteps() {
      return (int) Math.ceil((Math.log(lambda[0]) + ABOVE - gridStart()) / GRID_STEP);
    }

    /** @return −Σᵢ log1p(λᵢ/t) at every grid point, summed as {@link Profile#value} sums */
    double[] logTerms() {
      double[] terms = logTerms;
      if (terms == null) {
        double lo = gridStart();
        terms = new double[gridSteps() + 1];
        for (int j = 0; j < terms.length; j++) {
          terms[j] = Profile.logTerm(lambda, Math.exp(lo + j * GRID_STEP));
        }
        logTerms = terms;
      }
      return terms;
    }
  }

  /** The profile g(u) of the class documentation and its derivative. */
  private record Profile(double[] lambda, double[] x2, double outside, int n) {
    /** E(t) = r₀ + Σ xᵢ²·t/(t + λᵢ), written with λᵢ/t so that it is exact for large t. */
    double residualEnergy(double t) {
      double e = outside;
      for (int i = 0; i < lambda.length; i++) {
        e += x2[i] / (1 + lambda[i] / t);
      }
      return e;
    }

    /** g(u) = −Σ log1p(λᵢ/t) − N·log E(t), t = e^u (up to constants). */
    double value(double u) {
      double t = Math.exp(u);
      return logTerm(lambda, t) - n * Math.log(residualEnergy(t));
    }

    /** g at a point of the grid, whose first term is known. */
    double value(double u, double logTerm) {
      return logTerm - n * Math.log(residualEnergy(Math.exp(u)));
    }

    /** −Σ log1p(λᵢ/t), the part of g that does not depend on y. */
    static double logTerm(double[] lambda, double t) {
      double g = 0;
      for (double l : lambda) {
        g -= Math.log1p(l / t);
      }
      return g;
    }

    /**
     * g'(u) = Σ rᵢ/(1 + rᵢ) − N·Σ xᵢ²rᵢ/(1 + rᵢ)² / E(t), rᵢ = λᵢ/t: γ − N·t·E'(t)/E(t), zero
     * exactly where the fixed-point equations α = γ/‖m‖², β = (N − γ)/‖y − Fm‖² hold.
     */
    double slope(double u) {
      double t = Math.exp(u);
      double gamma = 0;
      double weighted = 0;
      double e = outside;
      for (int i = 0; i < lambda.length; i++) {
        double r = lambda[i] / t;
        double share = 1 / (1 + r);
        gamma += r * share;
        weighted += x2[i] * r * share * share;
        e += x2[i] * share;
      }
      return gamma - n * weighted / e;
    }

    /** @return whether g' has one sign (or is zero) at both a and b */
    boolean monotone(double a, double b) {
      double slopeA = slope(a);
      double slopeB = slope(b);
      return (slopeA <= 0 && slopeB <= 0) || (slopeA >= 0 && slopeB >= 0);
    }

    /**
     * g at u → −∞ where the features interpolate the targets (r₀ = 0, rank = N):
     * −Σ log λᵢ − N·log Σ xᵢ²/λᵢ.
     */
    double noiseFreeLimit() {
      double g = 0;
      double s = 0;
      for (int i = 0; i < lambda.length; i++) {
        g -= Math.log(lambda[i]);
        s += x2[i] / lambda[i];
      }
      return g - n * Math.log(s);
    }
  }

  /** The exact maximum over α and β; see the class documentation. */
  private static Fit maximizeExactly(Spectrum spectrum, double[] x, double squaredNorm, int n,
      int d) {
    double[] lambda = spectrum.lambda;
    int k = lambda.length;
    double[] x2 = new double[k];
    double inSpan = 0;
    for (int i = 0; i < k; i++) {
      x2[i] = x[i] * x[i];
      inSpan += x2[i];
    }
    double outside = Math.max(0, squaredNorm - inSpan);
    // below this, r₀ is rounding noise of the subtraction above: y lies in the span
    boolean inTheSpan = outside <= 64.0 * Math.max(n, k) * Math.ulp(squaredNorm);
    if (k == 0 || (k < n && inTheSpan)) {
      if (k == 0 && outside > 0) {
        double beta = n / outside;
        return new Fit(evidence(lambda, 0, beta, 0, outside, n, d, LogMeAlgorithm.EXACT, 0), 0,
            beta, 1, 1, true, 0, 0, false);
      }
      throw NumericalException.withHint("LogME's exact evidence is unbounded: the target column"
          + (k == 0 ? " is all zero" : " lies in the span of the features (rank " + k + " < N = "
          + n + "), a noise-free linear fit"), "use the reference algorithm (fixed-point), whose"
          + " epsilon keeps the evidence finite, or check the features for copies of the"
          + " labels", null);
    }
    Profile profile = new Profile(lambda, x2, inTheSpan ? 0 : outside, n);
    double lo = spectrum.gridStart();
    int steps = spectrum.gridSteps();
    double[] logTerms = spectrum.logTerms();
    double[] g = new double[steps + 1];
    for (int j = 0; j <= steps; j++) {
      g[j] = profile.value(lo + j * GRID_STEP, logTerms[j]);
    }
    int evaluations = steps + 1;
    // with rank = N the supremum may be the noise-free limit at t → 0, computed in closed form
    // (the grid's values there are flat to within rounding, so its peaks mean nothing)
    boolean noiseFreePossible = inTheSpan;
    double bestU = noiseFreePossible ? lo : Double.NaN;
    double best = noiseFreePossible ? profile.noiseFreeLimit() : Double.NEGATIVE_INFINITY;
    for (int j = noiseFreePossible ? 1 : 0; j <= steps; j++) {
      boolean peak = (j == 0 || g[j] >= g[j - 1]) && (j == steps || g[j] >= g[j + 1]);
      if (!peak) {
        continue;
      }
      double u = lo + j * GRID_STEP;
      double value = g[j];
      if (j > 0 && j < steps) {
        if (g[j] - Math.max(g[j - 1], g[j + 1]) <= FLAT_ULPS * Math.ulp(g[j])
            && profile.monotone(u - GRID_STEP, u + GRID_STEP)) {
          // a plateau of rounding, not a maximum: where t is far above every eigenvalue, g is
          // constant to double precision over many grid points, each a "maximum" of the grid
          evaluations += 2;
        } else {
          double[] refined = refine(profile, u - GRID_STEP, u + GRID_STEP);
          evaluations += (int) refined[2];
          u = refined[0];
          value = refined[1];
        }
      }
      if (value > best) {
        best = value;
        bestU = u;
      }
    }
    boolean noiseFree = noiseFreePossible && bestU == lo;
    double t = Math.exp(bestU);
    double energy = profile.residualEnergy(t);
    double beta = n / energy;
    double m2 = 0;
    double res2 = profile.outside();
    for (int i = 0; i < k; i++) {
      double denominator = t + lambda[i];
      m2 += lambda[i] * x2[i] / (denominator * denominator);
      double shrink = t / denominator;
      res2 += x2[i] * shrink * shrink;
    }
    double evidence = noiseFree
        ? (best + n * Math.log(n) - n - n * LOG_2PI) / (2.0 * n)
        : evidence(lambda, t * beta, beta, m2, res2, n, d, LogMeAlgorithm.EXACT, 0);
    return new Fit(evidence, t * beta, beta, t, evaluations, true, 0, 0, noiseFree);
  }

  /**
   * Locates the maximum of g inside [a, b], a bracket around a local maximum of the grid: by
   * bisection on the sign of g' (accurate to the last bits of u, as the fixed-point equations
   * are) where g' falls from positive to negative across the bracket, else by golden-section
   * search on g.
   *
   * @return {u, g(u), evaluations}
   */
  private static double[] refine(Profile profile, double a, double b) {
    int evaluations = 2;
    if (profile.slope(a) > 0 && profile.slope(b) < 0) {
      for (int step = 0; step < 200 && b - a > 4 * Math.ulp(Math.max(Math.abs(a),
          Math.abs(b))); step++) {
        double mid = (a + b) / 2;
        evaluations++;
        if (profile.slope(mid) > 0) {
          a = mid;
        } else {
          b = mid;
        }
      }
      double u = (a + b) / 2;
      return new double[] {u, profile.value(u), evaluations};
    }
    double ratio = (Math.sqrt(5) - 1) / 2;
    double c = b - ratio * (b - a);
    double e = a + ratio * (b - a);
    double gc = profile.value(c);
    double ge = profile.value(e);
    for (int step = 0; step < GOLDEN_STEPS; step++) {
      evaluations++;
      if (gc >= ge) {
        b = e;
        e = c;
        ge = gc;
        c = b - ratio * (b - a);
        gc = profile.value(c);
      } else {
        a = c;
        c = e;
        gc = ge;
        e = a + ratio * (b - a);
        ge = profile.value(e);
      }
    }
    return gc >= ge ? new double[] {c, gc, evaluations} : new double[] {e, ge, evaluations};
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
    return evidence(lambda, alpha, beta, m2, res2, n, d, LogMeAlgorithm.FIXED_POINT, 0);
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
    return evidence(lambda, alpha, beta, m2, Math.max(0, res2), n, d, LogMeAlgorithm.FIXED_POINT,
        0);
  }

  /**
   * The log evidence per sample. The D − k zero eigenvalues contribute −½·log α each to the
   * sum over log(α + βλᵢ), leaving k/2·log α of the D/2·log α term.
   */
  private static double evidence(double[] lambda, double alpha, double beta, double m2,
      double res2, int n, int d, LogMeAlgorithm algorithm, double epsilon) {
    double eps = algorithm.epsilonInEvidence() ? epsilon : 0;
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
