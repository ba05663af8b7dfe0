package org.logme.core;

/**
 * How the evidence is maximised over α and β. Two are the procedures of the reference
 * implementation (thuml/LogME {@code LogME.py}); both start at α = β = 1, run at most
 * {@value #MAX_ITERATIONS} iterations of
 * <pre>
 *   t = α/β,  γ = Σ λᵢ/(λᵢ + t),  ‖m‖² = Σ λᵢxᵢ²/(t + λᵢ)²,  ‖y − Fm‖² = Σ xᵢ²·t²/(t + λᵢ)² + r₀,
 *   α ← γ/(‖m‖² + ε),  β ← (N − γ)/(‖y − Fm‖² + ε),     ε = {@value #EPSILON} by default,
 * </pre>
 * where xᵢ is the projection of y on the i-th left singular vector of F and r₀ the squared norm
 * of the part of y outside their span, and stop when the relative change of t is small. They
 * differ only in the stopping rule and in whether ε also enters the final evidence. Both depend
 * on the scale of the features: ε matters when ‖m‖² is small (large features), the start
 * α = β = 1 and the cap when the optimum t is far from 1.
 *
 * <p>The third, {@link #EXACT}, is not the reference's: it maximises the evidence itself, to
 * convergence, without ε (see {@link EvidenceMaximizer}), so the score is invariant to the scale
 * of the features.
 *
 * @since 0.1
 */
public enum LogMeAlgorithm {
  /**
   * The JMLR 2022 fixed point, the reference's default: stop when |t' − t|/t ≤ 1e-3; ε only in
   * the α and β updates. Unlike the reference, the evidence includes −(D − k)/2·log α when the
   * feature rank k is below D (thuml/LogME issue #23), so it is the exact maximum evidence.
   */
  FIXED_POINT("fixed-point", 1e-3, true, false),
  /**
   * The ICML 2021 procedure after MacKay (1992): stop when |t' − t|/t &lt; 0.01; ε also added to
   * ‖m‖² and ‖y − Fm‖² in the final evidence, which sums over all D eigenvalues of FᵀF.
   */
  MACKAY("mackay", 0.01, false, true),
  /**
   * The exact maximum: with t = α/β, the maximising β is N/E(t) in closed form, where
   * E(t) = r₀ + Σ t·xᵢ²/(t + λᵢ), which leaves a one-dimensional maximisation over log t,
   * solved globally (a grid over the whole spectrum, then golden-section refinement of every
   * local maximum) to the last digits. No ε, no iteration cap, no dependence on the starting
   * point or on the scale of the features.
   */
  EXACT("exact", 0, true, false);

  /** The iteration cap of the reference ("should converge after at most 10 steps"). */
  public static final int MAX_ITERATIONS = 11;
  /** The reference's ε, added to the denominators of the α and β updates (the default). */
  public static final double EPSILON = 1e-5;

  private final String id;
  private final double tolerance;
  private final boolean inclusive;
  private final boolean epsilonInEvidence;

  LogMeAlgorithm(String id, double tolerance, boolean inclusive, boolean epsilonInEvidence) {
    this.id = id;
    this.tolerance = tolerance;
    this.inclusive = inclusive;
    this.epsilonInEvidence = epsilonInEvidence;
  }

  /** @return the name used on the command line, e.g. {@code fixed-point} */
  public String id() {
    return id;
  }

  /** @return the relative change of t below which the iteration stops */
  public double tolerance() {
    return tolerance;
  }

  /** @return true if ε enters the final evidence too (MacKay) */
  boolean epsilonInEvidence() {
    return epsilonInEvidence;
  }

  /** @return true if a relative change has reached the tolerance */
  boolean converged(double relativeChange) {
    return inclusive ? relativeChange <= tolerance : relativeChange < tolerance;
  }

  /**
   * @param id {@code fixed-point}, {@code mackay} or {@code exact}
   * @return the algorithm
   * @throws IllegalArgumentException for another name
   */
  public static LogMeAlgorithm fromId(String id) {
    for (LogMeAlgorithm a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown LogME algorithm '" + id
        + "'; use fixed-point, mackay or exact");
  }
}
