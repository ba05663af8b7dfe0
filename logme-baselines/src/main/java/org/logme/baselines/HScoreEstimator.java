package org.logme.baselines;

import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.ThinSvd;
import org.logme.api.stats.ClassMeans;
import org.logme.api.stats.Covariance;

/**
 * H-score (Bao, Li, Huang, Zhang &amp; Xu, "An Information-Theoretic Approach to Transferability
 * in Task Transfer Learning", ICIP 2019), as thuml/Transfer-Learning-Library
 * {@code tllib/ranking/hscore.py::h_score} (commit c4aa59eb) computes it:
 * <pre>
 *   H = tr( pinv_{1e-15}(Cov₁(F)) · Cov₁(G) )
 * </pre>
 * where Cov₁ is numpy's {@code cov} (divisor N − 1), G is the N×D matrix whose row i is the
 * mean μ_{yᵢ} of sample i's class, and pinv_r drops singular values at or below r·σ_max.
 *
 * <ul>
 *   <li>Inputs: features and labels.</li>
 *   <li>Hyper-parameter {@code variant}: {@code tllib} (default, the formula above) or
 *       {@code parc}, dbolya/parc {@code methods.py::HScore} (commit ddfca43a): the columns are
 *       first standardised (mean, population std; a constant column keeps scale 1) and the class
 *       means are Σ_{i∈c} xᵢ / (n_c + 1e-8). The two differ by about 1e-9 relative.</li>
 *   <li>Direction: higher is better; 0 ≤ H ≤ C − 1, exactly C − 1 when the centred features
 *       have rank N − 1 (N ≤ D). Invariant to any invertible affine map of the features (tllib
 *       variant) and to relabelling the classes.</li>
 *   <li>Cost: one thin SVD of the centred N×D features, O(N·D·min(N, D)); O(N·D) memory.</li>
 *   <li>How it is computed: with F̄ = U S Vᵀ, pinv(Cov₁(F)) = (N − 1)·V S⁻² Vᵀ and
 *       Cov₁(G) = BᵀB (B the C×D between-class factor), so H = (N − 1)·‖B V S⁻¹‖²_F over the
 *       kept singular values. The reference's cut-off σ(Cov) &gt; 1e-15·σ_max(Cov) is applied as
 *       σᵢ² &gt; 1e-15·σ₁², the same test on the same quantities, but the singular values of F̄
 *       carry rounding noise of about 1e-16·σ₁, i.e. 1e-32 on the squared scale, far below the
 *       cut-off, whereas the reference's covariance eigenvalues carry noise of about 1e-16 of the
 *       largest, just under it. So rank-deficient inputs (N ≤ D, constant or duplicated columns)
 *       keep exactly the singular values the reference keeps on its fixtures, with margin.</li>
 *   <li>Difference from the reference: class ids with gaps are remapped (the reference's mean of
 *       an empty class is NaN, so it returns NaN).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class HScoreEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "hscore";
  /** numpy's {@code pinv} cut-off used by the reference. */
  static final double RCOND = 1e-15;
  /** dbolya/parc's regulariser of the class counts. */
  static final double PARC_COUNT_EPS = 1e-8;

  /** The two published formulations. */
  public enum Variant {
    /** thuml/Transfer-Learning-Library {@code h_score}. */
    TLLIB,
    /** dbolya/parc {@code HScore}: standardised columns, class counts + 1e-8. */
    PARC
  }

  private final Variant variant;

  /**
   * @param variant which published formulation to compute
   */
  public HScoreEstimator(Variant variant) {
    super(NAME, FEATURES_AND_LABELS);
    this.variant = variant;
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    Matrix x = variant == Variant.PARC ? Covariance.standardized(f) : f;
    ClassMeans means = ClassMeans.of(x, labels.classIndices(), labels.classCount(),
        variant == Variant.PARC ? PARC_COUNT_EPS : 0);
    ThinSvd svd = backend.thinSvd(Covariance.centred(x));
    double[] s = svd.singularValues();
    int kept = 0;
    while (kept < s.length && s[kept] * s[kept] > RCOND * s[0] * s[0]) {
      kept++;
    }
    double sum = 0;
    double[] p = kept == 0 ? new double[0]
        : backend.multiply(means.betweenFactor(1), svd.v().columns(0, kept)).data();
    for (int i = 0; i < p.length; i++) {
      double v = p[i] / s[i % kept];
      sum += v * v;
    }
    double score = (f.rows() - 1) * sum;
    return EstimateResult.builder(NAME, score)
        .warnings(svd.warnings())
        .detail("variant", variant.name().toLowerCase(java.util.Locale.ROOT))
        .detail("rank_kept", kept)
        .detail("upper_bound", labels.classCount() - 1);
  }
}
