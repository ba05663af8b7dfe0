package org.logme.baselines;

import org.logme.api.estimator.EstimatorContractTest;
import org.logme.api.estimator.EstimatorProvider;

/** The {@code pactran} estimator (Gaussian variant, converged) against the shared contract. */
class PacTranEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new PacTranEstimatorProvider();
  }
}
