package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code hscore-shrinkage} estimator against the shared estimator contract. */
class ShrinkageHScoreEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new ShrinkageHScoreEstimatorProvider();
  }
}
