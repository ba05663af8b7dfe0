package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code transrate} estimator against the shared estimator contract. */
class TransRateEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new TransRateEstimatorProvider();
  }
}
