package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.linalg.Matrix;

/** The Kozachenko–Leonenko estimate on samples whose entropy is known. */
class KnnEntropyTest {
  private static final double EULER_GAMMA = 0.5772156649015329;

  @Test
  void aOneDimensionalGridHasTheValueComputedByHand() {
    // points 0, 1, ..., n−1: every nearest-neighbour distance is 1, so with k = 1
    // Ĥ = ψ(n) − ψ(1) + ln V_1 + 0 = ψ(n) + γ + ln 2
    int n = 50;
    Matrix x = Matrix.zeros(n, 1);
    for (int i = 0; i < n; i++) {
      x.set(i, 0, i);
    }
    double expected = SpecialFunctions.digamma(n) + EULER_GAMMA + Math.log(2);
    assertThat(KnnEntropy.of(x, 1, 1e-10).entropy()).isCloseTo(expected, within(1e-14));
    // scaling by a moves every distance by a factor a: Ĥ moves by d·ln a
    Matrix scaled = Matrix.zeros(n, 1);
    for (int i = 0; i < n; i++) {
      scaled.set(i, 0, 0.25 * i);
    }
    assertThat(KnnEntropy.of(scaled, 1, 1e-10).entropy())
        .isCloseTo(expected + Math.log(0.25), within(1e-14));
  }

  @Test
  void gaussianAndUniformSamplesGiveTheirEntropyWithinTheSamplingError() {
    Random random = new Random(3);
    int n = 4000;
    Matrix gaussian = Matrix.zeros(n, 2);
    Matrix uniform = Matrix.zeros(n, 2);
    double sigma = 1.7;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) {
        gaussian.set(i, j, sigma * random.nextGaussian());
        uniform.set(i, j, random.nextDouble());
      }
    }
    // N(0, σ²I₂): H = ln(2πeσ²); U[0,1]²: H = 0 (boundary bias is O(n^{-1/2}))
    assertThat(KnnEntropy.of(gaussian, 3, 1e-10).entropy())
        .isCloseTo(Math.log(2 * Math.PI * Math.E * sigma * sigma), within(0.05));
    assertThat(KnnEntropy.of(uniform, 3, 1e-10).entropy()).isCloseTo(0.0, within(0.05));
  }

  @Test
  void duplicatedPointsAreFlooredAndCounted() {
    Matrix x = Matrix.zeros(6, 2);
    for (int i = 0; i < 3; i++) {
      x.set(i, 0, 1.0); // three copies of (1, 0)
      x.set(3 + i, 1, i + 2.0);
    }
    KnnEntropy h = KnnEntropy.of(x, 1, 1e-6);
    assertThat(h.floored()).isEqualTo(3);
    assertThat(h.entropy()).isFinite();
    assertThatThrownBy(() -> KnnEntropy.of(x, 6, 1e-6))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 6");
  }
}
