package org.logme.numerics.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link Kernels} (scalar with and without fused multiply-adds, and the Vector API's when
 * the module is present) against the textbook definitions of its statistics loops, on odd widths
 * and offsets so that vector tails are exercised. The values are small integers: every sum is
 * exact in any order, so the results must be equal, not merely close.
 */
class KernelContractTest {
  static Stream<Kernels> kernels() {
    return Stream.concat(Stream.of(Kernels.scalar(), ScalarKernelsAccess.plain()),
        Kernels.vector().stream());
  }

  private static double[] values(int count, int seed) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = ((i + seed) * 37 % 23) - 11;
    }
    return x;
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void columnSumsAreTheSumsMinimaAndMaxima(Kernels kernels) {
    for (int cols : new int[] {1, 3, 7, 8, 17, 33}) {
      int rows = 5;
      int offset = 3;
      double[] x = values(offset + rows * cols, cols);
      double[] high = new double[cols];
      double[] low = new double[cols];
      double[] min = new double[cols];
      double[] max = new double[cols];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      kernels.columnSums(x, offset, rows, cols, high, low, min, max);
      for (int j = 0; j < cols; j++) {
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows; i++) {
          double v = x[offset + i * cols + j];
          sum += v;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        assertThat(high[j] + low[j]).as("%s, %d columns, column %d", kernels, cols, j)
            .isEqualTo(sum);
        assertThat(min[j]).isEqualTo(lo);
        assertThat(max[j]).isEqualTo(hi);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void centreSubtractsTheMeanAndReturnsTheShiftedSquares(Kernels kernels) {
    for (int width : new int[] {1, 5, 8, 13, 31}) {
      int offset = 2;
      int from = 1;
      int to = width;
      double[] x = values(offset + width, width);
      double[] original = x.clone();
      double[] high = values(width, 5);
      double[] low = new double[width];
      for (int k = 0; k < width; k++) {
        low[k] = k % 3 - 1;
      }
      double[] shift = values(width, 9);
      double norm = kernels.centre(x, offset, high, low, shift, from, to);
      double expected = 0;
      for (int k = from; k < to; k++) {
        double u = (original[offset + k] - high[k]) - low[k];
        assertThat(x[offset + k]).as("%s, width %d, column %d", kernels, width, k).isEqualTo(u);
        expected += (u + shift[k]) * (u + shift[k]);
      }
      assertThat(norm).isEqualTo(expected);
      assertThat(x[offset]).as("column 0 is outside [from, to)").isEqualTo(original[offset]);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void axpyAddsAMultipleOfOneVectorToAnother(Kernels kernels) {
    for (int count : new int[] {0, 1, 6, 8, 19}) {
      double[] x = values(count + 3, count);
      double[] y = values(count + 4, count + 1);
      double[] expected = y.clone();
      for (int k = 0; k < count; k++) {
        expected[4 + k] += 3 * x[3 + k];
      }
      kernels.axpy(3, x, 3, y, 4, count);
      assertThat(y).as("%s, %d elements", kernels, count).containsExactly(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void rankTwoRowDotUpdatesTheRowAndReturnsItsProductWithTheNextVector(Kernels kernels) {
    for (int count : new int[] {0, 1, 7, 8, 9, 26}) {
      int offset = 5;
      int from = 1;
      int nextFrom = 2;
      double[] a = values(offset + count + 3, count);
      double[] original = a.clone();
      double[] v = values(from + count, 4);
      double[] w = values(from + count, 6);
      double[] next = values(nextFrom + count, 8);
      double sum = kernels.rankTwoRowDot(a, offset, 2, w, -3, v, from, next, nextFrom, count);
      double expected = 0;
      for (int k = 0; k < count; k++) {
        double u = original[offset + k] - (2 * w[from + k] + -3 * v[from + k]);
        assertThat(a[offset + k]).as("%s, %d columns, column %d", kernels, count, k)
            .isEqualTo(u);
        expected += u * next[nextFrom + k];
      }
      assertThat(sum).isEqualTo(expected);
      assertThat(a[offset - 1]).isEqualTo(original[offset - 1]);
      assertThat(a[offset + count]).isEqualTo(original[offset + count]);
    }
  }
}
