package org.logme.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.linalg.Matrix;
import org.logme.io.StreamingStatistics;
import org.logme.numerics.linalg.GramKernel;
import org.logme.numerics.stats.BlockStatistics;

/**
 * The {@link FeatureStatistics} of one partition, computed where the partition lives: its rows
 * are gathered into blocks (as many rows as the single-machine reader's blocks), each block is
 * centred and summarised by {@link BlockStatistics} on one thread, and the blocks are merged.
 * Emits one element per non-empty partition; the driver merges them with
 * {@code treeAggregate}. Rows are {@code (features, label)} or {@code (features, target...)}.
 *
 * <p>Several feature columns (a zoo) are summarised in the same pass, one statistics per
 * column, so that a table holding many models' features is read once.
 */
final class PartitionStatistics implements FlatMapFunction<Iterator<Row>, FeatureStatistics[]> {
  private static final long serialVersionUID = 1L;

  private final List<ColumnValues> features;
  private final int[] dimensions;
  private final ColumnValues target;
  /** Class index of each label key (classification), or null for targets. */
  private final Map<Object, Integer> classes;
  /** Target columns per row (regression). */
  private final int targetCount;

  /**
   * @param features the feature columns, at row positions 0..F−1
   * @param dimensions D of each feature column
   * @param target the label or target column, at row position F
   * @param classes the class index of every label (null for real-valued targets)
   * @param targetCount K, the number of target values per row (1 for labels)
   */
  PartitionStatistics(List<ColumnValues> features, int[] dimensions, ColumnValues target,
      Map<Object, Integer> classes, int targetCount) {
    this.features = List.copyOf(features);
    this.dimensions = dimensions.clone();
    this.target = target;
    this.classes = classes;
    this.targetCount = targetCount;
  }

  @Override
  public Iterator<FeatureStatistics[]> call(Iterator<Row> rows) {
    int models = features.size();
    int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
    int blockRows = Integer.MAX_VALUE;
    for (int d : dimensions) {
      blockRows = Math.min(blockRows, StreamingStatistics.blockRows(d));
    }
    GramKernel kernel = new GramKernel(null);
    FeatureStatistics.Accumulator[] totals = new FeatureStatistics.Accumulator[models];
    double[][] blocks = new double[models][];
    for (int m = 0; m < models; m++) {
      totals[m] = new FeatureStatistics.Accumulator();
      blocks[m] = new double[blockRows * dimensions[m]];
    }
    int[] classIndex = new int[blockRows];
    double[] targets = new double[blockRows * targetCount];
    long seen = 0;
    int filled = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      String rowLabel = "row " + seen + " of partition " + partition;
      for (int m = 0; m < models; m++) {
        features.get(m).vector(row, m, blocks[m], filled * dimensions[m], dimensions[m],
            rowLabel);
      }
      if (classes != null) {
        classIndex[filled] = classes.get(target.label(row, models, rowLabel));
      } else if (target.vectors()) {
        target.vector(row, models, targets, filled * targetCount, targetCount, rowLabel);
      } else {
        targets[filled] = target.number(row, models, rowLabel);
      }
      seen++;
      if (++filled == blockRows) {
        addBlocks(totals, blocks, filled, classIndex, targets, kernel, seen, partition);
        filled = 0;
      }
    }
    if (filled > 0) {
      addBlocks(totals, blocks, filled, classIndex, targets, kernel, seen, partition);
    }
    if (seen == 0) {
      return Collections.emptyIterator();
    }
    FeatureStatistics[] out = new FeatureStatistics[models];
    for (int m = 0; m < models; m++) {
      out[m] = totals[m].result(features.get(m).origin());
    }
    return Collections.singletonList(out).iterator();
  }

  private void addBlocks(FeatureStatistics.Accumulator[] totals, double[][] blocks, int rows,
      int[] classIndex, double[] targets, GramKernel kernel, long seen, int partition) {
    for (int m = 0; m < totals.length; m++) {
      int d = dimensions[m];
      double[] data = rows * d == blocks[m].length ? blocks[m]
          : java.util.Arrays.copyOf(blocks[m], rows * d);
      requireFinite(data, d, features.get(m).origin(), seen - rows, partition);
      Matrix block = Matrix.wrap(rows, d, data);
      FeatureStatistics part = classes != null
          ? BlockStatistics.ofClasses(block, classIndex, 0, classes.size(), kernel::addGram,
              features.get(m).origin())
          : BlockStatistics.ofTargets(block, Matrix.wrap(rows, targetCount,
              java.util.Arrays.copyOf(targets, rows * targetCount)), kernel::addGram,
              features.get(m).origin());
      totals[m].add(part);
    }
    if (classes == null) {
      requireFinite(java.util.Arrays.copyOf(targets, rows * targetCount), targetCount,
          target.origin(), seen - rows, partition);
    }
  }

  private static void requireFinite(double[] data, int d, String origin, long firstRow,
      int partition) {
    long bad = 0;
    int first = -1;
    for (int i = 0; i < data.length; i++) {
      if (!Double.isFinite(data[i])) {
        bad++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (bad > 0) {
      throw new InvalidInputException(origin + ": " + bad + (bad == 1 ? " value is" : " values are")
          + " NaN or infinite; the first (" + data[first] + ") is at row " + (firstRow + first / d)
          + " of partition " + partition + ", position " + (first % d) + ". Values must be"
          + " finite: re-extract them, or drop or impute the affected rows");
    }
  }
}
