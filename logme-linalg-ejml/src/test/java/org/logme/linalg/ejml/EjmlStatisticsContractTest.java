package org.logme.linalg.ejml;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.stats.StatisticsContractTest;

/** Runs the shared statistics suite on the {@code ejml} backend. */
class EjmlStatisticsContractTest extends StatisticsContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new EjmlBackendProvider().create();
  }
}
