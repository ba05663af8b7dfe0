package org.logme.io;

import java.io.IOException;
import java.util.concurrent.ForkJoinPool;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.kernel.Kernels;
import org.logme.numerics.stats.BlockStatistics;
import org.logme.numerics.stats.RowBlock;
import org.logme.numerics.stats.RowBlockAccumulator;

/**
 * Computes {@link FeatureStatistics} in one pass over a feature file, a block of rows at a
 * time: memory is O(D² + D·C + two blocks), whatever N. A reader thread reads the next block,
 * widens it to double and sums its columns ({@link RowBlockReader}) while the current one is
 * checked for NaN and infinities, centred at its own mean and merged into the running total by
 * the pairwise update of Chan, Golub &amp; LeVeque, its Gram matrix added in place by the
 * backend's {@link LinearAlgebraBackend#addGram} ({@link RowBlockAccumulator}). The passes over a
 * block run on as many threads as the backend has ({@link LinearAlgebraBackend#threads()}).
 * Needs a 2-D array stored by rows: {@code .npy} in C order, a safetensors tensor, an HDF5
 * dataset, a Parquet column.
 *
 * @since 0.1
 */
public final class StreamingStatistics {
  /** Bytes of doubles per block. */
  static final long BLOCK_BYTES = 8L << 20;
  /**
   * The fewest rows per block when D is large: each block costs a D×D scatter and its merge, so
   * blocks of at least min(D, 1024) rows keep that below 1/min(D, 1024) of the block's work.
   */
  static final int MIN_BLOCK_ROWS = 1024;

  private StreamingStatistics() {
  }

  /**
   * @param cols D
   * @return rows per block for D columns
   */
  public static int blockRows(int cols) {
    long bySize = BLOCK_BYTES / (8L * Math.max(1, cols));
    return (int) Math.max(1, Math.min(1 << 16, Math.max(bySize, Math.min(cols, MIN_BLOCK_ROWS))));
  }

  /**
   * @param spec the feature file ({@code F.npy}, {@code bundle.npz:NAME}, see
   *     {@link ArrayFiles})
   * @param labels the class labels, one per row
   * @param backend the linear algebra to use (its Gram update, and as many threads as it has)
   * @return the statistics, with the class labels as one-vs-rest indicator targets
   */
  public static FeatureStatistics read(String spec, Labels labels, LinearAlgebraBackend backend) {
    int[] classes = labels.classIndices();
    int c = labels.classCount();
    return read(spec, "labels (" + labels.origin() + ")", labels.sampleCount(), backend,
        (d, pool, gram, kernels) -> RowBlockAccumulator.ofClasses(d, classes, c, gram, pool,
            kernels));
  }

  /**
   * @param spec the feature file ({@code F.npy}, {@code bundle.npz:NAME}, see
   *     {@link ArrayFiles})
   * @param targets the targets, one row per feature row
   * @param backend the linear algebra to use (its Gram update, and as many threads as it has)
   * @return the statistics, with the target columns
   */
  public static FeatureStatistics read(String spec, Targets targets, LinearAlgebraBackend backend) {
    Matrix y = targets.matrix();
    return read(spec, "targets (" + targets.origin() + ")", targets.sampleCount(), backend,
        (d, pool, gram, kernels) -> RowBlockAccumulator.ofTargets(d, y, gram, pool, kernels));
  }

  /**
   * Refuses a D×D Gram matrix that cannot be allocated: more elements than a Java array holds or
   * more bytes than the whole heap.
   *
   * @param spec the feature file, for messages
   * @param d D
   * @param maxHeap the heap's limit ({@link Runtime#maxMemory()})
   */
  static void requireGramFits(String spec, int d, long maxHeap) {
    long elements = (long) d * d;
    if (elements > Matrix.MAX_ELEMENTS || elements * Double.BYTES > maxHeap) {
      throw new InvalidInputException(spec + ": D = " + d + " feature columns need a " + d + "x"
          + d + " Gram matrix (" + NpyStream.megabytes(elements * Double.BYTES) + ")"
          + (elements > Matrix.MAX_ELEMENTS ? ", more than one Java array holds"
          : ", more than the whole Java heap (" + NpyStream.megabytes(maxHeap) + ")")
          + "; reduce D (e.g. with PCA), or if N < D read the features into memory"
          + " (--read memory)");
    }
  }

  /** Makes the accumulator for D columns whose passes run on the given pool and kernels. */
  @FunctionalInterface
  private interface AccumulatorFactory {
    RowBlockAccumulator create(int d, ForkJoinPool pool, BlockStatistics.GramUpdate gram,
        Kernels kernels);
  }

  private static FeatureStatistics read(String spec, String rowSource, int expectedRows,
      LinearAlgebraBackend backend, AccumulatorFactory factory) {
    try (ArraySource source = ArrayFiles.open(spec)) {
      if (source.shape().length != 2 || !source.rowMajor()) {
        throw new IllegalArgumentException(spec + ": only 2-D row-major arrays can be streamed");
      }
      int n = source.rows();
      int d = source.cols();
      if (n == 0 || d == 0) {
        throw new InvalidInputException(spec + ": the array is empty (shape " + n + "x" + d
            + "); it needs at least one row and one column");
      }
      if (n != expectedRows) {
        // worded as EstimationInput words it for features in memory
        throw new InvalidInputException("row counts disagree: features (" + spec + ") has " + n
            + " rows but " + rowSource + " has " + expectedRows + " rows; every input must"
            + " have one row per target sample, in the same order" + (d == expectedRows
            ? " (the features have " + d + " columns, as many as there are targets: are they"
            + " transposed? Save F.T)" : ""));
      }
      requireGramFits(spec, d, Runtime.getRuntime().maxMemory());
      int threads = Math.max(1, Math.min(backend.threads(),
          Runtime.getRuntime().availableProcessors()));
      ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
      // the whole stream's size, known from the header, chooses the loops (Kernels.forWork)
      Kernels kernels = Kernels.forWork((long) n * d * d / 2);
      try (RowBlockReader reader = new RowBlockReader(source, n, d, blockRows(d), kernels)) {
        RowBlockAccumulator total = factory.create(d, pool,
            (scatter, rows) -> backend.addGram(scatter, rows, n), kernels);
        NonFinite bad = new NonFinite();
        for (RowBlock block = reader.next(); block != null; block = reader.next()) {
          if (!block.sumsFinite()) {
            bad.scan(block);
          }
          if (bad.count == 0) {
            total.add(block);
          }
          reader.recycle(block);
        }
        source.finish();
        if (bad.count > 0) {
          throw Features.nonFinite(spec, bad.count, bad.value, bad.row, bad.column);
        }
        return total.result(spec);
      } finally {
        if (pool != null) {
          pool.shutdown();
        }
      }
    } catch (IOException e) {
      throw NpyStream.readFailure(spec, e);
    }
  }

  /** The count and first location of NaN and infinite values. */
  private static final class NonFinite {
    long count;
    double value;
    long row = -1;
    int column = -1;

    void scan(RowBlock block) {
      double[] data = block.data();
      int d = block.cols();
      for (int i = 0; i < block.rows() * d; i++) {
        if (!Double.isFinite(data[i])) {
          if (row < 0) {
            value = data[i];
            row = block.firstRow() + i / d;
            column = i % d;
          }
          count++;
        }
      }
    }
  }
}
