package org.logme.io;

import java.io.IOException;
import java.util.Arrays;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.linalg.Matrices;
import org.logme.numerics.stats.CompensatedSum;

/**
 * Computes {@link FeatureStatistics} (N, FᵀF, Fᵀ1, FᵀY) in one pass over a feature file, a
 * block of rows at a time: memory is O(D² + D·C + block), whatever N. Each block is widened to
 * double, checked for NaN and infinities, and added to the Gram matrix by the backend's
 * {@link LinearAlgebraBackend#addGram}. Needs a 2-D array in C order (rows contiguous on disk).
 *
 * @since 0.1
 */
public final class StreamingStatistics {
  /** Bytes of doubles per block. */
  static final long BLOCK_BYTES = 8L << 20;

  private StreamingStatistics() {
  }

  /**
   * @param header an array's header
   * @return true if the array can be streamed by rows: 2-D and in C order
   */
  public static boolean streamable(NpyHeader header) {
    return header.shape().length == 2 && !header.fortranOrder();
  }

  /**
   * @param cols D
   * @return rows per block for D columns
   */
  public static int blockRows(int cols) {
    return (int) Math.max(1, Math.min(1 << 16, BLOCK_BYTES / (8L * Math.max(1, cols))));
  }

  /**
   * @param spec the feature file ({@code F.npy} or {@code bundle.npz:NAME})
   * @param labels the class labels, one per row
   * @param backend the linear algebra to use
   * @return the statistics, with FᵀY holding the sum of the rows of each class
   */
  public static FeatureStatistics read(String spec, Labels labels, LinearAlgebraBackend backend) {
    int c = labels.classCount();
    return read(spec, "labels (" + labels.origin() + ")", labels.sampleCount(), backend,
        new CrossProducts() {
          // class sums accumulate class-major (C×D, rows contiguous like the feature rows) and are
          // transposed to FᵀY (D×C) once at the end
          private double[] sums;
          private int d;

          @Override
          public void add(Matrix block, int firstRow) {
            if (sums == null) {
              d = block.cols();
              sums = new double[c * d];
            }
            labels.addClassSums(block, firstRow, sums);
          }

          @Override
          public Matrix result(int dimension) {
            return sums == null ? Matrix.zeros(dimension, c) : Matrix.wrap(c, d, sums).transpose();
          }
        });
  }

  /**
   * @param spec the feature file ({@code F.npy} or {@code bundle.npz:NAME})
   * @param targets the targets, one row per feature row
   * @param backend the linear algebra to use
   * @return the statistics, with FᵀY for the target columns
   */
  public static FeatureStatistics read(String spec, Targets targets, LinearAlgebraBackend backend) {
    Matrix y = targets.matrix();
    int k = y.cols();
    return read(spec, "targets (" + targets.origin() + ")", targets.sampleCount(), backend,
        new CrossProducts() {
          private Matrix acc;

          @Override
          public void add(Matrix block, int firstRow) {
            Matrix slice = y.rows(firstRow, firstRow + block.rows());
            double[] product = backend.multiplyTransposeA(block, slice).data();
            if (acc == null) {
              acc = Matrix.zeros(block.cols(), k);
            }
            double[] sums = acc.data();
            for (int i = 0; i < sums.length; i++) {
              sums[i] += product[i];
            }
          }

          @Override
          public Matrix result(int dimension) {
            return acc == null ? Matrix.zeros(dimension, k) : acc;
          }
        });
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

  /** Accumulates FᵀY block by block. */
  private interface CrossProducts {
    /** Adds the contribution of a block whose first row is row {@code firstRow} of F. */
    void add(Matrix block, int firstRow);

    /** @return FᵀY, D×C */
    Matrix result(int dimension);
  }

  private static FeatureStatistics read(String spec, String rowSource, int expectedRows,
      LinearAlgebraBackend backend, CrossProducts crossProducts) {
    try (NpyStream stream = ArrayFiles.open(spec)) {
      NpyHeader header = stream.header();
      if (!streamable(header)) {
        throw new IllegalArgumentException(spec + ": only 2-D C-order arrays can be streamed");
      }
      int n = stream.rows();
      int d = stream.cols();
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
      Matrix gram = Matrix.zeros(d, d);
      // each block's column totals are plain sums of a few thousand rows; the totals of all
      // blocks are added with compensation, so the error does not grow with the number of blocks
      CompensatedSum[] columnSums = new CompensatedSum[d];
      Arrays.fill(columnSums, CompensatedSum.ZERO);
      double[] blockSums = new double[d];
      int blockRows = blockRows(d);
      double[] buffer = new double[Math.min(blockRows, n) * d];
      long nonFinite = 0;
      double badValue = 0;
      long badRow = -1;
      int badColumn = -1;
      for (int first = 0; first < n; first += blockRows) {
        int rows = Math.min(blockRows, n - first);
        double[] data = rows * d == buffer.length ? buffer : new double[rows * d];
        stream.readElements(data, 0, rows * d);
        for (int i = 0; i < data.length; i++) {
          if (!Double.isFinite(data[i])) {
            if (badRow < 0) {
              badValue = data[i];
              badRow = first + i / d;
              badColumn = i % d;
            }
            nonFinite++;
          }
        }
        if (nonFinite > 0) {
          continue;
        }
        Matrix block = Matrix.wrap(rows, d, data);
        backend.addGram(gram, block);
        crossProducts.add(block, first);
        Arrays.fill(blockSums, 0);
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < d; j++) {
            blockSums[j] += data[i * d + j];
          }
        }
        for (int j = 0; j < d; j++) {
          columnSums[j] = columnSums[j].plus(blockSums[j]);
        }
      }
      stream.finish();
      Matrices.mirrorUpper(gram);
      if (nonFinite > 0) {
        throw Features.nonFinite(spec, nonFinite, badValue, badRow, badColumn);
      }
      double[] sums = new double[d];
      for (int j = 0; j < d; j++) {
        sums[j] = columnSums[j].value();
      }
      return new FeatureStatistics(n, gram, sums, crossProducts.result(d), spec);
    } catch (IOException e) {
      throw NpyStream.readFailure(spec, e);
    }
  }
}
