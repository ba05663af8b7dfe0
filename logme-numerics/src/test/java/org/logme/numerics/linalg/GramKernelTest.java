package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;

/** Both tile implementations of the Gram kernel (the contract suite runs only the active one). */
class GramKernelTest {

  @ParameterizedTest(name = "fused multiply-add: {0}")
  @ValueSource(booleans = {true, false})
  void everyTileImplementationComputesTheGramMatrix(boolean fused) {
    Matrix a = TestMatrices.gaussian(600, 45, 3);
    Matrix expected = TestMatrices.naiveMultiply(a.transpose(), a);
    for (ForkJoinPool pool : new ForkJoinPool[] {null, new ForkJoinPool(2)}) {
      GramKernel kernel = new GramKernel(pool, fused);
      assertThat(TestMatrices.maxAbsDiff(kernel.gram(a), expected)).isLessThan(1e-10);
      Matrix wide = TestMatrices.gaussian(30, 70, 4);
      assertThat(TestMatrices.maxAbsDiff(kernel.outerGram(wide),
          TestMatrices.naiveMultiply(wide, wide.transpose()))).isLessThan(1e-10);
    }
  }
}
