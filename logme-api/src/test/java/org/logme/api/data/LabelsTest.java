package org.logme.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;

class LabelsTest {

  @Test
  void denseIdsAreKeptAsTheyAre() {
    Labels labels = Labels.of(new double[] {0, 1, 2, 1, 0}, "y.npy");
    assertThat(labels.classCount()).isEqualTo(3);
    assertThat(labels.classIndices()).containsExactly(0, 1, 2, 1, 0);
    assertThat(labels.counts()).containsExactly(2, 2, 1);
    assertThat(labels.remapped()).isFalse();
  }

  @Test
  void idsWithGapsAreRemappedInSortedOrder() {
    Labels labels = Labels.of(new double[] {5, 0, 2, 5, 2.0}, "y.npy");
    assertThat(labels.classCount()).isEqualTo(3);
    assertThat(labels.classIds()).containsExactly(0, 2, 5);
    assertThat(labels.classIndices()).containsExactly(2, 0, 1, 2, 1);
    assertThat(labels.remapped()).isTrue();
    assertThat(Labels.of(new double[] {1, 2}, "y").remapped()).isTrue();
  }

  @Test
  void negativeLabelsAreRejectedWithAHint() {
    assertThatThrownBy(() -> Labels.of(new double[] {0, 1, -1}, "y.npy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("y.npy: label at row 2 is -1")
        .hasMessageContaining("unlabelled");
  }

  @Test
  void fractionalAndNonFiniteLabelsAreRejected() {
    assertThatThrownBy(() -> Labels.of(new double[] {0, 1.5}, "y.npy"))
        .hasMessageContaining("row 1 is 1.5, not an integer class id")
        .hasMessageContaining("--targets");
    assertThatThrownBy(() -> Labels.of(new double[] {0, Double.NaN}, "y.npy"))
        .hasMessageContaining("row 1 is NaN");
  }

  @Test
  void aSingleClassIsRejected() {
    assertThatThrownBy(() -> Labels.of(new double[] {3, 3, 3}, "y.npy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("every sample has class 3; at least two classes are needed");
    assertThatThrownBy(() -> Labels.of(new double[0], "y.npy"))
        .hasMessageContaining("empty");
  }

  @Test
  void aClassWithOneSampleIsFine() {
    assertThat(Labels.of(new double[] {0, 0, 1}, "y").counts()).containsExactly(2, 1);
  }

  @Test
  void classSumsAddEachRowToItsClassFromTheGivenOffset() {
    Labels labels = Labels.of(new double[] {1, 0, 1, 2}, "y");
    org.logme.api.linalg.Matrix block = org.logme.api.linalg.Matrix.of(new double[] {1, 2},
        new double[] {3, 4});
    double[] sums = new double[3 * 2];
    labels.addClassSums(block, 2, sums); // samples 2 (class 1) and 3 (class 2)
    labels.addClassSums(block, 0, sums); // samples 0 (class 1) and 1 (class 0)
    assertThat(sums).containsExactly(3, 4, 2, 4, 3, 4);
  }
}
