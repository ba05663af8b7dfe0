package org.logme.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyReader;
import org.logme.api.testing.SharedFixtures;

/**
 * One {@code baselines-*} case of {@code ../shared/fixtures}: features, labels, the expected
 * figures and the inputs of the sanity transforms.
 *
 * @param name the folder name
 * @param dir the folder
 * @param features the N×D features
 * @param labels the raw labels
 * @param expected the parsed expected.json
 */
record BaselineCase(String name, Path dir, Matrix features, double[] labels, JsonNode expected) {

  static BaselineCase load(String name) {
    Path dir = SharedFixtures.fixture(name);
    return new BaselineCase(name, dir, NpyReader.read(dir.resolve("features.npy")).asMatrix(),
        NpyReader.read(dir.resolve("labels.npy")).asVector("labels"),
        SharedFixtures.expected(name));
  }

  static List<String> names() {
    return SharedFixtures.cases("baselines-");
  }

  /** @return the case's input */
  EstimationInput input() {
    return input(features, labels);
  }

  /** @return an input of other features and labels */
  EstimationInput input(Matrix f, double[] y) {
    return EstimationInput.builder().features(new Features(f, name + "/features"))
        .labels(Labels.of(y, name + "/labels")).build();
  }

  /** @return {@code expected.json → key} */
  JsonNode entry(String key) {
    return expected.get(key);
  }

  /** @return an array file of the case */
  Matrix array(String file) {
    return NpyReader.read(dir.resolve(file)).asMatrix();
  }

  /** @return a vector file of the case */
  double[] vector(String file) {
    return NpyReader.read(dir.resolve(file)).asVector(file);
  }

  boolean has(String file) {
    return Files.exists(dir.resolve(file));
  }

  /** @return F·A + 1bᵀ */
  Matrix affine(Matrix a, double[] b) {
    int n = features.rows();
    int d = features.cols();
    Matrix out = Matrix.zeros(n, a.cols());
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < a.cols(); j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += features.get(i, k) * a.get(k, j);
        }
        out.set(i, j, s + (b == null ? 0 : b[j]));
      }
    }
    return out;
  }

  /** @return y' = perm[y] */
  double[] permutedLabels() {
    JsonNode perm = expected.at("/sanity_transforms/label_perm");
    double[] out = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = perm.get((int) labels[i]).asDouble();
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
