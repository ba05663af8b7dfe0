package org.logme.linalg.ejml;

import org.logme.api.linalg.BackendContractTest;
import org.logme.api.linalg.LinearAlgebraBackend;

/** Runs the shared backend contract against the {@code ejml} backend. */
class EjmlBackendContractTest extends BackendContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new EjmlBackendProvider().create();
  }

  @Override
  protected String expectedName() {
    return "ejml";
  }
}
