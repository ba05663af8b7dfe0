package org.logme.numerics.stats;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * k-means clustering as scikit-learn's {@code KMeans(n_init=1, algorithm='lloyd')} runs it:
 * greedy k-means++ seeding (Arthur &amp; Vassilvitskii, SODA 2007; 2 + ⌊ln k⌋ candidates per
 * centre, the one that most reduces the potential kept), then Lloyd iterations until the labels
 * stop changing or the total squared centre shift is at most {@code relativeTolerance} times the
 * mean column variance. An empty cluster is moved to the sample farthest from its centre. The
 * draws come from the given generator, so a seeded run is reproducible, but they are not
 * scikit-learn's draws.
 *
 * @param centres the k×D centres
 * @param labels the cluster of each sample
 * @param iterations the Lloyd iterations run
 * @param inertia the sum of squared distances of the samples to their centres
 * @since 0.1
 */
public record KMeans(Matrix centres, int[] labels, int iterations, double inertia) {

  /**
   * @param x an N×D matrix (not modified)
   * @param k the number of clusters, 1..N
   * @param random the generator for the seeding
   * @param maxIterations the most Lloyd iterations (scikit-learn: 300)
   * @param relativeTolerance the centre-shift tolerance relative to the mean column variance
   *     (scikit-learn: 1e-4)
   * @param backend the linear algebra
   * @return the clustering
   */
  public static KMeans fit(Matrix x, int k, NumpyRandomState random, int maxIterations,
      double relativeTolerance, LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("cannot form " + k + " clusters from " + n + " samples");
    }
    double meanVariance = 0;
    Matrix centred = Covariance.centred(x);
    for (double v : centred.data()) {
      meanVariance += v * v;
    }
    meanVariance /= (double) n * d;
    double tolerance = relativeTolerance * meanVariance;
    Matrix centres = seed(x, k, random);
    int[] labels = new int[n];
    double[] distances = new double[n];
    int[] previous = null;
    boolean strict = false;
    int iteration = 0;
    while (iteration < maxIterations) {
      assign(x, centres, labels, distances, backend);
      Matrix updated = update(x, k, labels, distances);
      double shift = 0;
      for (int i = 0; i < updated.data().length; i++) {
        double delta = updated.data()[i] - centres.data()[i];
        shift += delta * delta;
      }
      centres = updated;
      iteration++;
      if (previous != null && java.util.Arrays.equals(previous, labels)) {
        strict = true;
        break;
      }
      if (shift <= tolerance) {
        break;
      }
      previous = labels.clone();
    }
    if (!strict) {
      assign(x, centres, labels, distances, backend);
    }
    double inertia = 0;
    for (double v : distances) {
      inertia += v;
    }
    return new KMeans(centres, labels, iteration, inertia);
  }

  private static Matrix seed(Matrix x, int k, NumpyRandomState random) {
    int n = x.rows();
    int d = x.cols();
    double[] data = x.data();
    Matrix centres = Matrix.zeros(k, d);
    int first = random.nextIndex(n);
    System.arraycopy(data, first * d, centres.data(), 0, d);
    double[] closest = squaredDistances(x, first);
    double potential = sum(closest);
    int trials = 2 + (int) Math.log(k);
    for (int c = 1; c < k; c++) {
      double[] cumulative = new double[n];
      double running = 0;
      for (int i = 0; i < n; i++) {
        running += closest[i];
        cumulative[i] = running;
      }
      double bestPotential = Double.POSITIVE_INFINITY;
      double[] bestDistances = null;
      int best = -1;
      for (int t = 0; t < trials; t++) {
        double target = random.randomSample() * potential;
        int candidate = searchLeft(cumulative, target);
        double[] candidateDistances = squaredDistances(x, candidate);
        double candidatePotential = 0;
        for (int i = 0; i < n; i++) {
          candidateDistances[i] = Math.min(closest[i], candidateDistances[i]);
          candidatePotential += candidateDistances[i];
        }
        if (candidatePotential < bestPotential) {
          bestPotential = candidatePotential;
          bestDistances = candidateDistances;
          best = candidate;
        }
      }
      System.arraycopy(data, best * d, centres.data(), c * d, d);
      closest = bestDistances;
      potential = bestPotential;
    }
    return centres;
  }

  /** numpy's searchsorted(side='left'), clipped to the last index. */
  private static int searchLeft(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return Math.min(lo, sorted.length - 1);
  }

  private static double[] squaredDistances(Matrix x, int row) {
    int n = x.rows();
    int d = x.cols();
    double[] data = x.data();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double delta = data[i * d + j] - data[row * d + j];
        s += delta * delta;
      }
      out[i] = s;
    }
    return out;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** Nearest centre of each sample (lowest index on ties) and its squared distance. */
  static void assign(Matrix x, Matrix centres, int[] labels, double[] distances,
      LinearAlgebraBackend backend) {
    int n = x.rows();
    int d = x.cols();
    int k = centres.rows();
    double[] xc = backend.multiply(x, centres.transpose()).data();
    double[] c = centres.data();
    double[] centreNorms = new double[k];
    for (int j = 0; j < k; j++) {
      for (int t = 0; t < d; t++) {
        centreNorms[j] += c[j * d + t] * c[j * d + t];
      }
    }
    double[] data = x.data();
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (int t = 0; t < d; t++) {
        norm += data[i * d + t] * data[i * d + t];
      }
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        double distance = norm - 2 * xc[i * k + j] + centreNorms[j];
        if (distance < bestDistance) {
          bestDistance = distance;
          best = j;
        }
      }
      labels[i] = best;
      distances[i] = Math.max(0, bestDistance);
    }
  }

  private static Matrix update(Matrix x, int k, int[] labels, double[] distances) {
    int n = x.rows();
    int d = x.cols();
    ClassMeans means = ClassMeans.of(x, labels, k);
    Matrix centres = means.means();
    boolean[] taken = new boolean[n];
    for (int c = 0; c < k; c++) {
      if (means.counts()[c] == 0) {
        int farthest = -1;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && (farthest < 0 || distances[i] > distances[farthest])) {
            farthest = i;
          }
        }
        taken[farthest] = true;
        System.arraycopy(x.data(), farthest * d, centres.data(), c * d, d);
      }
    }
    return centres;
  }
}
