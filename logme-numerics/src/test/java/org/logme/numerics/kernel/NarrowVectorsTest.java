package org.logme.numerics.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels are refused where vectors hold two doubles (128 bits, as on NEON or
 * x86 without AVX): a JVM limited to such vectors chooses the scalar kernels, whose Gram matrix
 * equals the textbook sum. Run in a child JVM, since the vector width is fixed at start-up.
 */
class NarrowVectorsTest {
  @Test
  void withOneHundredTwentyEightBitVectorsTheScalarKernelsAreChosen() throws Exception {
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", KernelChoice.MODULE, "-XX:MaxVectorSize=16",
        "-cp", System.getProperty("java.class.path"), ChosenKernels.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out).contains("chosen: scalar").contains("gram: exact");
  }

  /** The child: prints the kernels chosen and whether their Gram matrix is the exact one. */
  static final class ChosenKernels {
    private ChosenKernels() {
    }

    public static void main(String[] args) throws IOException {
      Kernels best = Kernels.best();
      System.out.println("chosen: " + (best == Kernels.scalar() ? "scalar" : best.description()));
      int m = 13;
      int r = 7;
      double[] x = new double[m * r];
      for (int i = 0; i < x.length; i++) {
        x[i] = (i * 37 % 11) - 5; // small integers: every sum is exact in any order
      }
      double[] acc = new double[r * r];
      best.addGram(x, m, r, false, acc, null);
      boolean exact = true;
      for (int a = 0; a < r; a++) {
        for (int b = a; b < r; b++) {
          double sum = 0;
          for (int i = 0; i < m; i++) {
            sum += x[i * r + a] * x[i * r + b];
          }
          exact &= acc[a * r + b] == sum;
        }
      }
      System.out.println("gram: " + (exact ? "exact" : "wrong"));
    }
  }
}
