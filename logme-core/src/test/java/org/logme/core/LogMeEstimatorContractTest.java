package org.logme.core;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** LogME against the shared estimator contract. */
class LogMeEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new LogMeEstimatorProvider();
  }
}
