package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;
import org.logme.numerics.stats.SpecialFunctions;

/**
 * TMI has no runnable reference (its code is non-commercial and was not used): the stated
 * properties of the definition implemented, on data where the answer is known.
 */
class TmiPropertiesTest {
  private static final LinearAlgebraBackend BACKEND = Backends.all().get(0);

  private static double tmi(Matrix f, double[] y) {
    return result(f, y, Map.of()).score();
  }

  private static EstimateResult result(Matrix f, double[] y, Map<String, String> parameters) {
    return Estimators.create("tmi", parameters).estimate(EstimationInput.builder()
        .features(new Features(f, "F")).labels(Labels.of(y, "y")).build(), BACKEND);
  }

  /** C Gaussian classes N(centre_c, σ²I) in d dimensions, centres N(0, spread²I). */
  private static Matrix gaussianClasses(double[] y, int d, double spread, double sigma,
      long seed) {
    Random random = new Random(seed);
    int c = (int) java.util.Arrays.stream(y).max().orElseThrow() + 1;
    double[][] centres = new double[c][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = spread * random.nextGaussian();
      }
    }
    Matrix f = Matrix.zeros(y.length, d);
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < d; j++) {
        f.set(i, j, centres[(int) y[i]][j] + sigma * random.nextGaussian());
      }
    }
    return f;
  }

  private static double[] labels(int n, int c) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % c;
    }
    return y;
  }

  @Test
  void twoGridClassesGiveTheValueComputedByHand() {
    // D = 1, k = 1: class 0 = {0, ..., m−1}, class 1 = the same + 1000. Every nearest
    // neighbour distance is 1/s (s the standard deviation of all 2m points), so
    // Ĥ_c = ψ(m) − ψ(1) + ln 2 + ln(1/s) for both classes and TMI = −Ĥ_c.
    int m = 40;
    Matrix f = Matrix.zeros(2 * m, 1);
    double[] y = new double[2 * m];
    double mean = 0;
    for (int i = 0; i < 2 * m; i++) {
      f.set(i, 0, (i % m) + (i < m ? 0 : 1000));
      y[i] = i < m ? 0 : 1;
      mean += f.get(i, 0) / (2 * m);
    }
    double var = 0;
    for (int i = 0; i < 2 * m; i++) {
      var += (f.get(i, 0) - mean) * (f.get(i, 0) - mean) / (2 * m);
    }
    double h = SpecialFunctions.digamma(m) + 0.5772156649015329 + Math.log(2)
        - Math.log(Math.sqrt(var));
    assertThat(result(f, y, Map.of("k", "1")).score()).isCloseTo(-h, within(1e-12));
  }

  @Test
  void gaussianClassesGiveTheirEntropyPerDimensionWithinTheSamplingError() {
    // two classes far apart, each N(·, σ²I₂); after normalising by s (the RMS standard
    // deviation of all points), each class has entropy ln(2πe σ²/s²) in 2 dimensions
    int n = 6000;
    double[] y = labels(n, 2);
    Matrix f = gaussianClasses(y, 2, 0, 1.0, 5);
    for (int i = 0; i < n; i++) {
      f.set(i, 0, f.get(i, 0) + (y[i] == 1 ? 8 : 0));
    }
    EstimateResult r = result(f, y, Map.of());
    double s = (Double) r.details().get("scale");
    double perDimension = 0.5 * Math.log(2 * Math.PI * Math.E / (s * s));
    assertThat(r.score()).isCloseTo(-perDimension, within(0.03));
  }

  @Test
  void compactClassesScoreHigherThanLabelsUnrelatedToTheFeatures() {
    double[] y = labels(400, 4);
    Matrix separated = gaussianClasses(y, 6, 5, 1, 1);
    Matrix random = gaussianClasses(labels(400, 1), 6, 5, 1, 1);
    double compact = tmi(separated, y);
    double unrelated = tmi(random, y);
    assertThat(compact).isGreaterThan(unrelated + 0.5);
    // more separation, higher score
    assertThat(tmi(gaussianClasses(y, 6, 10, 1, 1), y)).isGreaterThan(compact);
  }

  @Test
  void isInvariantToSimilarityTransformsAndRelabelling() {
    double[] y = labels(300, 3);
    Matrix f = gaussianClasses(y, 5, 2, 1, 7);
    double base = tmi(f, y);
    // rotation (a Householder reflection), scaling by 3.5, translation
    double[] v = {1, -2, 0.5, 3, 1};
    double vv = 0;
    for (double e : v) {
      vv += e * e;
    }
    Matrix moved = Matrix.zeros(300, 5);
    for (int i = 0; i < 300; i++) {
      double xv = 0;
      for (int j = 0; j < 5; j++) {
        xv += f.get(i, j) * v[j];
      }
      for (int j = 0; j < 5; j++) {
        moved.set(i, j, 3.5 * (f.get(i, j) - 2 * xv / vv * v[j]) + 10 * j - 4);
      }
    }
    assertThat(tmi(moved, y)).isCloseTo(base, within(1e-10 * Math.abs(base)));
    double[] relabelled = new double[300];
    for (int i = 0; i < 300; i++) {
      relabelled[i] = new double[] {7, 2, 5}[(int) y[i]];
    }
    assertThat(tmi(f, relabelled)).isCloseTo(base, within(1e-12 * Math.abs(base)));
  }

  @Test
  void aClassCollapsedToDuplicatesIsFiniteFlaggedAndScoresHighest() {
    double[] y = labels(90, 3);
    Matrix f = gaussianClasses(y, 4, 2, 1, 9);
    double spread = tmi(f, y);
    Matrix collapsed = f.copy();
    for (int i = 0; i < 90; i++) {
      if (y[i] == 0) {
        for (int j = 0; j < 4; j++) {
          collapsed.set(i, j, 5.0); // every sample of class 0 at one point
        }
      }
    }
    EstimateResult r = result(collapsed, y, Map.of());
    assertThat(r.score()).isFinite().isGreaterThan(spread);
    assertThat(r.details()).containsEntry("floored_distances", 30);
    assertThat(r.warnings()).singleElement().asString().contains("duplicate");
  }

  @Test
  void aClassWithTooFewSamplesIsAClearError() {
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      y[i] = i < 3 ? 1 : 0; // class 1 has 3 samples, k = 3 needs 4
    }
    Matrix f = gaussianClasses(y, 3, 1, 1, 2);
    assertThatThrownBy(() -> tmi(f, y)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("class 1 has 3 samples").hasMessageContaining("tmi.k");
  }
}
