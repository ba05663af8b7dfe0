package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.logme.api.linalg.TestMatrices.gaussian;
import static org.logme.api.linalg.TestMatrices.maxAbsDiff;
import static org.logme.api.linalg.TestMatrices.naiveMultiply;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.NumericalException;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * The statistical helpers of {@code org.logme.numerics.stats} on one backend. Each backend module
 * runs it by subclassing, as {@link org.logme.api.linalg.BackendContractTest}; the expected
 * values come from the definitions, computed here with plain loops.
 */
public abstract class StatisticsContractTest {

  /** @return the backend under test */
  protected abstract LinearAlgebraBackend backend();

  /** Columns of different scales and offsets, one of them constant. */
  private static Matrix data(int n, int d, long seed) {
    Matrix x = gaussian(n, d, seed);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x.set(i, j, j == d - 1 ? 4.0 : x.get(i, j) * (j + 1) + 3 * j);
      }
    }
    return x;
  }

  private static double[][] naiveCovariance(Matrix x, int ddof) {
    int n = x.rows();
    int d = x.cols();
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        mean[j] += x.get(i, j) / n;
      }
    }
    double[][] cov = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        for (int i = 0; i < n; i++) {
          cov[a][b] += (x.get(i, a) - mean[a]) * (x.get(i, b) - mean[b]) / (n - ddof);
        }
      }
    }
    return cov;
  }

  @Test
  void covarianceUsesTheStatedDivisor() {
    Matrix x = data(40, 6, 1);
    Matrix before = x.copy();
    for (int ddof = 0; ddof <= 1; ddof++) {
      Matrix cov = Covariance.of(x, ddof, backend());
      assertThat(maxAbsDiff(cov, Matrix.of(naiveCovariance(x, ddof)))).isLessThan(1e-12);
    }
    assertThat(x.sameValues(before)).isTrue();
    assertThatThrownBy(() -> Covariance.of(Matrix.zeros(1, 3), 1, backend()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void standardizedColumnsHaveMeanZeroAndUnitPopulationStd() {
    Matrix x = data(50, 5, 2);
    Matrix z = Covariance.standardized(x);
    double[][] cov = naiveCovariance(z, 0);
    double[] means = Covariance.columnMeans(z);
    for (int j = 0; j < 4; j++) {
      assertThat(means[j]).isCloseTo(0.0, within(1e-14));
      assertThat(cov[j][j]).isCloseTo(1.0, within(1e-12));
    }
    // a constant column, even one whose computed mean is off by an ulp, stays at 0
    for (int i = 0; i < 50; i++) {
      assertThat(Math.abs(z.get(i, 4))).isLessThan(1e-14);
    }
    Matrix offset = Matrix.zeros(7, 1);
    java.util.Arrays.fill(offset.data(), -2.2935029264442126);
    for (double v : Covariance.standardized(offset).data()) {
      assertThat(Math.abs(v)).isLessThan(1e-14);
    }
  }

  @Test
  void classMeansAndTheBetweenFactorMatchTheDefinition() {
    Matrix x = data(30, 4, 3);
    int[] y = new int[30];
    for (int i = 0; i < 30; i++) {
      y[i] = (i * 7) % 3;
    }
    ClassMeans means = ClassMeans.of(x, y, 3);
    Matrix g = Matrix.zeros(30, 4);
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 4; j++) {
        g.set(i, j, means.means().get(y[i], j));
      }
    }
    assertThat(means.counts()).containsExactly(10, 10, 10);
    Matrix b = means.betweenFactor(1);
    assertThat(maxAbsDiff(naiveMultiply(b.transpose(), b), Matrix.of(naiveCovariance(g, 1))))
        .isLessThan(1e-12);
    ClassMeans regularised = ClassMeans.of(x, y, 3, 1e-8);
    assertThat(regularised.means().get(1, 2))
        .isCloseTo(means.means().get(1, 2) * 10 / (10 + 1e-8), within(1e-15));
  }

  @Test
  void ledoitWolfFollowsItsFormula() {
    Matrix x = data(25, 8, 4);
    LedoitWolf lw = LedoitWolf.fit(x, backend());
    double[][] s = naiveCovariance(x, 0);
    int n = 25;
    int d = 8;
    double trace = 0;
    double frobenius = 0;
    for (int a = 0; a < d; a++) {
      trace += s[a][a];
      for (int b = 0; b < d; b++) {
        frobenius += s[a][b] * s[a][b];
      }
    }
    double mu = trace / d;
    double[] mean = Covariance.columnMeans(x);
    double fourth = 0;
    for (int i = 0; i < n; i++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        norm += Math.pow(x.get(i, j) - mean[j], 2);
      }
      fourth += norm * norm;
    }
    double beta = (fourth / n - frobenius) / (d * n);
    double delta = 0;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        delta += Math.pow(s[a][b] - (a == b ? mu : 0), 2) / d;
      }
    }
    double alpha = Math.min(beta, delta) / delta;
    assertThat(lw.shrinkage()).isCloseTo(alpha, within(1e-12)).isBetween(0.0, 1.0);
    assertThat(lw.mu()).isCloseTo(mu, within(1e-12));
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        assertThat(lw.covariance().get(a, b))
            .isCloseTo((1 - alpha) * s[a][b] + (a == b ? alpha * mu : 0), within(1e-12));
      }
    }
    assertThat(LedoitWolf.fit(gaussian(10, 1, 5), backend()).shrinkage()).isZero();
  }

  @Test
  void exactPcaGivesOrthogonalScoresWithTheSignConvention() {
    for (Matrix x : new Matrix[] {gaussian(60, 8, 6), gaussian(8, 30, 7)}) {
      Pca pca = Pca.fit(x, backend());
      int r = pca.rank();
      assertThat(r).isEqualTo(Math.min(x.rows(), x.cols()));
      Matrix scores = pca.scores(r, backend());
      Matrix gram = naiveMultiply(scores.transpose(), scores);
      double[] variance = pca.explainedVariance();
      for (int a = 0; a < r; a++) {
        for (int b = 0; b < r; b++) {
          double expected = a == b ? variance[a] * (x.rows() - 1) : 0;
          assertThat(gram.get(a, b)).isCloseTo(expected, within(1e-9 * (1 + variance[0])));
        }
        int largest = 0;
        for (int i = 0; i < scores.rows(); i++) {
          if (Math.abs(scores.get(i, a)) > Math.abs(scores.get(largest, a))) {
            largest = i;
          }
        }
        if (variance[a] > 1e-12 * variance[0]) {
          // a zero-variance component (the centred 8×30 data has rank 7) has no sign
          assertThat(scores.get(largest, a)).isPositive();
        }
      }
      // the scores of all components reproduce the centred data's pairwise inner products
      Matrix centred = Covariance.centred(x);
      assertThat(maxAbsDiff(naiveMultiply(scores, scores.transpose()),
          naiveMultiply(centred, centred.transpose()))).isLessThan(1e-9);
      double total = 0;
      for (double v : pca.explainedVarianceRatio()) {
        total += v;
      }
      assertThat(total).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void aPcaKeepingTheLeadingDirectionsGivesTheSameScores() {
    for (Matrix x : new Matrix[] {gaussian(300, 40, 8), gaussian(20, 90, 9)}) {
      Pca full = Pca.fit(x, backend());
      Pca leading = Pca.fit(x, 5, backend());
      assertThat(leading.rank()).isEqualTo(full.rank());
      double[] variance = full.explainedVariance();
      double[] leadingVariance = leading.explainedVariance();
      for (int i = 0; i < variance.length; i++) {
        assertThat(leadingVariance[i]).isCloseTo(variance[i], within(1e-10 * variance[0]));
      }
      // both follow the sign convention, so distinct components agree entry by entry
      assertThat(maxAbsDiff(leading.scores(5, backend()), full.scores(5, backend())))
          .isLessThan(1e-8 * Math.sqrt(variance[0]));
      assertThatThrownBy(() -> leading.scores(6, backend()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directions of 5");
    }
    assertThatThrownBy(() -> Pca.fit(gaussian(10, 4, 1), 5, backend()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void componentsForAVarianceRatioFollowScikitLearnsRule() {
    // variances 4, 3, 2, 1 (ratios .4 .3 .2 .1): cumulative .4 .7 .9 1.0
    Matrix x = Matrix.zeros(8, 4);
    double[] scale = {2, Math.sqrt(3), Math.sqrt(2), 1};
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 4; j++) {
        x.set(i, j, (i == 2 * j ? 1 : i == 2 * j + 1 ? -1 : 0) * scale[j]);
      }
    }
    Pca pca = Pca.fit(x, backend());
    assertThat(pca.componentsFor(0.5)).isEqualTo(2);
    assertThat(pca.componentsFor(0.8)).isEqualTo(3);
    assertThat(pca.componentsFor(0.3)).isEqualTo(1);
    assertThat(pca.componentsFor(0.95)).isEqualTo(4);
  }

  @Test
  void randomizedPcaIsExactWhenItsSubspaceCoversTheData() {
    // D = 12 ≤ k + oversamples: the random subspace spans all columns, so the result is exact
    Matrix x = data(80, 12, 8);
    Matrix exact = Pca.fit(x, backend()).scores(6, backend());
    Matrix randomized = Pca.randomizedScores(x, 6, 10, 1, 1919, backend());
    assertThat(maxAbsDiff(exact, randomized)).isLessThan(1e-8);
    // N < D takes the transposed path
    Matrix wide = gaussian(15, 40, 9);
    assertThat(maxAbsDiff(Pca.fit(wide, backend()).scores(5, backend()),
        Pca.randomizedScores(wide, 5, 10, 1, 7, backend()))).isLessThan(1e-8);
    assertThatThrownBy(() -> Pca.randomizedScores(gaussian(50, 4, 1), 32, 10, 1, 1, backend()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n_components=32");
  }

  /** Three well-separated blobs of 60 points each in 3 dimensions. */
  private static Matrix blobs(long seed) {
    Random random = new Random(seed);
    Matrix x = Matrix.zeros(180, 3);
    for (int i = 0; i < 180; i++) {
      for (int j = 0; j < 3; j++) {
        x.set(i, j, (j == i / 60 ? 20 : 0) + random.nextGaussian());
      }
    }
    return x;
  }

  @Test
  void kMeansRecoversSeparatedClustersDeterministically() {
    Matrix x = blobs(10);
    KMeans first = KMeans.fit(x, 3, new NumpyRandomState(0), 300, 1e-4, backend());
    KMeans again = KMeans.fit(x, 3, new NumpyRandomState(0), 300, 1e-4, backend());
    assertThat(first.labels()).containsExactly(again.labels());
    for (int i = 0; i < 180; i++) {
      assertThat(first.labels()[i]).isEqualTo(first.labels()[(i / 60) * 60]);
    }
    assertThat(first.labels()[0]).isNotEqualTo(first.labels()[60]);
    assertThat(first.labels()[60]).isNotEqualTo(first.labels()[120]);
    assertThat(first.inertia()).isLessThan(180 * 3 * 1.5);
  }

  @Test
  void gaussianMixtureSeparatesClustersAndItsPosteriorsSumToOne() {
    Matrix x = blobs(11);
    GaussianMixture gmm = GaussianMixture.fit(x, 3, GaussianMixture.Options.defaults(),
        new NumpyRandomState(0), backend());
    assertThat(gmm.converged()).isTrue();
    for (double w : gmm.weights()) {
      assertThat(w).isCloseTo(1.0 / 3, within(1e-6));
    }
    Matrix posteriors = gmm.posteriors(x, backend());
    for (int i = 0; i < 180; i++) {
      double sum = 0;
      double max = 0;
      for (int k = 0; k < 3; k++) {
        sum += posteriors.get(i, k);
        max = Math.max(max, posteriors.get(i, k));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-12));
      assertThat(max).isGreaterThan(0.999);
    }
    // separated components: each sample's likelihood is π_k·N(x; μ_k, I), so the mean
    // log-likelihood is about log(1/3) − 3/2·log(2πe) = −5.36
    double expected = Math.log(1.0 / 3) - 1.5 * Math.log(2 * Math.PI * Math.E);
    assertThat(gmm.meanLogLikelihood()).isCloseTo(expected, within(0.25));
  }

  /**
   * The pruned E-step abandons a component for a sample only where its responsibility is
   * exactly 0: responsibilities and log-likelihood equal the unpruned ones to the last bit,
   * whatever the hints, and the densities agree with a direct solve through the backend.
   */
  @Test
  void prunedResponsibilitiesEqualTheFullComputationBitForBit() {
    Random random = new Random(12);
    int n = 403;
    int d = 24;
    int clusters = 9;
    Matrix x = Matrix.zeros(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x.set(i, j, (j % clusters == i % clusters ? 40 : 0) + random.nextGaussian()
            * (1 + (i % clusters) / 4.0));
      }
    }
    GaussianMixture gmm = GaussianMixture.fit(x, clusters, GaussianMixture.Options.defaults(),
        new NumpyRandomState(3), backend());
    GaussianMixture.Parameters p = gmm.parameters();
    int[] goodHints = new int[n];
    double[] fullMean = new double[1];
    Matrix full = GaussianMixture.logResponsibilities(x, p, new int[n], false, fullMean,
        goodHints, backend());
    int[] badHints = new int[n];
    for (int i = 0; i < n; i++) {
      badHints[i] = (goodHints[i] + 1 + i % (clusters - 1)) % clusters;
    }
    int pruned = 0;
    for (int[] hints : new int[][] {goodHints, badHints, new int[n]}) {
      double[] mean = new double[1];
      Matrix fast = GaussianMixture.logResponsibilities(x, p, hints, true, mean, new int[n],
          backend());
      assertThat(mean[0]).isEqualTo(fullMean[0]);
      for (int i = 0; i < n * clusters; i++) {
        assertThat(Math.exp(fast.data()[i])).as("responsibility %d", i)
            .isEqualTo(Math.exp(full.data()[i]));
        if (fast.data()[i] == Double.NEGATIVE_INFINITY) {
          pruned++;
        }
      }
    }
    assertThat(pruned).as("components abandoned early").isGreaterThan(n * clusters);
    // the densities themselves, through the backend's own triangular solve: log r_ic − log r_i0
    // is the difference of the two log-densities
    for (int i = 0; i < n; i += 7) {
      double base = densityOf(x, p, i, 0, d);
      for (int c = 1; c < clusters; c++) {
        double density = densityOf(x, p, i, c, d);
        assertThat(full.get(i, c) - full.get(i, 0)).as("sample %d, component %d", i, c)
            .isCloseTo(density - base, within(1e-9 * (1 + Math.abs(density) + Math.abs(base))));
      }
    }
  }

  private double densityOf(Matrix x, GaussianMixture.Parameters p, int i, int c, int d) {
    Matrix diff = Matrix.zeros(d, 1);
    for (int j = 0; j < d; j++) {
      diff.set(j, 0, x.get(i, j) - p.means().get(c, j));
    }
    Matrix l = p.cholesky()[c];
    Matrix yy = backend().solveLowerTriangular(l, diff);
    double norm = 0;
    double logDet = 0;
    for (int j = 0; j < d; j++) {
      norm += yy.get(j, 0) * yy.get(j, 0);
      logDet += Math.log(l.get(j, j));
    }
    return -0.5 * d * Math.log(2 * Math.PI) - logDet + Math.log(p.weights()[c]) - 0.5 * norm;
  }

  @Test
  void gaussianMixtureReportsACollapsedComponent() {
    Matrix x = Matrix.zeros(6, 2); // every sample identical: zero covariances
    GaussianMixture.Options noRegularization = new GaussianMixture.Options(0, 1e-3, 10);
    assertThatThrownBy(() -> GaussianMixture.fit(x, 2, noRegularization, new NumpyRandomState(0),
        backend())).isInstanceOf(NumericalException.class).hasMessageContaining("component");
  }
}
