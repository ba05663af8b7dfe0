package org.logme.linalg.commons;

import org.logme.api.linalg.BackendContractTest;
import org.logme.api.linalg.LinearAlgebraBackend;

/** The shared backend contract with the backend limited to one thread. */
class CommonsMathSingleThreadContractTest extends BackendContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new CommonsMathBackendProvider().create(1);
  }

  @Override
  protected String expectedName() {
    return "commons";
  }
}
