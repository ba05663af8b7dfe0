package org.logme.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.api.UnknownPluginException;
import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.Parameter;

/**
 * The compositions {@code ped+logme} and {@code ped+sfda} against the shared estimator
 * contract, and how compositions are named and resolved.
 */
class PedCompositionContractTest {
  @Nested
  class PedLogme extends EstimatorContractTest {
    @Override
    protected EstimatorProvider provider() {
      return Estimators.registry().get("ped+logme");
    }
  }

  @Nested
  class PedSfda extends EstimatorContractTest {
    @Override
    protected EstimatorProvider provider() {
      return Estimators.registry().get("ped+sfda");
    }
  }

  @Nested
  class PedEtran extends EstimatorContractTest {
    /** A set-level estimator composed on request, not listed. */
    @Override
    protected EstimatorProvider provider() {
      return Estimators.registry().get("ped+etran");
    }
  }

  @Test
  void thePublishedCompositionsAreListedAndOthersResolvedOnRequest() {
    assertThat(Estimators.registry().all()).containsKeys("ped+logme", "ped+sfda")
        .doesNotContainKey("ped+hscore");
    EstimatorProvider composed = Estimators.registry().get("ped+hscore");
    assertThat(composed.name()).isEqualTo("ped+hscore");
    assertThat(composed.parameters().stream().map(Parameter::name))
        .containsExactly("ped.n_sigma", "ped.time_step", "ped.constant", "ped.exit_ratio",
            "ped.max_steps", "hscore.variant");
    assertThat(Estimators.create("ped+etran").setDependent()).isTrue();
    assertThat(Estimators.create("ped+logme").higherIsBetter()).isTrue();
    assertThat(Estimators.create("ped+pactran").higherIsBetter()).isFalse();
  }

  @Test
  void aBadCompositionIsAClearError() {
    assertThatThrownBy(() -> Estimators.registry().get("ped+leep"))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'leep' does not take features");
    assertThatThrownBy(() -> Estimators.registry().get("pod+logme"))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown feature transform 'pod'").hasMessageContaining("ped");
    assertThatThrownBy(() -> Estimators.registry().get("ped+lgme"))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessageContaining("unknown estimator 'lgme'");
    assertThatThrownBy(() -> Estimators.create("ped+sfda", Map.of("ped.n_sigma", "-1")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("ped.n_sigma");
  }
}
