package org.logme.baselines;

import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.EstimatorContractTest;

/** The {@code knn} estimator against the shared estimator contract. */
class KnnEstimatorContractTest extends EstimatorContractTest {
  @Override
  protected EstimatorProvider provider() {
    return new KnnEstimatorProvider();
  }
}
