package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
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
    requireSameRows(features.sampleCount(), features.origin(), labels.sampleCount(),
        labels.origin());
    return fit(features.matrix(), null, TargetColumns.indicators(labels), classification(labels));
  }

  /**
   * Regression or multi-label: one evidence per target column.
   *
   * @param features N×D features
   * @param targets N×K targets
   * @return the fitted model
   */
  public LogMeModel fit(Features features, Targets targets) {
    requireSameRows(features.sampleCount(), features.origin(), targets.sampleCount(),
        targets.origin());
    return fit(features.matrix(), null, TargetColumns.dense(targets.matrix()), outputs(targets));
  }

  /**
   * Classification from sufficient statistics (streamed features).
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these labels
   * @param labels N labels
   * @return the fitted model
   */
  public LogMeModel fit(FeatureStatistics statistics, Labels labels) {
    requireSameRows(statistics.sampleCount(), statistics.origin(), labels.sampleCount(),
        labels.origin());
    return fit(null, statistics, TargetColumns.indicators(labels), classification(labels));
  }

  /**
   * Regression or multi-label from sufficient statistics (streamed features).
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these targets
   * @param targets N×K targets
   * @return the fitted model
   */
  public LogMeModel fit(FeatureStatistics statistics, Targets targets) {
    requireSameRows(statistics.sampleCount(), statistics.origin(), targets.sampleCount(),
        targets.origin());
    return fit(null, statistics, TargetColumns.dense(targets.matrix()), outputs(targets));
  }

  /** The task description: what the target columns are called and mean. */
  private record Task(LogMeModel.Task kind, List<String> names, long[] classIds) {
  }

  private static Task classification(Labels labels) {
    List<String> names = new ArrayList<>();
    for (long id : labels.classIds()) {
      names.add(Long.toString(id));
    }
    return new Task(LogMeModel.Task.CLASSIFICATION, names, labels.classIds());
  }

  private static Task outputs(Targets targets) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < targets.outputCount(); c++) {
      names.add(Integer.toString(c));
    }
    return new Task(targets.kind() == Targets.Kind.MULTI_LABEL ? LogMeModel.Task.MULTI_LABEL
        : LogMeModel.Task.REGRESSION, names, null);
  }

  private static void requireSameRows(int rows, String origin, int targetRows,
      String targetOrigin) {
    if (rows != targetRows) {
      throw new InvalidInputException("row counts disagree: features (" + origin + ") has " + rows
          + " rows but " + targetOrigin + " has " + targetRows + " rows");
    }
  }

  /** Fits from in-memory features f, or from statistics when f is null. */
  private LogMeModel fit(Matrix f, FeatureStatistics statistics, TargetColumns targets,
      Task task) {
    int n = f != null ? f.rows() : statistics.sampleCount();
    int d = f != null ? f.cols() : statistics.dimension();
    int columns = targets.count();
    SpectralBasis basis;
    Matrix crossProducts = null;
    if (f != null && n < d) {
      basis = SpectralBasis.ofOuterGram(f, backend);
    } else {
      basis = SpectralBasis.ofGram(f != null ? backend.gram(f) : statistics.gram(), backend);
      crossProducts = f != null ? targets.transposeTimes(f, backend) : statistics.crossProducts();
    }
    int k = basis.rank();
    double[] lambda = basis.eigenvalues();
    Matrix projections = k == 0 ? Matrix.zeros(0, columns)
        : basis.project(crossProducts, targets, backend);
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
    return new LogMeModel(task.kind(), algorithm, task.names(), task.classIds(), fits,
        weights.transpose(), n, d, k, basis.usesOuterGram(), basis.warnings());
  }
}
