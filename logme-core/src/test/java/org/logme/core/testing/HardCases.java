package org.logme.core.testing;

import java.util.Random;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.core.LogMe;
import org.logme.core.LogMeAlgorithm;
import org.logme.core.LogMeEvidence;
import org.logme.linalg.ejml.EjmlBackendProvider;

/**
 * Seeded inputs on which LogME's numerics need to be honest, shared with the CLI's tests
 * through the test-jar: a problem where the fixed point stops at its iteration cap, and
 * informative features at any scale.
 */
public final class HardCases {
  private HardCases() {
  }

  /**
   * A classification problem.
   *
   * @param features N×D
   * @param labels N class ids
   * @param seed the seed it was drawn with
   */
  public record Problem(Matrix features, double[] labels, long seed) {
  }

  /**
   * The first seed (from 1) whose 40×5 standard normal features, with labels i mod 3, make the
   * fixed point stop at its cap for at least one class: features that carry no information about
   * the labels, where α/β creeps slowly.
   *
   * @return the problem
   */
  public static Problem nonConverging() {
    double[] labels = new double[40];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
    }
    LogMe logMe = new LogMe(LogMeAlgorithm.FIXED_POINT, new EjmlBackendProvider().create());
    for (long seed = 1; seed <= 100; seed++) {
      Matrix f = TestMatrices.gaussian(40, 5, seed);
      LogMeEvidence evidence = logMe.fit(new Features(f, "F"), Labels.of(labels, "y")).evidence();
      for (int iterations : evidence.iterations()) {
        if (iterations == LogMeAlgorithm.MAX_ITERATIONS && !evidence.warnings().isEmpty()) {
          return new Problem(f, labels, seed);
        }
      }
    }
    throw new AssertionError("no seed up to 100 makes the fixed point hit its cap");
  }

  /**
   * Informative features: three class means in 20 dimensions plus unit noise, 300 samples,
   * multiplied by a scale. LogME's exact evidence does not depend on the scale.
   *
   * @param scale the factor
   * @return the problem
   */
  public static Problem clustered(double scale) {
    Random random = new Random(7);
    int n = 300;
    int d = 20;
    double[][] means = new double[3][d];
    for (double[] mean : means) {
      for (int j = 0; j < d; j++) {
        mean[j] = random.nextGaussian();
      }
    }
    double[] labels = new double[n];
    double[] f = new double[n * d];
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(3);
      labels[i] = c;
      for (int j = 0; j < d; j++) {
        f[i * d + j] = (means[c][j] + random.nextGaussian()) * scale;
      }
    }
    return new Problem(Matrix.wrap(n, d, f), labels, 7);
  }
}
