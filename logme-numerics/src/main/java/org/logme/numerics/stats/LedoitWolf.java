package org.logme.numerics.stats;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * The Ledoit–Wolf shrunk covariance (Ledoit &amp; Wolf, "A well-conditioned estimator for
 * large-dimensional covariance matrices", J. Multivariate Analysis 88, 2004), computed as
 * scikit-learn's {@code LedoitWolf(assume_centered=False)} does (its block size does not change
 * the value). With X the centred N×D data and S = XᵀX/N:
 * <pre>
 *   m = tr(S)/D
 *   β̂ = ( (1/N)·Σᵢ ‖xᵢ‖⁴ − ‖S‖²_F ) / (D·N)
 *   δ = ‖S − mI‖²_F / D = (‖S‖²_F − 2m·tr S + D·m²) / D
 *   α = min(β̂, δ) / δ   (0 when the minimum is 0)
 *   Σ_α = (1 − α)·S + α·m·I
 * </pre>
 * With one column the shrinkage is 0, as in scikit-learn.
 *
 * @param shrinkage α, in [0, 1]
 * @param mu m = tr(S)/D, the shrinkage target's scale
 * @param covariance Σ_α, D×D
 * @since 0.1
 */
public record LedoitWolf(double shrinkage, double mu, Matrix covariance) {

  /**
   * @param x an N×D data matrix (centred here; it is not modified)
   * @param backend the linear algebra
   * @return the shrinkage and the shrunk covariance
   */
  public static LedoitWolf fit(Matrix x, LinearAlgebraBackend backend) {
    Matrix centred = Covariance.centred(x);
    int n = x.rows();
    int d = x.cols();
    double fourth = 0;
    double[] c = centred.data();
    for (int i = 0; i < n; i++) {
      double norm2 = 0;
      for (int j = 0; j < d; j++) {
        norm2 += c[i * d + j] * c[i * d + j];
      }
      fourth += norm2 * norm2;
    }
    return fromScatter(backend.gram(centred), n, fourth);
  }

  /**
   * The same estimate from second and fourth moments alone, as streamed statistics hold them.
   *
   * @param scatter XᵀX of the centred data, D×D (consumed: it becomes Σ_α)
   * @param n N
   * @param fourth Σᵢ ‖xᵢ‖⁴ over the centred rows
   * @return the shrinkage and the shrunk covariance
   */
  public static LedoitWolf fromScatter(Matrix scatter, long n, double fourth) {
    int d = scatter.rows();
    double[] sd = scatter.data();
    double sumSquares = 0;
    for (int i = 0; i < sd.length; i++) {
      sd[i] /= n;
      sumSquares += sd[i] * sd[i];
    }
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += sd[j * d + j];
    }
    double mu = trace / d;
    double alpha = 0;
    if (d > 1) {
      double beta = (fourth / n - sumSquares) / ((double) d * n);
      double delta = (sumSquares - 2 * mu * trace + d * mu * mu) / d;
      beta = Math.min(beta, delta);
      alpha = beta == 0 ? 0 : beta / delta;
    }
    for (int i = 0; i < sd.length; i++) {
      sd[i] *= 1 - alpha;
    }
    for (int j = 0; j < d; j++) {
      sd[j * d + j] += alpha * mu;
    }
    return new LedoitWolf(alpha, mu, scatter);
  }
}
