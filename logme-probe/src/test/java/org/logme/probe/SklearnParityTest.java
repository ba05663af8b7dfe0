package org.logme.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/**
 * The probe against scikit-learn on the same features and folds ({@code sklearn/make_fixture.py}
 * beside the fixtures): LIBLINEAR is the algorithm of {@code LogisticRegression(solver=
 * 'liblinear')}, so every fold's accuracy agrees exactly; scikit-learn's default (lbfgs,
 * multinomial) is a slightly different model and agrees within 0.03, the bound of the issue.
 */
class SklearnParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"blobs", "emoji"})
  void everyFoldMatchesScikitLearnsLiblinearAndTheMeanItsDefaultSolver(String name)
      throws IOException {
    float[][] features = toFloat(read(name, "features.npy"));
    int[] labels = toInt(read(name, "labels.npy"));
    int[] folds = toInt(read(name, "folds.npy"));
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("sklearn/" + name + "/expected.json")) {
      expected = JSON.readTree(in);
    }
    ProbeAccuracy accuracy = new LinearProbe(ProbeSettings.defaults(), 2)
        .evaluate(features, labels, folds);
    for (double c : ProbeSettings.defaults().grid()) {
      String key = "liblinear_c" + ProbeSettings.c(c);
      assertThat(accuracy.at(c)).as(key).isCloseTo(expected.get(key).asDouble(), within(1e-12));
    }
    assertThat(accuracy.at(1.0)).isCloseTo(expected.get("lbfgs_c1").asDouble(), within(0.03));
  }

  private NdArray read(String name, String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("sklearn/" + name + "/" + file)) {
      return NpyReader.read(in, -1, name + "/" + file);
    }
  }

  private static float[][] toFloat(NdArray array) {
    int n = array.shape()[0];
    int d = array.shape()[1];
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = (float) array.data()[i * d + j];
      }
    }
    return out;
  }

  private static int[] toInt(NdArray array) {
    int[] out = new int[array.data().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) array.data()[i];
    }
    return out;
  }
}
