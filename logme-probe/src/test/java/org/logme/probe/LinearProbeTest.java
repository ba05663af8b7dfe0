package org.logme.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;

/** Properties of the probe that hold whatever the reference. */
class LinearProbeTest {

  /** n samples in c classes; the class shifts the first coordinate by {@code separation}. */
  private static float[][] blobs(int n, int c, double separation, int[] labels, long seed) {
    Random random = new Random(seed);
    float[][] x = new float[n][4];
    for (int i = 0; i < n; i++) {
      labels[i] = i % c;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) random.nextGaussian();
      }
      x[i][0] += (float) (separation * labels[i]);
    }
    return x;
  }

  @Test
  void separableClassesAreLearntAndNoiseIsAtChance() {
    int[] labels = new int[200];
    float[][] separable = blobs(200, 2, 20, labels, 1);
    int[] folds = StratifiedFolds.assign(labels, 5, 0);
    LinearProbe probe = new LinearProbe(ProbeSettings.defaults(), 2);
    ProbeAccuracy good = probe.evaluate(separable, labels, folds);
    assertThat(good.at(1.0)).isEqualTo(1.0);
    assertThat(good.nested()).isEqualTo(1.0);
    float[][] noise = blobs(200, 2, 0, labels, 2);
    assertThat(probe.evaluate(noise, labels, folds).at(1.0)).isBetween(0.35, 0.65);
  }

  @Test
  void theNestedAccuracyIsTheMeanOuterAccuracyAtTheChosenCs() {
    int[] labels = new int[150];
    float[][] x = blobs(150, 3, 1.2, labels, 3);
    int[] folds = StratifiedFolds.assign(labels, 5, 4);
    ProbeAccuracy accuracy = new LinearProbe(ProbeSettings.defaults(), 2)
        .evaluate(x, labels, folds);
    assertThat(accuracy.chosen()).hasSize(5).allMatch(c -> List.of(0.1, 1.0, 10.0).contains(c));
    double min = accuracy.byC().values().stream().mapToDouble(v -> v).min().orElseThrow();
    double max = accuracy.byC().values().stream().mapToDouble(v -> v).max().orElseThrow();
    // a mean of per-fold values each taken from one of the grid's columns
    assertThat(accuracy.nested()).isBetween(min - 0.2, max + 0.2);
    if (accuracy.chosen().stream().distinct().count() == 1) {
      assertThat(accuracy.nested()).isEqualTo(accuracy.at(accuracy.chosen().get(0)));
    }
    assertThat(accuracy.variants()).containsOnlyKeys("c0.1", "c1", "c10", "cv");
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    int[] labels = new int[120];
    float[][] x = blobs(120, 3, 1.0, labels, 5);
    int[] folds = StratifiedFolds.assign(labels, 5, 0);
    assertThat(new LinearProbe(ProbeSettings.defaults(), 1).evaluate(x, labels, folds))
        .isEqualTo(new LinearProbe(ProbeSettings.defaults(), 3).evaluate(x, labels, folds));
  }

  @Test
  void mismatchedShapesAndNonFiniteValuesAreBadInput() {
    LinearProbe probe = new LinearProbe(ProbeSettings.defaults(), 1);
    float[][] x = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}};
    assertThatThrownBy(() -> probe.evaluate(x, new int[] {0, 1, 0, 1}, new int[] {0, 1, 2, 3, 4}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("5 feature rows but 4");
    float[][] bad = {{1, 2}, {3, Float.NaN}, {5, 6}, {7, 8}, {9, 10}};
    assertThatThrownBy(() -> probe.evaluate(bad, new int[] {0, 1, 0, 1, 0},
        new int[] {0, 1, 2, 3, 4})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("feature 1 of row 1 is NaN");
  }

  @Test
  void settingsAreValidatedAndDescribeHowToReproduceThem() {
    assertThatThrownBy(() -> new ProbeSettings(5, 0, List.of(1.0, 0.1), 1.0, 1e-4, 1))
        .hasMessageContaining("increasing");
    assertThatThrownBy(() -> new ProbeSettings(5, 0, List.of(0.1, 1.0), 10.0, 1e-4, 1))
        .hasMessageContaining("not in the grid");
    assertThatThrownBy(() -> new ProbeSettings(2, 0, List.of(1.0), 1.0, 1e-4, 1))
        .hasMessageContaining("at least 3 folds");
    assertThat(ProbeSettings.defaults().describe())
        .contains("LogisticRegression(solver='liblinear', C=1)").contains("PredefinedSplit")
        .contains("5-fold stratified").contains("seed 0");
  }
}
