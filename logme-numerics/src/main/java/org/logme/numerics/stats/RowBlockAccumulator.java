package org.logme.numerics.stats;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.kernel.Kernels;
import org.logme.numerics.linalg.Matrices;

/**
 * Accumulates the {@link FeatureStatistics} of consecutive row blocks in place, for streaming a
 * feature file: the same statistics, with the same care, as merging {@link BlockStatistics} of
 * every block with {@link FeatureStatistics.Accumulator}, without a D×D matrix, a merge pass or
 * an allocation per block.
 *
 * <p>Each block is centred at its own mean (compensated, {@link RowBlock}), in place; the Gram
 * matrix of its deviations is added straight into the running scatter (β = 1, one triangle), and
 * the block is merged by the pairwise update of Chan, Golub &amp; LeVeque:
 * M₂ ← M₂ + M₂_B + (n_A m / (n_A + m))·δδᵀ with δ = μ_B − μ_A to full relative precision
 * (means kept as unevaluated sums of two doubles). The rank-one terms are the same as in a
 * block-by-block merge; they are only gathered, {@value #PENDING} rows at a time, and added with
 * one Gram update, so that no D² pass is spent per block.
 *
 * <p>The norm moments T = Σ‖uᵢ‖²uᵢ and S₄ = Σ‖uᵢ‖⁴ (uᵢ = xᵢ − μ) are accumulated about a fixed
 * point r, the first block's mean, which needs only the deviations of the block at hand, and
 * moved to the overall mean μ once, at the end, with s = μ − r (see {@link FeatureStatistics}):
 * T = T_r − tr(M₂)·s − 2·M₂s − n‖s‖²·s and S₄ = S₄_r − 4sᵀT − 2‖s‖²·tr(M₂) − 4sᵀM₂s − n‖s‖⁴.
 *
 * <p>The passes over a block (centring, class sums or cross products, norms) are split by
 * column ranges over the given pool. Each column's arithmetic runs in row order whatever the
 * split, and the per-range parts of each row's norm are added in range order, so the result does
 * not depend on the number of threads.
 *
 * <p>Not thread-safe; one accumulator per stream, and {@link #result} ends it.
 *
 * @since 0.1
 */
public final class RowBlockAccumulator {
  /** Columns per parallel task. */
  static final int RANGE = 256;
  /** Rank-one merge terms gathered before they are added to M₂. */
  static final int PENDING = 32;

  private final int d;
  private final int c;
  private final int[] classes;
  private final Matrix targets;
  private final BlockStatistics.GramUpdate gram;
  private final ForkJoinPool pool;
  private final int ranges;
  private final Kernels kernels;

  private long n;
  private final double[] meanHigh;
  private final double[] meanLow;
  private final Matrix scatter;
  private final double[] pending;
  private int pendingRows;
  private final double[] targetMeanHigh;
  private final double[] targetMeanLow;
  private final double[] cross;
  private double[] reference;
  private final double[] cubes;
  private double fourth;
  private final double[] min;
  private final double[] max;
  private boolean finished;

  // per block, reused
  private final double[] blockHigh;
  private final double[] blockLow;
  private final double[] shift;
  private final double[] blockCross;
  private final double[] blockTargetMeans;
  private final double[] blockTargetLow;
  private double[] classSums;
  private double[] partialNorms;
  private double[] norms;
  private double[] centredTargets;

  private RowBlockAccumulator(int d, int c, int[] classes, Matrix targets,
      BlockStatistics.GramUpdate gram, ForkJoinPool pool, Kernels kernels) {
    if (d < 1 || c < 0) {
      throw new IllegalArgumentException("cannot accumulate " + d + " columns and " + c
          + " targets");
    }
    this.kernels = kernels;
    this.d = d;
    this.c = c;
    this.classes = classes;
    this.targets = targets;
    this.gram = gram;
    this.pool = pool;
    this.ranges = (d + RANGE - 1) / RANGE;
    this.meanHigh = new double[d];
    this.meanLow = new double[d];
    this.scatter = Matrix.zeros(d, d);
    this.pending = new double[PENDING * d];
    this.targetMeanHigh = new double[c];
    this.targetMeanLow = new double[c];
    this.cross = new double[d * c];
    this.cubes = new double[d];
    this.min = new double[d];
    this.max = new double[d];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    this.blockHigh = new double[d];
    this.blockLow = new double[d];
    this.shift = new double[d];
    this.blockCross = new double[d * c];
    this.blockTargetMeans = new double[c];
    this.blockTargetLow = new double[c];
  }

