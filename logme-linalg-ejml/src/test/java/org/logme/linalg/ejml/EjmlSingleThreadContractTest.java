package org.logme.linalg.ejml;

import org.logme.api.linalg.BackendContractTest;
import org.logme.api.linalg.LinearAlgebraBackend;

/** The shared backend contract with the backend limited to one thread. */
class EjmlSingleThreadContractTest extends BackendContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new EjmlBackendProvider().create(1);
  }

  @Override
  protected String expectedName() {
    return "ejml";
  }
}
