package org.logme.baselines;

import java.util.List;
import org.logme.api.NumericalException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.ThinSvd;
import org.logme.numerics.stats.ClassMeans;
import org.logme.numerics.stats.Covariance;

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
 *   <li>How it is computed: with F̄ᵀF̄ = V Λ Vᵀ, pinv(Cov₁(F)) = (N − 1)·V Λ⁺ Vᵀ and
 *       Cov₁(G) = BᵀB (B the C×D between-class factor), so H = (N − 1)·Σᵢ ‖B vᵢ‖²/λᵢ over the
 *       kept λᵢ &gt; 1e-15·λ₁, the reference's cut-off on the covariance's singular values.
 *       That test is decided where it is safe: when N ≥ D and every eigenvalue of the D×D Gram
 *       matrix lies above the cut-off by more than its rounding noise (D·ε·λ₁), all are kept and
 *       the Gram eigendecomposition is used (the reference's own numerics). Otherwise (N &lt; D,
 *       constant or collinear columns, or a value near the cut-off) Λ comes from the thin SVD of
 *       F̄ (λ = σ²), whose noise is about ε²λ₁ on the squared scale, far below the cut-off,
 *       whereas a Gram or covariance eigenvalue meant to be 0 carries noise of order ε·λ₁, just
 *       under it; so rank-deficient inputs keep exactly the values the reference keeps on its
 *       fixtures, with margin.</li>
 *   <li>Cost: O(N·D²) for the Gram matrix and O(D³) for its eigendecomposition; on the exact
 *       path a thin SVD of the N×D features, O(N·D·min(N, D)). O(N·D) memory.</li>
 *   <li>Streaming: from {@link FeatureStatistics} (N, M₂, class sums) the Gram branch above
 *       runs on M₂ with exactly constant columns left out (known from the column ranges); a
 *       scatter with an eigenvalue near the cut-off is refused with the advice to read the
 *       features into memory, where the SVD branch decides the rank.</li>
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
    PARC;

    /** @return the name users write, {@code tllib} or {@code parc} */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Variant variant;

  /** Which published formulation to compute. */
  public static final Parameter<Variant> VARIANT = Parameter.choice("variant", Variant.class,
      Variant.TLLIB, Variant::id, "tllib: Transfer-Learning-Library h_score (default); parc:"
      + " dbolya/parc HScore, standardised columns and class counts + 1e-8");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(VARIANT);

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public HScoreEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.variant = parameters.get(VARIANT);
  }


  /**
   * H-score needs only M₂ and the class sums of the centred rows, so its features can be
   * streamed (see {@link #fromStatistics}).
   */
  @Override
  public boolean acceptsFeatureStatistics() {
    return true;
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Labels labels = input.labels().orElseThrow();
    if (input.features().isEmpty()) {
      FeatureStatistics statistics = input.featureStatistics().orElseThrow();
      EstimateResult.Builder streamed = fromStatistics(statistics, labels, backend);
      if (streamed != null) {
        return streamed;
      }
      if (input.featuresOnRequest().isEmpty()) {
        throw NumericalException.withHint("the centred features of " + statistics.origin()
            + " are rank-deficient or nearly so, and which directions the reference's"
            + " pseudo-inverse keeps can only be decided from the rows",
            "read the features into memory (--read memory or --read auto)", null);
      }
      return fromRows(input.featuresOnRequest().get().get().matrix(), labels, backend)
          .warning("the streamed statistics of " + statistics.origin() + " are rank-deficient,"
              + " so the features were read into memory to keep the directions the reference"
              + " keeps");
    }
    return fromRows(input.features().orElseThrow().matrix(), labels, backend);
  }

  /** H-score from the rows, as the reference computes it. */
  private EstimateResult.Builder fromRows(Matrix f, Labels labels, LinearAlgebraBackend backend) {
    Matrix x = variant == Variant.PARC ? Covariance.standardized(f) : f;
    ClassMeans means = ClassMeans.of(x, labels.classIndices(), labels.classCount(),
        variant == Variant.PARC ? PARC_COUNT_EPS : 0);
    Matrix centred = Covariance.centred(x);
    Matrix between = means.betweenFactor(1);
    Spectrum spectrum = spectrum(centred, between, backend);
    double[] lambda = spectrum.values();
    int kept = 0;
    while (kept < lambda.length && lambda[kept] > RCOND * lambda[0]) {
      kept++;
    }
    double sum = sumOverDirections(lambda, spectrum.projections(), kept);
    double score = (f.rows() - 1) * sum;
    return EstimateResult.builder(NAME, score)
        .warnings(spectrum.warnings())
        .detail("variant", variant.name().toLowerCase(java.util.Locale.ROOT))
        .detail("decomposition", spectrum.source())
        .detail("rank_kept", kept)
        .detail("upper_bound", labels.classCount() - 1);
  }

  /**
   * H-score from streamed statistics: the eigendecomposition of M₂ (on the non-constant columns,
   * standardised for the parc variant) and the class means of the centred rows. This is the
   * in-memory path's Gram branch; the SVD branch, which decides the rank of rank-deficient
   * features, needs the rows, so when an eigenvalue of M₂ lies within rounding noise of the
   * cut-off this returns null rather than guess: the caller reads the rows if it may, or
   * refuses.
   *
   * @return the result, or null if the statistics do not decide the rank
   */
  private EstimateResult.Builder fromStatistics(FeatureStatistics statistics, Labels labels,
      LinearAlgebraBackend backend) {
    double[] scale = variant == Variant.PARC ? standardScale(statistics)
        : StreamedMoments.unscaled(statistics);
    StreamedMoments moments = StreamedMoments.of(statistics, labels, scale, true);
    int k = moments.kept().length;
    if (k == 0) {
      throw NumericalException.withHint("every feature column of " + statistics.origin()
          + " is constant; H-score is undefined", "check the features", null);
    }
    ClassMeans means = moments.classMeans(variant == Variant.PARC ? PARC_COUNT_EPS : 0);
    SpectralProjection eig = backend.symmetricEigenProjection(moments.scatter(),
        means.betweenFactor(1).transpose());
    double[] lambda = eig.values();
    double noise = k * Math.ulp(1.0) * lambda[0];
    if (!(lambda[0] > 0 && lambda[k - 1] > RCOND * lambda[0] + noise)) {
      return null; // rank-deficient or nearly so: only the rows decide the rank
    }
    double sum = sumOverDirections(lambda, eig.projections(), k);
    int constant = statistics.dimension() - k;
    return EstimateResult.builder(NAME, (moments.n() - 1) * sum)
        .warnings(eig.warnings())
        .detail("variant", variant.name().toLowerCase(java.util.Locale.ROOT))
        .detail("decomposition", "eigendecomposition of the streamed centred scatter"
            + (constant > 0 ? " (" + constant + " constant columns left out)" : ""))
        .detail("rank_kept", k)
        .detail("upper_bound", labels.classCount() - 1);
  }

  /**
   * The population standard deviation of each column from M₂, with scikit-learn's rule that a
   * column whose variance is within rounding of zero keeps scale 1 (see
   * {@link Covariance#standardized}).
   */
  private static double[] standardScale(FeatureStatistics statistics) {
    int d = statistics.dimension();
    long n = statistics.count();
    double[] m2 = statistics.scatter().data();
    double[] mean = statistics.mean();
    boolean[] constant = statistics.constantColumns();
    double eps = Math.ulp(1.0);
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double variance = m2[j * d + j] / n;
      double bound = n * eps * variance + Math.pow(n * Math.abs(mean[j]) * eps, 2);
      double sd = Math.sqrt(variance);
      scale[j] = constant[j] || variance <= bound || sd == 0 ? 1.0 : sd;
    }
    return scale;
  }

  /**
   * Σ_{i &lt; kept} ‖B vᵢ‖²/λᵢ from the projections P = VᵀBᵀ (row i: direction i, one column
   * per class).
   */
  private static double sumOverDirections(double[] lambda, Matrix projections, int kept) {
    double[] p = projections.data();
    int c = projections.cols();
    double sum = 0;
    for (int i = 0; i < kept; i++) {
      for (int k = 0; k < c; k++) {
        sum += p[i * c + k] * p[i * c + k] / lambda[i];
      }
    }
    return sum;
  }

  /**
   * The squared singular values of F̄ (descending) with the projections VᵀBᵀ of the
   * between-class factor on its right singular vectors.
   */
  private record Spectrum(double[] values, Matrix projections, String source,
      java.util.List<String> warnings) {
  }

  private static Spectrum spectrum(Matrix centred, Matrix between, LinearAlgebraBackend backend) {
    int d = centred.cols();
    Matrix bt = between.transpose();
    if (centred.rows() >= d) {
      // eigenvalues and projections only: the eigenvectors are never formed
      SpectralProjection eig = backend.symmetricEigenProjection(backend.gram(centred), bt);
      double[] values = eig.values();
      double noise = d * Math.ulp(1.0) * values[0];
      if (values[0] > 0 && values[d - 1] > RCOND * values[0] + noise) {
        return new Spectrum(values, eig.projections(), "eigendecomposition of the Gram matrix",
            eig.warnings());
      }
    }
    ThinSvd svd = backend.thinSvd(centred);
    double[] s = svd.singularValues();
    double[] values = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      values[i] = s[i] * s[i];
    }
    return new Spectrum(values, backend.multiplyTransposeA(svd.v(), bt),
        "thin SVD of the centred features", svd.warnings());
  }
}
