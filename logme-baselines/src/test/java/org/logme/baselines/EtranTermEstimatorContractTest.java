package org.logme.baselines;

import org.junit.jupiter.api.Nested;
import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** ETran's two terms alone against the shared estimator contract. */
class EtranTermEstimatorContractTest {
  @Nested
  class Lda extends EstimatorContractTest {
    @Override
    protected EstimatorProvider provider() {
      return new EtranTermEstimatorProvider.Lda();
    }
  }

  @Nested
  class Energy extends EstimatorContractTest {
    @Override
    protected EstimatorProvider provider() {
      return new EtranTermEstimatorProvider.Energy();
    }
  }
}
