package org.logme.baselines;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The {@code emms} estimator against the shared estimator contract. */
class EmmsEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new EmmsEstimatorProvider();
  }
}
