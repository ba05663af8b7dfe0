package org.logme.probe;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The {@code probe} estimator against the shared estimator contract. */
class ProbeEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new ProbeEstimatorProvider();
  }
}
