package org.logme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;

/** The facade finds the estimators of 0.2, resolves compositions and scores candidate sets. */
class LogmeSetAndCompositionTest {
  private static EstimationInput model(double signal, long seed) {
    Random random = new Random(seed);
    double[][] f = new double[120][8];
    int[] y = new int[120];
    for (int i = 0; i < 120; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 8; j++) {
        f[i][j] = random.nextGaussian() + (j == y[i] ? signal : 0);
      }
    }
    return EstimationInput.builder().features(Features.of(f, "m" + seed))
        .labels(Labels.of(y, "y")).build();
  }

  @Test
  void newEstimatorsAndCompositionsAreFoundByName() {
    assertThat(Logme.estimators()).contains("pactran", "ncti", "etran", "etran-lda",
        "etran-energy", "tmi", "emms", "ped+logme", "ped+sfda");
    Scorer composed = Logme.estimator("ped+nleep").parameter("ped.n_sigma", "0.3");
    EstimateResult r = composed.estimate(model(2, 1));
    assertThat(r.estimator()).isEqualTo("ped+nleep");
    assertThat(r.parameters().asText()).containsEntry("ped.n_sigma", "0.3");
  }

  @Test
  void setLevelEstimatorsScoreCandidateSetsNotSingleModels() {
    Scorer ncti = Logme.estimator("ncti");
    assertThat(ncti.higherIsBetter()).isTrue();
    assertThatThrownBy(() -> ncti.estimate(model(2, 1)))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("set-dependent");
    List<EstimationInput> candidates = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      candidates.add(model(0.5 + m, 10 + m));
    }
    List<EstimateResult> results = ncti.estimateSet(candidates);
    assertThat(results).hasSize(3).allSatisfy(r -> assertThat(r.setDependent()).isTrue());
    // a per-model estimator scores each candidate alone, as estimate would
    List<EstimateResult> logme = Logme.estimator("logme").estimateSet(candidates);
    assertThat(logme.get(1).score())
        .isEqualTo(Logme.estimator("logme").estimate(candidates.get(1)).score());
  }
}
