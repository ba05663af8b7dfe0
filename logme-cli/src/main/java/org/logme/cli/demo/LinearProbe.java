package org.logme.cli.demo;

import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.core.LogMe;
import org.logme.core.LogMeAlgorithm;
import org.logme.core.LogMeModel;

/**
 * The demo's ground truth: k-fold cross-validated accuracy of a linear classifier with an
 * intercept (one-vs-rest ridge regression whose per-class ridge α/β is set by evidence
 * maximisation: the posterior-mean classifier of LogME's model), trained on k−1 folds and
 * tested on the remaining one. Folds are sample index mod k, so the figure is deterministic.
 *
 * @since 0.1
 */
public final class LinearProbe {
  private LinearProbe() {
  }

  /**
   * @param features N×D features
   * @param labels N labels
   * @param folds k
   * @param backend the linear algebra to use
   * @return the fraction of held-out samples classified correctly
   */
  public static double crossValidatedAccuracy(Matrix features, double[] labels, int folds,
      LinearAlgebraBackend backend) {
    int n = features.rows();
    Matrix withBias = Matrix.zeros(n, features.cols() + 1);
    for (int i = 0; i < n; i++) {
      System.arraycopy(features.data(), i * features.cols(), withBias.data(),
          i * withBias.cols(), features.cols());
      withBias.set(i, features.cols(), 1.0);
    }
    int correct = 0;
    for (int fold = 0; fold < folds; fold++) {
      int test = 0;
      for (int i = 0; i < n; i++) {
        test += i % folds == fold ? 1 : 0;
      }
      Matrix train = Matrix.zeros(n - test, withBias.cols());
      Matrix held = Matrix.zeros(test, withBias.cols());
      double[] trainLabels = new double[n - test];
      double[] heldLabels = new double[test];
      int a = 0;
      int b = 0;
      for (int i = 0; i < n; i++) {
        if (i % folds == fold) {
          System.arraycopy(withBias.data(), i * withBias.cols(), held.data(), b * held.cols(),
              held.cols());
          heldLabels[b++] = labels[i];
        } else {
          System.arraycopy(withBias.data(), i * withBias.cols(), train.data(), a * train.cols(),
              train.cols());
          trainLabels[a++] = labels[i];
        }
      }
      LogMeModel model = new LogMe(LogMeAlgorithm.FIXED_POINT, backend)
          .fit(new Features(train, "probe training fold"), Labels.of(trainLabels, "labels"));
      long[] predicted = model.predictClasses(held, backend);
      for (int i = 0; i < test; i++) {
        correct += predicted[i] == (long) heldLabels[i] ? 1 : 0;
      }
    }
    return (double) correct / n;
  }
}
