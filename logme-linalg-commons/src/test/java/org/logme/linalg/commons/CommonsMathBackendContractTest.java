package org.logme.linalg.commons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.logme.api.linalg.BackendContractTest;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.TestMatrices;

/** Runs the shared backend contract against the {@code commons} backend. */
class CommonsMathBackendContractTest extends BackendContractTest {
  @Override
  protected LinearAlgebraBackend backend() {
    return new CommonsMathBackendProvider().create();
  }

  @Override
  protected String expectedName() {
    return "commons";
  }

  @Test
  void aGramMatrixThatCommonsMathCannotDecomposeFallsBackAndSaysSo() {
    // 60 samples in 256 dimensions, as in the cls-wide fixture: Commons Math's
    // EigenDecomposition stops with "convergence failed" on such Gram matrices.
    Matrix f = TestMatrices.gaussian(60, 256, 23);
    SymmetricEigen eig = backend().symmetricEigen(backend().gram(f));
    assertThat(eig.warnings()).singleElement().asString()
        .startsWith("Commons Math's EigenDecomposition failed on a 256x256 matrix");
  }
}
