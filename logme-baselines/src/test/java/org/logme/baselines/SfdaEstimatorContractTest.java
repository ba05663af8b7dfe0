package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code sfda} estimator against the shared estimator contract. */
class SfdaEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new SfdaEstimatorProvider();
  }
}
