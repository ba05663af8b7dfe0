package org.logme.linalg.commons;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.stats.StatisticsContractTest;

/** Runs the shared statistics suite on the {@code commons} backend. */
class CommonsMathStatisticsContractTest extends StatisticsContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new CommonsMathBackendProvider().create();
  }
}
