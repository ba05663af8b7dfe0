package org.logme.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyWriter;

/**
 * The seeded draws behind the synthetic tasks of {@code bench} ({@link SyntheticTask}) and
 * {@code bench estimators} ({@link EstimatorTask}), from one {@link SplittableRandom} in this
 * order: N labels uniform over C classes, then C×D class centres with N(0, 0.3²) entries, then
 * whatever the task draws itself ({@link #gaussian()}), then, as the features are written, each
 * row's N(0, 1) noise. Normal values by Box–Muller (one of the pair is used).
 */
final class ClassDraws {
  /** The spread of the class centres. */
  static final double CENTRE_SCALE = 0.3;

  private final SplittableRandom random;
  private final int n;
  private final int d;
  private final double[] labels;
  private final double[] centres;

  /**
   * Draws the labels and the class centres.
   *
   * @param seed the seed
   * @param n N
   * @param d D
   * @param classes C
   */
  ClassDraws(long seed, int n, int d, int classes) {
    this.random = new SplittableRandom(seed);
    this.n = n;
    this.d = d;
    this.labels = new double[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
    }
    this.centres = new double[classes * d];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = CENTRE_SCALE * gaussian();
    }
  }

  /** @return the next standard normal value of the stream */
  double gaussian() {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * Writes the labels as a float64 column.
   *
   * @param file the {@code .npy} file
   * @throws IOException if writing fails
   */
  void writeLabels(Path file) throws IOException {
    NpyWriter.write(file, Matrix.column(labels), NpyWriter.Type.FLOAT64, true);
  }

  /**
   * Writes the N×D float32 features f(μ_{yᵢ} + ε), drawing the noise row by row.
   *
   * @param file the {@code .npy} file
   * @param activation f, applied to each value
   * @throws IOException if writing fails
   */
  void writeFeatures(Path file, DoubleUnaryOperator activation) throws IOException {
    NpyWriter.writeRows(file, n, d, NpyWriter.Type.FLOAT32, (row, values) -> {
      int c = (int) labels[row];
      for (int j = 0; j < d; j++) {
        values[j] = activation.applyAsDouble(centres[c * d + j] + gaussian());
      }
    });
  }
}
