package org.logme.baselines;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The set-level {@code ncti} estimator against the shared estimator contract. */
class NctiEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new NctiEstimatorProvider();
  }
}
