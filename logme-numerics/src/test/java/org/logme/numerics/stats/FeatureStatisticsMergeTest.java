package org.logme.numerics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.numerics.linalg.GramKernel;

/**
 * The merge law of {@link FeatureStatistics}: the statistics of blocks merged in any order and
 * grouping equal those of the concatenated rows, and the merge is accurate on ill-conditioned
 * data (a large common offset), checked against an exact integer computation.
 */
class FeatureStatisticsMergeTest {
  private static final GramKernel KERNEL = new GramKernel(null);

  /** n×d Gaussian rows with offsets, and labels 0..c−1. */
  private static Matrix rows(int n, int d, long seed, double offset) {
    Matrix f = TestMatrices.gaussian(n, d, seed);
    double[] x = f.data();
    for (int i = 0; i < x.length; i++) {
      x[i] += offset * (1 + i % d);
    }
    return f;
  }

  private static int[] labels(int n, int c, long seed) {
    Random r = new Random(seed);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < c ? i : r.nextInt(c);
    }
    return y;
  }

  private static FeatureStatistics block(Matrix f, int[] y, int c, int from, int to) {
    return BlockStatistics.ofClasses(f.rows(from, to), y, from, c, KERNEL::addGram, "test");
  }

  @Test
  void mergedBlocksEqualTheStatisticsOfTheConcatenation() {
    int n = 500;
    int d = 7;
    int c = 3;
    Matrix f = rows(n, d, 1, 3.0);
    int[] y = labels(n, c, 2);
    FeatureStatistics whole = block(f, y, c, 0, n);
    Random r = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      // random cut points, merged in a random order, grouped left to right or pairwise
      List<Integer> cuts = new ArrayList<>(List.of(0, n));
      for (int k = 0; k < 1 + r.nextInt(8); k++) {
        cuts.add(1 + r.nextInt(n - 1));
      }
      List<Integer> sorted = cuts.stream().distinct().sorted().toList();
      List<FeatureStatistics> parts = new ArrayList<>();
      for (int k = 0; k + 1 < sorted.size(); k++) {
        parts.add(block(f, y, c, sorted.get(k), sorted.get(k + 1)));
      }
      Collections.shuffle(parts, r);
      FeatureStatistics merged = trial % 2 == 0 ? leftToRight(parts) : pairwise(parts);
      assertSame(merged, whole, 1e-12);
    }
  }

  @Test
  void mergeIsCommutativeAndAssociative() {
    int d = 5;
    int c = 4;
    Matrix f = rows(300, d, 4, 10.0);
    int[] y = labels(300, c, 5);
    FeatureStatistics a = block(f, y, c, 0, 37);
    FeatureStatistics b = block(f, y, c, 37, 200);
    FeatureStatistics e = block(f, y, c, 200, 300);
    assertSame(a.merge(b), b.merge(a), 1e-13);
    assertSame(a.merge(b).merge(e), a.merge(b.merge(e)), 1e-13);
    assertSame(a.merge(b).merge(e), block(f, y, c, 0, 300), 1e-12);
  }

  @Test
  void targetsMergeLikeClasses() {
    Matrix f = rows(240, 6, 6, 2.0);
    Matrix t = rows(240, 2, 7, 5.0);
    FeatureStatistics whole = BlockStatistics.ofTargets(f, t, KERNEL::addGram, "t");
    FeatureStatistics merged = BlockStatistics.ofTargets(f.rows(0, 100), t.rows(0, 100),
        KERNEL::addGram, "t").merge(BlockStatistics.ofTargets(f.rows(100, 240),
        t.rows(100, 240), KERNEL::addGram, "t"));
    assertSame(merged, whole, 1e-12);
    // FᵀY reconstructed from the centred form equals the direct product
    Matrix direct = TestMatrices.naiveMultiply(f.transpose(), t);
    assertThat(TestMatrices.maxAbsDiff(merged.crossProducts(), direct))
        .isLessThan(1e-11 * maxAbs(direct.data()));
    Matrix gram = TestMatrices.naiveMultiply(f.transpose(), f);
    assertThat(TestMatrices.maxAbsDiff(merged.gram(), gram)).isLessThan(1e-12 * maxAbs(gram.data()));
  }

  @Test
  void rawStatisticsMergeAsSums() {
    Matrix f = rows(50, 3, 8, 1.0);
    int[] y = labels(50, 2, 9);
    FeatureStatistics centred = block(f, y, 2, 0, 50);
    FeatureStatistics raw = new FeatureStatistics(50, centred.gram(), centred.columnSums(),
        centred.crossProducts(), "raw");
    FeatureStatistics doubled = raw.merge(centred);
    assertThat(doubled.count()).isEqualTo(100);
    assertThat(doubled.crossScatter()).isEmpty();
    double[] twice = centred.crossProducts().data().clone();
    for (int i = 0; i < twice.length; i++) {
      twice[i] *= 2;
    }
    assertThat(maxAbsDiff(doubled.crossProducts().data(), twice)).isLessThan(1e-12);
    assertThat(maxAbsDiff(doubled.gram().data(), scaled(centred.gram().data(), 2)))
        .isLessThan(1e-11);
  }

  @Test
  void mismatchedStatisticsDoNotMerge() {
    Matrix f = rows(20, 3, 10, 0);
    FeatureStatistics a = block(f, labels(20, 2, 1), 2, 0, 20);
    FeatureStatistics b = block(f, labels(20, 3, 1), 3, 0, 20);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.merge(b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 targets");
  }

  /**
   * Ill-conditioned data: x = 2²⁶·(1 + j) + k·2⁻²⁰ with small integers k, so every value is an
   * exact double and the exact mean and scatter follow from integer arithmetic on k. The merged
   * statistics of 97-row blocks must be accurate to a few ulps of the scatter, where FᵀF − Nμμᵀ
   * (accumulating raw sums) loses every digit.
   */
  @Test
  void mergedScatterIsAccurateUnderALargeOffset() {
    int n = 5000;
    int d = 4;
    double h = 0x1p-20;
    long[][] k = new long[n][d];
    double[] x = new double[n * d];
    Random r = new Random(11);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        k[i][j] = r.nextInt(2001) - 1000 + (j == 1 ? k[i][0] / 2 : 0);
        x[i * d + j] = 0x1p26 * (1 + j) + k[i][j] * h;
      }
    }
    Matrix f = Matrix.wrap(n, d, x);
    int[] y = labels(n, 2, 12);
    FeatureStatistics.Accumulator acc = new FeatureStatistics.Accumulator();
    for (int from = 0; from < n; from += 97) {
      acc.add(block(f, y, 2, from, Math.min(n, from + 97)));
    }
    FeatureStatistics merged = acc.result("offset");
    double worst = 0;
    double naiveWorst = 0;
    double[] scatter = merged.scatter().data();
    double[] gram = TestMatrices.naiveMultiply(f.transpose(), f).data();
    double[] sums = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        sums[j] += x[i * d + j];
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        double exact = exactScatter(k, a, b) * h * h;
        double scale = Math.sqrt(exactScatter(k, a, a) * exactScatter(k, b, b)) * h * h;
        worst = Math.max(worst, Math.abs(scatter[a * d + b] - exact) / scale);
        double naive = gram[a * d + b] - sums[a] * sums[b] / n;
        naiveWorst = Math.max(naiveWorst, Math.abs(naive - exact) / scale);
      }
    }
    System.out.printf("merged scatter, offset 2^26..2^28, spread 2^-10: max relative error %.2e;"
        + " raw sums FᵀF − Nμμᵀ: %.2e%n", worst, naiveWorst);
    assertThat(worst).isLessThan(1e-12);
    assertThat(naiveWorst).isGreaterThan(1e-3);
  }

  /** Σ (k_a − k̄_a)(k_b − k̄_b) = Σ k_a k_b − (Σ k_a)(Σ k_b)/n, exactly, as a double. */
  private static double exactScatter(long[][] k, int a, int b) {
    BigInteger sab = BigInteger.ZERO;
    BigInteger sa = BigInteger.ZERO;
    BigInteger sb = BigInteger.ZERO;
    for (long[] row : k) {
      sab = sab.add(BigInteger.valueOf(row[a] * row[b]));
      sa = sa.add(BigInteger.valueOf(row[a]));
      sb = sb.add(BigInteger.valueOf(row[b]));
    }
    java.math.BigDecimal n = java.math.BigDecimal.valueOf(k.length);
    return new java.math.BigDecimal(sab).subtract(new java.math.BigDecimal(sa.multiply(sb))
        .divide(n, java.math.MathContext.DECIMAL128)).doubleValue();
  }

  private static FeatureStatistics leftToRight(List<FeatureStatistics> parts) {
    FeatureStatistics.Accumulator acc = new FeatureStatistics.Accumulator();
    parts.forEach(acc::add);
    return acc.result("merged");
  }

  private static FeatureStatistics pairwise(List<FeatureStatistics> parts) {
    List<FeatureStatistics> level = parts;
    while (level.size() > 1) {
      List<FeatureStatistics> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(i + 1 < level.size() ? level.get(i).merge(level.get(i + 1)) : level.get(i));
      }
      level = next;
    }
    return level.get(0);
  }

  private static void assertSame(FeatureStatistics a, FeatureStatistics b, double relative) {
    assertThat(a.count()).isEqualTo(b.count());
    assertClose(a.mean(), b.mean(), relative);
    assertClose(a.scatter().data(), b.scatter().data(), relative);
    assertClose(a.crossScatter().orElseThrow().data(), b.crossScatter().orElseThrow().data(),
        relative);
    assertClose(a.targetMeans().orElseThrow(), b.targetMeans().orElseThrow(), relative);
    assertClose(a.normCubes(), b.normCubes(), relative);
    assertClose(new double[] {a.normFourthMoment()}, new double[] {b.normFourthMoment()},
        relative);
    assertThat(a.columnMin().orElseThrow()).containsExactly(b.columnMin().orElseThrow());
    assertThat(a.columnMax().orElseThrow()).containsExactly(b.columnMax().orElseThrow());
  }

  private static void assertClose(double[] a, double[] b, double relative) {
    double scale = Math.max(maxAbs(a), maxAbs(b));
    assertThat(maxAbsDiff(a, b)).as("max difference of %s and %s", java.util.Arrays.toString(a),
        java.util.Arrays.toString(b)).isLessThanOrEqualTo(relative * scale);
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    assertThat(a.length).isEqualTo(b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double[] scaled(double[] a, double s) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= s;
    }
    return out;
  }
}