  /**
   * For class labels: the targets are the one-vs-rest indicators of the classes.
   *
   * @param d D
   * @param classes the class index 0..C−1 of every row of the whole array
   * @param classCount C
   * @param gram the Gram update for the deviations (in place, upper triangle)
   * @param pool threads for the passes over each block, or null for the calling thread
   * @param kernels the loops of the passes over each block (for a stream of N rows:
   *     {@code Kernels.forWork(N·D²/2)}, as its Gram matrix)
   * @return an empty accumulator
   */
  public static RowBlockAccumulator ofClasses(int d, int[] classes, int classCount,
      BlockStatistics.GramUpdate gram, ForkJoinPool pool, Kernels kernels) {
    return new RowBlockAccumulator(d, classCount, classes, null, gram, pool, kernels);
  }

  /**
   * For real-valued targets.
   *
   * @param d D
   * @param targets the N×K targets of the whole array, one row per feature row
   * @param gram the Gram update for the deviations (in place, upper triangle)
   * @param pool threads for the passes over each block, or null for the calling thread
   * @param kernels the loops of the passes over each block
   * @return an empty accumulator
   */
  public static RowBlockAccumulator ofTargets(int d, Matrix targets,
      BlockStatistics.GramUpdate gram, ForkJoinPool pool, Kernels kernels) {
    return new RowBlockAccumulator(d, targets.cols(), null, targets, gram, pool, kernels);
  }

  /** @return the number of rows added so far */
  public long count() {
    return n;
  }

