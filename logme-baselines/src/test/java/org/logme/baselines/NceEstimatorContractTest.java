package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code nce} estimator against the shared estimator contract. */
class NceEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new NceEstimatorProvider();
  }
}
