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

  @Test
  void aStreamsBlocksRunOnTheKernelsOfTheWholeStream() {
    GramKernel bySize = new GramKernel(null);
    // blocks of 1024 rows: each one small, the stream of 50000 rows large
    assertThat(bySize.kernelsForStream(5000, 512)).isSameAs(Kernels.scalar());
    assertThat(bySize.kernelsForStream(2048, 1024)).isSameAs(Kernels.best());
    assertThat(bySize.kernelsForStream(50000, 2048)).isSameAs(Kernels.best());
    GramKernel named = new GramKernel(null, ScalarKernelsAccess.plain());
    assertThat(named.kernelsForStream(10, 2)).isSameAs(named.kernelsForStream(50000, 2048));
    // two blocks of a stream add up to the whole Gram matrix's upper triangle
    Matrix a = TestMatrices.gaussian(300, 20, 5);
    Matrix sum = Matrix.zeros(20, 20);
    bySize.addGram(sum, a.rows(0, 120), 300);
    bySize.addGram(sum, a.rows(120, 300), 300);
    Matrix expected = TestMatrices.naiveMultiply(a.transpose(), a);
    for (int i = 0; i < 20; i++) {
      for (int j = i; j < 20; j++) {
        assertThat(Math.abs(sum.get(i, j) - expected.get(i, j))).isLessThan(1e-10);
      }
    }
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
