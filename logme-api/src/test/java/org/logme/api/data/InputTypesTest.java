package org.logme.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

class InputTypesTest {

  @Test
  void featuresMustBeFiniteAndTheMessageSaysWhere() {
    Matrix m = Matrix.of(new double[] {1, 2}, new double[] {3, Double.NaN},
        new double[] {Double.POSITIVE_INFINITY, 0});
    assertThatThrownBy(() -> new Features(m, "F.npy"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("F.npy: 2 values are NaN or infinite; the first (NaN) is at row 1,"
            + " column 1.");
  }

  @Test
  void emptyFeaturesAreRejected() {
    assertThatThrownBy(() -> new Features(Matrix.zeros(0, 3), "F.npy"))
        .hasMessageContaining("the array is empty");
  }

  @Test
  void multiLabelTargetsMustBeIndicators() {
    assertThat(Targets.multiLabel(Matrix.of(new double[] {0, 1}), "T").outputCount()).isEqualTo(2);
    assertThatThrownBy(() -> Targets.multiLabel(Matrix.of(new double[] {0, 0.5}), "T.npy"))
        .hasMessageContaining("row 0, column 1 is 0.5");
    assertThat(Targets.regression(Matrix.of(new double[] {0, 0.5}), "T").kind())
        .isEqualTo(Targets.Kind.REGRESSION);
  }

  @Test
  void sourceProbabilitiesMustBeDistributions() {
    assertThatThrownBy(() -> new SourceProbabilities(
        Matrix.of(new double[] {0.5, 0.5}, new double[] {-1.0, 2.0}), "P.npy"))
        .hasMessageContaining("row 1, column 0 is negative")
        .hasMessageContaining("logits");
    assertThatThrownBy(() -> new SourceProbabilities(
        Matrix.of(new double[] {0.5, 0.5}, new double[] {1.5, 0.0}), "P.npy"))
        .hasMessageContaining("row 1, column 0 is 1.5, above 1").hasMessageContaining("softmax");
    assertThatThrownBy(() -> new SourceProbabilities(Matrix.of(new double[] {0.5, 0.6}), "P.npy"))
        .hasMessageContaining("row 0 sums to 1.1").hasMessageNotContaining("softmax");
    assertThatThrownBy(() -> new SourceProbabilities(Matrix.of(new double[] {0.1, 0.1}), "P.npy"))
        .hasMessageContaining("row 0 sums to 0.2").hasMessageContaining("softmax");
    // rounded to 3 decimals: accepted and rescaled; exact rows untouched
    Matrix rounded = Matrix.of(new double[] {0.333, 0.333, 0.333}, new double[] {0.5, 0.25, 0.25});
    SourceProbabilities p = new SourceProbabilities(rounded, "P.npy");
    assertThat(p.renormalisedRows()).isEqualTo(1);
    assertThat(p.matrix().row(0)).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
    assertThat(p.matrix().row(1)).containsExactly(0.5, 0.25, 0.25);
  }

  @Test
  void sourceLabelsFromArgmaxTakeTheFirstMaximum() {
    SourceProbabilities p = new SourceProbabilities(
        Matrix.of(new double[] {0.2, 0.8}, new double[] {0.5, 0.5}), "P");
    assertThat(SourceLabels.argmaxOf(p).toArray()).containsExactly(1, 0);
    assertThatThrownBy(() -> SourceLabels.of(new double[] {1, -2}, "z.npy"))
        .hasMessageContaining("row 1 is -2.0");
  }
}
