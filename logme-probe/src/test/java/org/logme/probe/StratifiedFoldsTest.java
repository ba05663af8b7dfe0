package org.logme.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stratification, balance and reproducibility of the fold assignment. */
class StratifiedFoldsTest {

  @Test
  void everyFoldHoldsTheFloorOrCeilingOfEachClassShare() {
    int[] labels = new int[103];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 61 ? 0 : i < 90 ? 1 : 2; // 61, 29, 13
    }
    int[] folds = StratifiedFolds.assign(labels, 5, 42);
    int[][] counts = new int[5][3];
    int[] sizes = new int[5];
    for (int i = 0; i < labels.length; i++) {
      counts[folds[i]][labels[i]]++;
      sizes[folds[i]]++;
    }
    int[] members = {61, 29, 13};
    for (int f = 0; f < 5; f++) {
      for (int c = 0; c < 3; c++) {
        assertThat(counts[f][c]).isBetween(members[c] / 5, (members[c] + 4) / 5);
      }
    }
    assertThat(java.util.Arrays.stream(sizes).max().getAsInt()
        - java.util.Arrays.stream(sizes).min().getAsInt()).isLessThanOrEqualTo(1);
  }

  @Test
  void theSeedDecidesTheAssignmentAndNothingElseDoes() {
    int[] labels = new int[50];
    for (int i = 0; i < 50; i++) {
      labels[i] = i % 4;
    }
    assertThat(StratifiedFolds.assign(labels, 5, 7)).isEqualTo(StratifiedFolds.assign(labels, 5, 7));
    assertThat(StratifiedFolds.assign(labels, 5, 7)).isNotEqualTo(StratifiedFolds.assign(labels, 5, 8));
  }

  @Test
  void smallClassesAreWarnedAboutAndImpossibleSplitsRefused() {
    int[] labels = {0, 0, 0, 0, 0, 0, 1, 1};
    assertThat(StratifiedFolds.warnings(labels, 5, List.of("cat", "dog")))
        .containsExactly("class 'dog' has 2 samples, fewer than the 5 folds: some test folds"
            + " hold none of it");
    assertThatThrownBy(() -> StratifiedFolds.assign(new int[] {0, 1}, 5, 0))
        .hasMessageContaining("2 samples cannot fill 5 folds");
    assertThatThrownBy(() -> StratifiedFolds.assign(labels, 1, 0))
        .hasMessageContaining("at least 2 folds");
  }
}
