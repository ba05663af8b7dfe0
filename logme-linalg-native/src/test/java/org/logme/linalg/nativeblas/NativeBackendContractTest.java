package org.logme.linalg.nativeblas;

import org.logme.api.linalg.BackendContractTest;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Runs the shared backend contract against the {@code native} backend as the provider creates
 * it: on OpenBLAS when it is installed, and once more in a JVM where it cannot be found (the
 * {@code pure-java-fallback} Surefire execution), on netlib's pure-Java implementations.
 */
class NativeBackendContractTest extends BackendContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new NativeBackendProvider().create();
  }

  @Override
  protected String expectedName() {
    return "native";
  }
}
