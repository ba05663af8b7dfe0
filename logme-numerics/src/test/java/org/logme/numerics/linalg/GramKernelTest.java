package org.logme.numerics.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.numerics.kernel.Kernels;
import org.logme.numerics.kernel.ScalarKernelsAccess;

/**
 * The Gram kernel on every implementation of the kernels (the backend contract suite runs only
 * the active one); the kernels' own contract is {@code KernelContractTest}.
 */
class GramKernelTest {

  static Stream<Kernels> kernels() {
    return Stream.concat(Stream.of(Kernels.scalar(), ScalarKernelsAccess.plain()),
        Kernels.vector().stream());
  }

  @Test
  void smallProductsRunOnTheScalarKernelsUnlessTheKernelsAreNamed() {
    GramKernel bySize = new GramKernel(null);
    // 2^30 multiply-adds: m·r²/2 with m = 2048, r = 1024
    assertThat(bySize.kernelsFor(5000, 512)).isSameAs(Kernels.scalar());
    assertThat(bySize.kernelsFor(2047, 1024)).isSameAs(Kernels.scalar());
    assertThat(bySize.kernelsFor(2048, 1024)).isSameAs(Kernels.best());
    assertThat(bySize.kernelsFor(50000, 2048)).isSameAs(Kernels.best());
    GramKernel named = new GramKernel(null, ScalarKernelsAccess.plain());
    assertThat(named.kernelsFor(2, 2)).isSameAs(named.kernelsFor(50000, 2048));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void everyKernelComputesTheGramMatrix(Kernels kernels) {
    Matrix a = TestMatrices.gaussian(600, 45, 3);
    Matrix expected = TestMatrices.naiveMultiply(a.transpose(), a);
    for (ForkJoinPool pool : new ForkJoinPool[] {null, new ForkJoinPool(2)}) {
      GramKernel kernel = new GramKernel(pool, kernels);
      assertThat(TestMatrices.maxAbsDiff(kernel.gram(a), expected)).isLessThan(1e-10);
      Matrix wide = TestMatrices.gaussian(30, 70, 4);
      assertThat(TestMatrices.maxAbsDiff(kernel.outerGram(wide),
          TestMatrices.naiveMultiply(wide, wide.transpose()))).isLessThan(1e-10);
    }
  }
}
