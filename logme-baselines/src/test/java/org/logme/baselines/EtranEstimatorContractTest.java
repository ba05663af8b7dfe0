package org.logme.baselines;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The set-level {@code etran} estimator against the shared estimator contract. */
class EtranEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new EtranEstimatorProvider();
  }
}
