package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Fits LogME: the maximum evidence of a Bayesian linear model per target column, from one
 * shared decomposition of the features. See the package documentation for the model.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LogMe {
  private final LogMeAlgorithm algorithm;
  private final LinearAlgebraBackend backend;

  /**
   * @param algorithm the evidence-maximisation procedure
   * @param backend the linear algebra to use
   */
  public LogMe(LogMeAlgorithm algorithm, LinearAlgebraBackend backend) {
    this.algorithm = algorithm;
    this.backend = backend;
  }

  /**
   * Classification: one-vs-rest indicator per class (classes as remapped by {@link Labels}).
   *
   * @param features N×D features
   * @param labels N labels
   * @return the fitted model
   */
  public LogMeModel fit(Features features, Labels labels) {
    requireSameRows(features, labels.sampleCount(), labels.origin());
    List<String> names = new ArrayList<>();
    for (long id : labels.classIds()) {
      names.add(Long.toString(id));
    }
    return fit(features.matrix(), TargetColumns.indicators(labels), LogMeModel.Task.CLASSIFICATION,
        names, labels.classIds());
  }

  /**
   * Regression or multi-label: one evidence per target column.
   *
   * @param features N×D features
   * @param targets N×K targets
   * @return the fitted model
   */
  public LogMeModel fit(Features features, Targets targets) {
    requireSameRows(features, targets.sampleCount(), targets.origin());
    List<String> names = new ArrayList<>();
    for (int c = 0; c < targets.outputCount(); c++) {
      names.add(Integer.toString(c));
    }
    LogMeModel.Task task = targets.kind() == Targets.Kind.MULTI_LABEL
        ? LogMeModel.Task.MULTI_LABEL : LogMeModel.Task.REGRESSION;
    return fit(features.matrix(), TargetColumns.dense(targets.matrix()), task, names, null);
  }

  private static void requireSameRows(Features features, int rows, String origin) {
    if (features.sampleCount() != rows) {
      throw new org.logme.api.InvalidInputException("row counts disagree: features ("
          + features.origin() + ") has " + features.sampleCount() + " rows but " + origin
          + " has " + rows + " rows");
    }
  }

  private LogMeModel fit(Matrix f, TargetColumns targets, LogMeModel.Task task,
      List<String> names, long[] classIds) {
    int n = f.rows();
    int d = f.cols();
    int columns = targets.count();
    SpectralBasis basis = SpectralBasis.of(f, backend);
    int k = basis.rank();
    double[] lambda = basis.eigenvalues();
    Matrix projections = k == 0 ? Matrix.zeros(0, columns) : basis.project(targets, backend);
    double[] norms = targets.squaredNorms();
    EvidenceMaximizer.Fit[] fits = new EvidenceMaximizer.Fit[columns];
    Matrix coefficients = Matrix.zeros(k, columns);
    for (int c = 0; c < columns; c++) {
      double[] x = projections.column(c);
      fits[c] = EvidenceMaximizer.maximize(lambda, x, norms[c], n, d, algorithm);
      for (int i = 0; i < k; i++) {
        coefficients.set(i, c, x[i] / (fits[c].t() + lambda[i]));
      }
    }
    Matrix weights = k == 0 ? Matrix.zeros(d, columns) : basis.weights(coefficients, backend);
    return new LogMeModel(task, algorithm, names, classIds, fits, weights.transpose(), n, d, k,
        basis.usesOuterGram(), basis.warnings());
  }
}
