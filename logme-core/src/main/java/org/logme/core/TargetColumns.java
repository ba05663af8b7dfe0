package org.logme.core;

import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * The target matrix Y (N×C) LogME fits, one column per class indicator or output, given only
 * through the two quantities LogME needs: the products AᵀY with a matrix of N rows, and the
 * squared norm of each column.
 */
interface TargetColumns {

  /** @return C, the number of columns */
  int count();

  /** @return ‖y_c‖² for every column */
  double[] squaredNorms();

  /**
   * @param a a matrix with N rows
   * @param backend the linear algebra to use
   * @return AᵀY, cols(a)×C
   */
  Matrix transposeTimes(Matrix a, LinearAlgebraBackend backend);

  /** @return Y itself, N×C */
  Matrix matrix();

  /** One-vs-rest indicators of class labels; AᵀY is a sum of rows per class. */
  static TargetColumns indicators(Labels labels) {
    return new TargetColumns() {
      @Override
      public int count() {
        return labels.classCount();
      }

      @Override
      public double[] squaredNorms() {
        int[] counts = labels.counts();
        double[] norms = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
          norms[c] = counts[c];
        }
        return norms;
      }

      @Override
      public Matrix matrix() {
        Matrix y = Matrix.zeros(labels.sampleCount(), labels.classCount());
        for (int i = 0; i < labels.sampleCount(); i++) {
          y.set(i, labels.classIndex(i), 1.0);
        }
        return y;
      }

      @Override
      public Matrix transposeTimes(Matrix a, LinearAlgebraBackend backend) {
        int cols = a.cols();
        int classes = labels.classCount();
        double[] sums = new double[classes * cols];
        labels.addClassSums(a, 0, sums);
        return Matrix.wrap(classes, cols, sums).transpose();
      }
    };
  }

  /** Real-valued columns, multiplied by the backend. */
  static TargetColumns dense(Matrix y) {
    return new TargetColumns() {
      @Override
      public int count() {
        return y.cols();
      }

      @Override
      public double[] squaredNorms() {
        double[] norms = new double[y.cols()];
        double[] d = y.data();
        for (int i = 0; i < y.rows(); i++) {
          for (int c = 0; c < y.cols(); c++) {
            double v = d[i * y.cols() + c];
            norms[c] += v * v;
          }
        }
        return norms;
      }

      @Override
      public Matrix matrix() {
        return y;
      }

      @Override
      public Matrix transposeTimes(Matrix a, LinearAlgebraBackend backend) {
        return backend.multiplyTransposeA(a, y);
      }
    };
  }
}
