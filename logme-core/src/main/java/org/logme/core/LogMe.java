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
   * Classification: one-vs-rest indicator per class (classes as remapped by {@link Labels}),
   * with posterior weights.
   *
   * @param features N×D features
   * @param labels N labels
   * @return the fitted model
   */
  public LogMeModel fit(Features features, Labels labels) {
    return (LogMeModel) run(features, null, labels, null, true);
  }

  /**
   * Regression or multi-label: one evidence per target column, with posterior weights.
   *
   * @param features N×D features
   * @param targets N×K targets
   * @return the fitted model
   */
  public LogMeModel fit(Features features, Targets targets) {
    return (LogMeModel) run(features, null, null, targets, true);
  }

  /**
   * Classification from sufficient statistics (streamed features), with posterior weights.
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these labels
   * @param labels N labels
   * @return the fitted model
   */
  public LogMeModel fit(FeatureStatistics statistics, Labels labels) {
    return (LogMeModel) run(null, statistics, labels, null, true);
  }

  /**
   * Regression or multi-label from sufficient statistics, with posterior weights.
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these targets
   * @param targets N×K targets
   * @return the fitted model
   */
  public LogMeModel fit(FeatureStatistics statistics, Targets targets) {
    return (LogMeModel) run(null, statistics, null, targets, true);
  }

  /**
   * The evidence alone, which is all a score needs: the eigenvectors are never formed (see
   * {@link LinearAlgebraBackend#symmetricEigenProjection}), which is several times faster for
   * large D. Exactly one of features and statistics, and one of labels and targets, is given.
   *
   * @param features N×D features, or null
   * @param statistics sufficient statistics computed with the labels or targets, or null
   * @param labels class labels, or null
   * @param targets regression or multi-label targets, or null
   * @return the evidence of every target column
   */
  public LogMeEvidence evidence(Features features, FeatureStatistics statistics, Labels labels,
      Targets targets) {
    return run(features, statistics, labels, targets, false);
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

  private LogMeEvidence run(Features features, FeatureStatistics statistics, Labels labels,
      Targets targets, boolean withWeights) {
    if ((features == null) == (statistics == null) || (labels == null) == (targets == null)) {
      throw new IllegalArgumentException("give features or statistics, and labels or targets");
    }
    int n = features != null ? features.sampleCount() : statistics.sampleCount();
    String origin = features != null ? features.origin() : statistics.origin();
    int targetRows = labels != null ? labels.sampleCount() : targets.sampleCount();
    if (n != targetRows) {
      throw new InvalidInputException("row counts disagree: features (" + origin + ") has " + n
          + " rows but " + (labels != null ? labels.origin() : targets.origin()) + " has "
          + targetRows + " rows");
    }
    TargetColumns columns = labels != null ? TargetColumns.indicators(labels)
        : TargetColumns.dense(targets.matrix());
    Task task = labels != null ? classification(labels) : outputs(targets);
    Matrix f = features != null ? features.matrix() : null;
    int d = f != null ? f.cols() : statistics.dimension();
    boolean outer = f != null && n < d;
    if (withWeights) {
      SpectralBasis basis;
      Matrix crossProducts = null;
      if (outer) {
        basis = SpectralBasis.ofOuterGram(f, backend);
      } else {
        basis = SpectralBasis.ofGram(f != null ? backend.gram(f) : statistics.gram(), backend);
        crossProducts = f != null ? columns.transposeTimes(f, backend) : statistics.crossProducts();
      }
      Matrix x = basis.rank() == 0 ? Matrix.zeros(0, columns.count())
          : basis.project(crossProducts, columns, backend);
      LogMeEvidence evidence = maximize(basis.eigenvalues(), x, columns, task, n, d, outer,
          basis.warnings());
      Matrix coefficients = Matrix.zeros(basis.rank(), columns.count());
      for (int c = 0; c < columns.count(); c++) {
        double t = evidence.fit(c).t();
        for (int i = 0; i < basis.rank(); i++) {
          coefficients.set(i, c, x.get(i, c) / (t + basis.eigenvalues()[i]));
        }
      }
      Matrix weights = basis.rank() == 0 ? Matrix.zeros(d, columns.count())
          : basis.weights(coefficients, backend);
      return new LogMeModel(evidence, weights.transpose());
    }
    Projections p = outer ? Projections.ofOuterGram(f, columns.matrix(), backend)
        : Projections.ofGram(f != null ? backend.gram(f) : statistics.gram(),
            f != null ? columns.transposeTimes(f, backend) : statistics.crossProducts(), backend);
    return maximize(p.eigenvalues(), p.x(), columns, task, n, d, outer, p.warnings());
  }

  private LogMeEvidence maximize(double[] lambda, Matrix x, TargetColumns columns, Task task,
      int n, int d, boolean outer, List<String> warnings) {
    double[] norms = columns.squaredNorms();
    EvidenceMaximizer.Fit[] fits = new EvidenceMaximizer.Fit[columns.count()];
    for (int c = 0; c < fits.length; c++) {
      fits[c] = EvidenceMaximizer.maximize(lambda, x.column(c), norms[c], n, d, algorithm);
    }
    return new LogMeEvidence(task.kind(), algorithm, task.names(), task.classIds(), fits, n, d,
        lambda.length, outer, warnings);
  }
}
