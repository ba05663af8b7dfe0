package org.logme.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.SharedFixtures;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/**
 * One LogME fixture case of {@code ../shared/fixtures} (a {@code cls-*}, {@code reg-*} or
 * {@code leep-nce} folder), loaded with its expected figures.
 *
 * @param name the folder name
 * @param dir the folder
 * @param features the features
 * @param labels the labels (classification), or null
 * @param targets the targets (regression), or null
 * @param expected the parsed expected.json
 */
public record LogMeCase(String name, Path dir, Features features, Labels labels, Targets targets,
    JsonNode expected) {

  /** Tolerances of the fixtures README: 1e-6 relative or 1e-9 absolute. */
  public static final double RELATIVE = 1e-6;
  /** Absolute tolerance floor for values near zero. */
  public static final double ABSOLUTE = 1e-9;

  /** @return the case */
  public static LogMeCase load(String name) {
    Path dir = SharedFixtures.fixture(name);
    Features features = new Features(NpyReader.read(dir.resolve("features.npy")).asMatrix(),
        name + "/features.npy");
    Labels labels = null;
    Targets targets = null;
    if (Files.exists(dir.resolve("targets.npy"))) {
      targets = Targets.regression(NpyReader.read(dir.resolve("targets.npy")).asMatrix(),
          name + "/targets.npy");
    } else {
      labels = Labels.of(NpyReader.read(dir.resolve("labels.npy")).asVector("labels"),
          name + "/labels.npy");
    }
    return new LogMeCase(name, dir, features, labels, targets, SharedFixtures.expected(name));
  }

  /** @return the names of every LogME case */
  public static java.util.List<String> names() {
    return SharedFixtures.cases("cls-", "reg-", "leep-nce");
  }

  /** @return the case as estimator input */
  public EstimationInput input() {
    return EstimationInput.builder().features(features).labels(labels).targets(targets).build();
  }

  /** @return true for a regression case */
  public boolean regression() {
    return targets != null;
  }

  /** @return {@code expected.json → logme} */
  public JsonNode logme() {
    return expected.get("logme");
  }

  /** @return the expected value at a path such as {@code fixed_point/alphas} as doubles */
  public double[] doubles(String path) {
    JsonNode node = logme().at("/" + path);
    return StreamSupport.stream(node.spliterator(), false).mapToDouble(JsonNode::asDouble)
        .toArray();
  }

  /** @return an array file of the case */
  public Matrix array(String file) {
    NdArray a = NpyReader.read(dir.resolve(file));
    return a.asMatrix();
  }

  @Override
  public String toString() {
    return name;
  }
}
