package org.logme.baselines;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The {@code tmi} estimator against the shared estimator contract. */
class TmiEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new TmiEstimatorProvider();
  }
}