  /**
   * Adds a block of rows (finite values, {@link RowBlock#sumsFinite()}), the next in the array.
   * Its rows are overwritten with their deviations from the block's mean.
   *
   * @param block the rows, with their column sums and ranges
   * @throws IllegalArgumentException if the block's width differs, it is empty or its rows do
   *     not follow the rows added so far
   * @throws IllegalStateException after {@link #result}
   */
  public void add(RowBlock block) {
    if (finished) {
      throw new IllegalStateException("the statistics were already taken");
    }
    int m = block.rows();
    if (block.cols() != d || m == 0 || block.firstRow() != n) {
      throw new IllegalArgumentException("a block of " + m + " rows of " + block.cols()
          + " columns from row " + block.firstRow() + " cannot follow " + n + " rows of " + d
          + " columns");
    }
    block.means(blockHigh, blockLow);
    if (reference == null) {
      reference = blockHigh.clone();
    }
    for (int j = 0; j < d; j++) {
      shift[j] = (blockHigh[j] - reference[j]) + blockLow[j];
    }
    double[] x = block.data();
    int first = (int) block.firstRow();
    if (partialNorms == null || partialNorms.length < ranges * m) {
      partialNorms = new double[ranges * block.capacity()];
      norms = new double[block.capacity()];
    }
    if (classes != null) {
      classSums = classSums == null ? new double[c * d] : classSums;
      Arrays.fill(classSums, 0);
    } else {
      prepareTargets(first, m);
    }
    forRanges(r -> centre(x, m, first, r));
    double fourthPart = 0;
    double normSum = 0;
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int r = 0; r < ranges; r++) {
        s += partialNorms[r * m + i];
      }
      norms[i] = s;
      normSum += s;
      fourthPart += s * s;
    }
    Arrays.fill(blockCross, 0);
    forRanges(r -> moments(x, m, r));
    for (int j = 0; j < d; j++) {
      cubes[j] += shift[j] * normSum;
    }
    fourth += fourthPart;
    if (classes != null) {
      classCross(x, m, first);
    }
    double[] rows = m * d == x.length ? x : Arrays.copyOf(x, m * d);
    gram.addGram(scatter, Matrix.wrap(m, d, rows));
    merge(m, block);
  }

  /** Pass one over a column range: centre in place, class sums, parts of the squared norms. */
  private void centre(double[] x, int m, int first, int r) {
    int lo = r * RANGE;
    int hi = Math.min(d, lo + RANGE);
    for (int i = 0; i < m; i++) {
      int row = i * d;
      partialNorms[r * m + i] = kernels.centre(x, row, blockHigh, blockLow, shift, lo, hi);
      if (classes != null) {
        kernels.axpy(1, x, row + lo, classSums, classes[first + i] * d + lo, hi - lo);
      }
    }
  }

  /**
   * Pass two over a column range: T_r += Σᵢ ‖vᵢ‖²uᵢ (the shift's share is added once by the
   * caller) and, for real-valued targets, the block's cross products Σᵢ uᵢ (yᵢ − ȳ)ᵀ.
   */
  private void moments(double[] x, int m, int r) {
    int lo = r * RANGE;
    int hi = Math.min(d, lo + RANGE);
    for (int i = 0; i < m; i++) {
      kernels.axpy(norms[i], x, i * d + lo, cubes, lo, hi - lo);
    }
    if (targets != null) {
      double[] y = centredTargets;
      double[] out = blockCross;
      for (int i = 0; i < m; i++) {
        int row = i * d;
        int yr = i * c;
        for (int j = lo; j < hi; j++) {
          double u = x[row + j];
          int at = j * c;
          for (int k = 0; k < c; k++) {
            out[at + k] += u * y[yr + k];
          }
        }
      }
    }
  }

  /**
   * The block's target means and centred targets (yᵢ − ȳ) − low, as
   * {@link BlockStatistics#ofTargets} computes them.
   */
  private void prepareTargets(int first, int m) {
    double[] y = targets.data();
    if (centredTargets == null || centredTargets.length < m * c) {
      centredTargets = new double[Math.max(m, 1) * c];
    }
    Arrays.fill(blockTargetMeans, 0);
    Arrays.fill(blockTargetLow, 0);
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < c; k++) {
        blockTargetMeans[k] += y[(first + i) * c + k];
      }
    }
    for (int k = 0; k < c; k++) {
      blockTargetMeans[k] /= m;
    }
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < c; k++) {
        blockTargetLow[k] += y[(first + i) * c + k] - blockTargetMeans[k];
      }
    }
    for (int k = 0; k < c; k++) {
      blockTargetLow[k] /= m;
    }
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < c; k++) {
        centredTargets[i * c + k] = (y[(first + i) * c + k] - blockTargetMeans[k])
            - blockTargetLow[k];
      }
    }
  }

  /**
   * The block's centred cross scatter for class labels, as {@link BlockStatistics#ofClasses}:
   * C[:, k] = Σ_{i∈k} uᵢ − (m_k/m)·Σᵢ uᵢ.
   */
  private void classCross(double[] x, int m, int first) {
    int[] counts = new int[c];
    for (int i = 0; i < m; i++) {
      counts[classes[first + i]]++;
    }
    double[] residual = new double[d];
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) {
        residual[j] += classSums[k * d + j];
      }
    }
    for (int k = 0; k < c; k++) {
      blockTargetMeans[k] = (double) counts[k] / m;
      blockTargetLow[k] = 0;
      for (int j = 0; j < d; j++) {
        blockCross[j * c + k] = classSums[k * d + j] - blockTargetMeans[k] * residual[j];
      }
    }
  }

  /** Chan's update of the means and cross scatter; M₂'s rank-one term is gathered. */
  private void merge(int m, RowBlock block) {
    double[] lowest = block.min();
    double[] highest = block.max();
    for (int j = 0; j < d; j++) {
      min[j] = Math.min(min[j], lowest[j]);
      max[j] = Math.max(max[j], highest[j]);
    }
    if (n == 0) {
      System.arraycopy(blockHigh, 0, meanHigh, 0, d);
      System.arraycopy(blockLow, 0, meanLow, 0, d);
      System.arraycopy(blockTargetMeans, 0, targetMeanHigh, 0, c);
      System.arraycopy(blockTargetLow, 0, targetMeanLow, 0, c);
      System.arraycopy(blockCross, 0, cross, 0, d * c);
      n = m;
      return;
    }
    long total = n + m;
    double weight = (double) n * m / total;
    double fraction = (double) m / total;
    double root = Math.sqrt(weight);
    double[] delta = difference(blockHigh, blockLow, meanHigh, meanLow);
    double[] deltaY = difference(blockTargetMeans, blockTargetLow, targetMeanHigh,
        targetMeanLow);
    int at = pendingRows * d;
    for (int j = 0; j < d; j++) {
      pending[at + j] = root * delta[j];
    }
    if (++pendingRows == PENDING) {
      flush();
    }
    for (int i = 0; i < d; i++) {
      double wi = weight * delta[i];
      for (int k = 0; k < c; k++) {
        cross[i * c + k] += blockCross[i * c + k] + wi * deltaY[k];
      }
    }
    advance(meanHigh, meanLow, delta, fraction);
    advance(targetMeanHigh, targetMeanLow, deltaY, fraction);
    n = total;
  }

  /** Adds the gathered rank-one terms to M₂. */
  private void flush() {
    if (pendingRows > 0) {
      gram.addGram(scatter, Matrix.wrap(pendingRows, d, Arrays.copyOf(pending,
          pendingRows * d)));
      pendingRows = 0;
    }
  }

  /**
   * The statistics of every row added. Ends the accumulator: its D×D matrix becomes the
   * result's.
   *
   * @param origin where the features came from, for messages
   * @return the statistics
   * @throws IllegalStateException if nothing was added, or called twice
   */
  public FeatureStatistics result(String origin) {
    if (n == 0 || finished) {
      throw new IllegalStateException(finished ? "the statistics were already taken"
          : "no rows were added");
    }
    finished = true;
    flush();
    Matrices.mirrorUpper(scatter);
    double[] m2 = scatter.data();
    double[] s = difference(meanHigh, meanLow, reference, new double[d]);
    double trace = 0;
    double s2 = 0;
    for (int j = 0; j < d; j++) {
      trace += m2[j * d + j];
      s2 += s[j] * s[j];
    }
    double[] m2s = new double[d];
    forRanges(r -> {
      for (int i = r * RANGE; i < Math.min(d, (r + 1) * RANGE); i++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          sum += m2[i * d + j] * s[j];
        }
        m2s[i] = sum;
      }
    });
    double sM2s = 0;
    for (int j = 0; j < d; j++) {
      sM2s += s[j] * m2s[j];
    }
    double[] t = new double[d];
    for (int j = 0; j < d; j++) {
      t[j] = cubes[j] - trace * s[j] - 2 * m2s[j] - n * s2 * s[j];
    }
    double sT = 0;
    for (int j = 0; j < d; j++) {
      sT += s[j] * t[j];
    }
    double s4 = fourth - 4 * sT - 2 * s2 * trace - 4 * sM2s - n * s2 * s2;
    return FeatureStatistics.centred(n, meanHigh.clone(), scatter, origin)
        .meanCorrections(meanLow.clone(), targetMeanLow.clone())
        .targets(targetMeanHigh.clone(), Matrix.wrap(d, c, cross.clone()))
        .normMoments(t, s4).range(min.clone(), max.clone()).build();
  }

  private void forRanges(IntConsumer body) {
    if (pool == null || ranges < 2) {
      for (int r = 0; r < ranges; r++) {
        body.accept(r);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, ranges).parallel().forEach(body)).join();
  }

  /** (a + aLow) − (b + bLow) to full relative precision, as {@link FeatureStatistics} merges. */
  private static double[] difference(double[] a, double[] aLow, double[] b, double[] bLow) {
    double[] out = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = (a[j] - b[j]) + (aLow[j] - bLow[j]);
    }
    return out;
  }

  /** (high + low) += f·δ with the rounding error kept in the low part (TwoSum). */
  private static void advance(double[] high, double[] low, double[] delta, double f) {
    for (int j = 0; j < high.length; j++) {
      double step = f * delta[j];
      double sum = high[j] + step;
      double virtual = sum - high[j];
      double error = (high[j] - (sum - virtual)) + (step - virtual);
      double rest = low[j] + error;
      high[j] = sum + rest;
      low[j] = rest - (high[j] - sum);
    }
  }
}
