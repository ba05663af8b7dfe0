package org.logme.linalg.nativeblas;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.stats.StatisticsContractTest;

/**
 * Runs the shared statistics suite on the {@code native} backend as the provider creates it (on
 * OpenBLAS when it is installed, else on netlib's pure-Java fallback).
 */
class NativeStatisticsContractTest extends StatisticsContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new NativeBackendProvider().create();
  }
}
