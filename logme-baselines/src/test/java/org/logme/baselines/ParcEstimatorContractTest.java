package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code parc} estimator against the shared estimator contract. */
class ParcEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new ParcEstimatorProvider();
  }
}
