package org.logme.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;

class ModelSelectionTest {
  private static final double[] SCORES = {0.9, 0.5, 0.7, 0.1};
  private static final double[] ACCURACY = {80, 90, 85, 60};

  @Test
  void top1RelativeAccuracyAndRegretUseTheTopScoredModel() {
    assertThat(ModelSelection.top1RelativeAccuracy(SCORES, ACCURACY).value())
        .isCloseTo(80.0 / 90.0, within(1e-15));
    assertThat(ModelSelection.regret(SCORES, ACCURACY).value()).isEqualTo(10.0);
  }

  @Test
  void aPerfectPickHasRelativeAccuracyOneAndNoRegret() {
    double[] scores = {0.1, 0.9, 0.5, 0.0};
    assertThat(ModelSelection.top1RelativeAccuracy(scores, ACCURACY).value()).isEqualTo(1.0);
    assertThat(ModelSelection.regret(scores, ACCURACY).value()).isEqualTo(0.0);
  }

  @Test
  void aTieAtTheTopCountsAsARandomPickAmongTheTied() {
    double[] scores = {0.9, 0.9, 0.7, 0.1};
    assertThat(ModelSelection.regret(scores, ACCURACY).value()).isEqualTo(5.0);
  }

  @Test
  void bestInTopKLooksAtTheKTopScoredModels() {
    assertThat(ModelSelection.bestInTopK(SCORES, ACCURACY, 1).value())
        .isCloseTo(80.0 / 90.0, within(1e-15));
    assertThat(ModelSelection.bestInTopK(SCORES, ACCURACY, 2).value())
        .isCloseTo(85.0 / 90.0, within(1e-15));
    assertThat(ModelSelection.bestInTopK(SCORES, ACCURACY, 3).value()).isEqualTo(1.0);
    assertThat(ModelSelection.bestInTopK(SCORES, ACCURACY, 10).value()).isEqualTo(1.0);
    // ties with the k-th score are included
    assertThat(ModelSelection.bestInTopK(new double[] {0.9, 0.5, 0.5, 0.1}, ACCURACY, 2)
        .value()).isEqualTo(1.0);
    assertThatThrownBy(() -> ModelSelection.bestInTopK(SCORES, ACCURACY, 0))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void undefinedCasesCarryAReason() {
    assertThat(ModelSelection.regret(new double[] {1}, new double[] {2}).undefinedReason())
        .contains("fewer than 2 models (1)");
    assertThat(ModelSelection.top1RelativeAccuracy(new double[] {1, 2}, new double[] {-3, -1})
        .undefinedReason()).hasValueSatisfying(r -> assertThat(r).contains("not positive"));
  }
}
