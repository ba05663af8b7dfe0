package org.logme.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.testing.Backends;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/**
 * The probe as an estimator: its single-C cross-validation against scikit-learn's liblinear on
 * scikit-learn's folds, and the estimator's score against that on its own folds.
 */
class ProbeEstimatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NdArray read(String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("sklearn/blobs/" + file)) {
      return NpyReader.read(in, -1, "blobs/" + file);
    }
  }

  private static double[][] rows(NdArray a) {
    int n = a.shape()[0];
    int d = a.shape()[1];
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a.data(), i * d, out[i], 0, d);
    }
    return out;
  }

  private static int[] ints(NdArray a) {
    int[] out = new int[a.data().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) a.data()[i];
    }
    return out;
  }

  @Test
  void crossValidationAtOneCMatchesScikitLearnOnItsFolds() throws IOException {
    JsonNode expected;
    try (InputStream in = getClass().getResourceAsStream("sklearn/blobs/expected.json")) {
      expected = JSON.readTree(in);
    }
    double[][] features = rows(read("features.npy"));
    int[] labels = ints(read("labels.npy"));
    int[] folds = ints(read("folds.npy"));
    LinearProbe probe = new LinearProbe(ProbeSettings.defaults(), 1);
    for (double c : ProbeSettings.defaults().grid()) {
      assertThat(probe.crossValidated(features, labels, folds, c))
          .isCloseTo(expected.get("liblinear_c" + ProbeSettings.c(c)).asDouble(), within(1e-12));
    }
  }

  @Test
  void theEstimatorIsTheProbeOnItsOwnStratifiedFolds() throws IOException {
    double[][] features = rows(read("features.npy"));
    int[] labels = ints(read("labels.npy"));
    EstimationInput input = EstimationInput.builder()
        .features(Features.of(features, "blobs")).labels(Labels.of(labels, "y")).build();
    ProbeEstimatorProvider provider = new ProbeEstimatorProvider();
    for (String c : new String[] {"0.1", "1", "10"}) {
      EstimateResult r = provider.create(EstimatorParameters.resolve("probe",
          provider.parameters(), Map.of("c", c, "folds", "4", "seed", "3")))
          .estimate(input, Backends.all().get(0));
      int[] folds = StratifiedFolds.assign(labels, 4, 3);
      double expected = new LinearProbe(ProbeSettings.defaults().withFolds(4, 3), 2)
          .crossValidated(features, labels, folds, Double.parseDouble(c));
      assertThat(r.score()).isEqualTo(expected).isBetween(0.0, 1.0);
    }
    EstimateResult nested = provider.create(EstimatorParameters.resolve("probe",
        provider.parameters(), Map.of("selection", "nested"))).estimate(input,
        Backends.all().get(0));
    float[][] asFloat = new float[features.length][];
    for (int i = 0; i < features.length; i++) {
      asFloat[i] = new float[features[i].length];
      for (int j = 0; j < features[i].length; j++) {
        asFloat[i][j] = (float) features[i][j]; // exact: the fixture is float32
      }
    }
    assertThat(nested.score()).isEqualTo(new LinearProbe(ProbeSettings.defaults(), 1)
        .evaluate(asFloat, labels, StratifiedFolds.assign(labels, 5, 0)).nested());
  }

  @Test
  void fewerThanThreeFoldsIsAClearError() {
    ProbeEstimatorProvider provider = new ProbeEstimatorProvider();
    assertThatThrownBy(() -> provider.create(EstimatorParameters.resolve("probe",
        provider.parameters(), Map.of("folds", "2"))))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least 3");
  }
}
