package org.logme.baselines;

import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.ClassMeans;
import org.logme.numerics.stats.Covariance;
import org.logme.numerics.stats.LedoitWolf;

/**
 * The shrinkage-regularised H-score (Ibrahim, Ponomareva &amp; Mazumder, "Newer is not always
 * better: Rethinking transferability metrics, their peculiarities, stability and performance",
 * ECML PKDD 2022), as thuml/Transfer-Learning-Library
 * {@code tllib/ranking/hscore.py::regularized_h_score} (commit c4aa59eb) computes it:
 * <pre>
 *   X = F − 1μᵀ;   (α, Σ_α) = Ledoit–Wolf(X)      (see {@link LedoitWolf})
 *   H_α = tr( pinv_{1e-15}(Σ_α) · (1 − α)·Cov₁(G) )
 * </pre>
 * with G the N×D matrix of class means (rows μ_{yᵢ}) and Cov₁ numpy's {@code cov} (N − 1).
 *
 * <ul>
 *   <li>Inputs: features and labels. Hyper-parameters: none.</li>
 *   <li>Direction: higher is better. Invariant to rotations and translations of the features
 *       and to relabelling, but not to general affine maps (the shrinkage target mI is not).</li>
 *   <li>Quirk kept from the reference: Σ_α is built from S = XᵀX/N (divisor N) while the class
 *       part uses N − 1.</li>
 *   <li>How it is computed: when α &gt; 10·D·1e-15 every singular value of Σ_α is provably kept
 *       by the cut-off (σ_min ≥ α·m and σ_max ≤ tr Σ_α = D·m), so the pseudo-inverse is the
 *       inverse and tr(Σ_α⁻¹BᵀB) = ‖L⁻¹Bᵀ‖²_F with the Cholesky factor L of Σ_α; otherwise
 *       (no shrinkage) the pseudo-inverse is taken from the SVD as in the reference.</li>
 *   <li>Cost: the Gram matrix XᵀX, O(N·D²), and a Cholesky factorisation of the D×D matrix
 *       Σ_α, O(D³/3) (an SVD when α is 0); O(D²) memory besides the centred copy of F.</li>
 *   <li>Streaming: S and Σ‖xᵢ‖⁴ come from {@link FeatureStatistics} (its scatter and norm
 *       moments, merged exactly across blocks), the class means from its cross scatter.</li>
 *   <li>The shrinkage α is reported in the details as {@code ledoit_wolf_shrinkage}.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class ShrinkageHScoreEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "hscore-shrinkage";

  /** Creates the estimator (it has no hyper-parameters). */
  public ShrinkageHScoreEstimator() {
    super(NAME, FEATURES_AND_LABELS);
  }

  /**
   * The Ledoit–Wolf shrinkage needs Σ‖xᵢ − μ‖⁴ besides M₂, which streamed statistics carry
   * ({@link FeatureStatistics#hasNormMoments()}), so the features can be streamed.
   */
  @Override
  public boolean acceptsFeatureStatistics() {
    return true;
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Labels labels = input.labels().orElseThrow();
    LedoitWolf lw;
    Matrix b;
    int d;
    if (input.features().isPresent()) {
      Matrix x = Covariance.centred(input.features().orElseThrow().matrix());
      lw = LedoitWolf.fit(x, backend);
      b = ClassMeans.of(x, labels.classIndices(), labels.classCount()).betweenFactor(1);
      d = x.cols();
    } else {
      FeatureStatistics s = input.featureStatistics().orElseThrow();
      if (!s.hasNormMoments()) {
        throw new org.logme.api.InvalidInputException(prefix() + "the statistics of "
            + s.origin() + " lack the fourth moment of the row norms that the Ledoit-Wolf"
            + " shrinkage needs; accumulate them with logme's streaming reader, or pass the"
            + " features themselves");
      }
      lw = LedoitWolf.fromScatter(s.scatter(), s.count(), s.normFourthMoment());
      d = s.dimension();
      // every column, constant ones included: the shrinkage target keeps Σ_α regular
      b = StreamedMoments.of(s, labels, StreamedMoments.unscaled(s), false)
          .classMeans(0).betweenFactor(1);
    }
    double trace = 0;
    boolean inverse = lw.shrinkage() > 10 * d * HScoreEstimator.RCOND;
    if (inverse) {
      // Σ_α⁻¹ = L⁻ᵀL⁻¹, so tr(Σ_α⁻¹·BᵀB) = ‖L⁻¹Bᵀ‖²_F
      for (double v : backend.solveLowerTriangular(backend.cholesky(lw.covariance()),
          b.transpose()).data()) {
        trace += v * v;
      }
    } else {
      // tr(P·BᵀB) = Σ_c b_cᵀ P b_c
      Matrix pinv = backend.pseudoInverse(lw.covariance(), HScoreEstimator.RCOND);
      double[] pb = backend.multiply(b, pinv).data();
      double[] bd = b.data();
      for (int i = 0; i < bd.length; i++) {
        trace += pb[i] * bd[i];
      }
    }
    return EstimateResult.builder(NAME, (1 - lw.shrinkage()) * trace)
        .detail("ledoit_wolf_shrinkage", lw.shrinkage())
        .detail("decomposition", inverse ? "Cholesky (all singular values kept)"
            : "pseudo-inverse by SVD");
  }
}
