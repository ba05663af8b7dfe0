package org.logme.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyReader;

/**
 * The fixtures of the estimators added in 0.2, computed by running each reference function on
 * the shared fixture inputs: {@code src/test/resources/fixtures/ESTIMATOR/} (see the README
 * there for the reference, commit, function, library versions and inputs of each).
 */
final class ReferenceFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceFixtures() {
  }

  /** @return the directory of one estimator's fixtures */
  static Path dir(String estimator) {
    try {
      return Path.of(ReferenceFixtures.class.getResource("/fixtures/" + estimator).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return a parsed JSON file of an estimator's fixtures */
  static JsonNode json(String estimator, String file) {
    try {
      return JSON.readTree(dir(estimator).resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return an array file of an estimator's fixtures */
  static Matrix matrix(String estimator, String file) {
    return NpyReader.read(dir(estimator).resolve(file)).asMatrix();
  }

  /** @return the relative error of a value against its reference */
  static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.abs(expected);
  }

  /** @return row-wise softmax((F − mean F)·W), the synthetic source probabilities */
  static Matrix softmaxOfCentred(Matrix f, Matrix w) {
    int n = f.rows();
    int d = f.cols();
    int k = w.cols();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += f.get(i, j) / n;
      }
    }
    Matrix p = Matrix.zeros(n, k);
    for (int i = 0; i < n; i++) {
      double[] z = new double[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (f.get(i, j) - mean[j]) * w.get(j, c);
        }
        z[c] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        z[c] = Math.exp(z[c] - max);
        sum += z[c];
      }
      for (int c = 0; c < k; c++) {
        p.set(i, c, z[c] / sum);
      }
    }
    return p;
  }
}
