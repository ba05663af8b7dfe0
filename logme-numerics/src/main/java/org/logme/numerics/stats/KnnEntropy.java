package org.logme.numerics.stats;

import java.util.Arrays;
import org.logme.api.linalg.Matrix;

/**
 * The Kozachenko–Leonenko k-nearest-neighbour estimate of the differential entropy of a sample
 * (Kozachenko &amp; Leonenko, Problems Inform. Transmission 23(2), 1987; in the k-NN form of
 * Kraskov, Stögbauer &amp; Grassberger, Phys. Rev. E 69, 2004, eq. 20), in nats:
 * <pre>
 *   Ĥ = ψ(n) − ψ(k) + ln V_d + (d/n)·Σᵢ ln εᵢ,   V_d = π^{d/2} / Γ(d/2 + 1)
 * </pre>
 * for n points in d dimensions, εᵢ the Euclidean distance from point i to its k-th nearest
 * other point (V_d is the volume of the unit d-ball). The estimate is asymptotically unbiased
 * for any k.
 *
 * <p>Duplicated points have εᵢ = 0 and would make the estimate −∞ (a point mass has entropy
 * −∞); distances below a floor are raised to it and counted, so the caller can report them.
 * Distances are summed coordinate by coordinate, so duplicates give exactly 0.
 *
 * @param entropy Ĥ in nats
 * @param floored how many εᵢ were raised to the floor
 * @since 0.2
 */
public record KnnEntropy(double entropy, int floored) {

  /**
   * @param x the n×d sample, n &gt; k
   * @param k the neighbour order, ≥ 1
   * @param floor the smallest distance used, &gt; 0
   * @return the estimate
   * @throws IllegalArgumentException if n ≤ k, k &lt; 1 or the floor is not positive
   */
  public static KnnEntropy of(Matrix x, int k, double floor) {
    int n = x.rows();
    int d = x.cols();
    if (k < 1 || n <= k) {
      throw new IllegalArgumentException("the k-NN entropy with k = " + k + " needs more than "
          + k + " points, got " + n);
    }
    if (!(floor > 0)) {
      throw new IllegalArgumentException("the distance floor must be positive, not " + floor);
    }
    double[] xd = x.data();
    double[] distances = new double[n - 1];
    double logSum = 0;
    int floored = 0;
    for (int i = 0; i < n; i++) {
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int t = 0; t < d; t++) {
          double e = xd[i * d + t] - xd[j * d + t];
          s += e * e;
        }
        distances[m++] = s;
      }
      double epsilon = Math.sqrt(kthSmallest(distances, k));
      if (epsilon < floor) {
        epsilon = floor;
        floored++;
      }
      logSum += Math.log(epsilon);
    }
    double logVolume = d / 2.0 * Math.log(Math.PI) - SpecialFunctions.logGamma(d / 2.0 + 1);
    double h = SpecialFunctions.digamma(n) - SpecialFunctions.digamma(k) + logVolume
        + d * logSum / n;
    return new KnnEntropy(h, floored);
  }

  /** The k-th smallest value (1-based), reordering the array. */
  private static double kthSmallest(double[] values, int k) {
    if (k <= 8) {
      double[] best = new double[k];
      Arrays.fill(best, Double.POSITIVE_INFINITY);
      for (double v : values) {
        if (v < best[k - 1]) {
          int p = k - 1;
          while (p > 0 && best[p - 1] > v) {
            best[p] = best[p - 1];
            p--;
          }
          best[p] = v;
        }
      }
      return best[k - 1];
    }
    Arrays.sort(values);
    return values[k - 1];
  }
}
