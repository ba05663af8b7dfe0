package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.NumericalException;
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
  private final double epsilon;
  private final LinearAlgebraBackend backend;

  /**
   * With the reference's ε ({@value LogMeAlgorithm#EPSILON}).
   *
   * @param algorithm the evidence-maximisation procedure
   * @param backend the linear algebra to use
   */
  public LogMe(LogMeAlgorithm algorithm, LinearAlgebraBackend backend) {
    this(algorithm, LogMeAlgorithm.EPSILON, backend);
  }

  /**
   * @param algorithm the evidence-maximisation procedure
   * @param epsilon ε in the updates of the reference procedures (≥ 0; 0 removes its bias);
   *     unused by {@link LogMeAlgorithm#EXACT}
   * @param backend the linear algebra to use
   * @throws IllegalArgumentException if ε is negative or not finite
   */
  public LogMe(LogMeAlgorithm algorithm, double epsilon, LinearAlgebraBackend backend) {
    if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be a finite number >= 0, not " + epsilon);
    }
    this.algorithm = algorithm;
    this.epsilon = epsilon;
    this.backend = backend;
  }

  /**
   * The evidence of classification, from in-memory features: one-vs-rest indicator per class
   * (classes as remapped by {@link Labels}). All a score needs: the eigenvectors are never
   * formed (see {@link LinearAlgebraBackend#symmetricEigenProjection}), which is several times
   * faster for large D than {@link #fit(Features, Labels)}.
   *
   * @param features N×D features
   * @param labels N labels
   * @return the evidence of every class
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeEvidence evidence(Features features, Labels labels) {
    return evidence(Source.of(features), Columns.of(labels));
  }

  /**
   * The evidence of regression or multi-label targets, one per column, from in-memory features.
   *
   * @param features N×D features
   * @param targets N×K targets
   * @return the evidence of every target column
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeEvidence evidence(Features features, Targets targets) {
    return evidence(Source.of(features), Columns.of(targets));
  }

  /**
   * The evidence of classification from sufficient statistics (streamed features).
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these labels
   * @param labels N labels
   * @return the evidence of every class
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeEvidence evidence(FeatureStatistics statistics, Labels labels) {
    return evidence(Source.of(statistics), Columns.of(labels));
  }

  /**
   * The evidence of regression or multi-label targets from sufficient statistics.
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these targets
   * @param targets N×K targets
   * @return the evidence of every target column
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeEvidence evidence(FeatureStatistics statistics, Targets targets) {
    return evidence(Source.of(statistics), Columns.of(targets));
  }

  /**
   * Classification with posterior weights: one-vs-rest indicator per class.
   *
   * @param features N×D features
   * @param labels N labels
   * @return the fitted model
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeModel fit(Features features, Labels labels) {
    return fit(Source.of(features), Columns.of(labels));
  }

  /**
   * Regression or multi-label: one evidence per target column, with posterior weights.
   *
   * @param features N×D features
   * @param targets N×K targets
   * @return the fitted model
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeModel fit(Features features, Targets targets) {
    return fit(Source.of(features), Columns.of(targets));
  }

  /**
   * Classification from sufficient statistics (streamed features), with posterior weights.
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these labels
   * @param labels N labels
   * @return the fitted model
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeModel fit(FeatureStatistics statistics, Labels labels) {
    return fit(Source.of(statistics), Columns.of(labels));
  }

  /**
   * Regression or multi-label from sufficient statistics, with posterior weights.
   *
   * @param statistics N, FᵀF and FᵀY accumulated with these targets
   * @param targets N×K targets
   * @return the fitted model
   * @throws InvalidInputException if the row counts differ
   */
  public LogMeModel fit(FeatureStatistics statistics, Targets targets) {
    return fit(Source.of(statistics), Columns.of(targets));
  }

  /**
   * Where the features come from: in memory (F) or as sufficient statistics (N, FᵀF, FᵀY).
   *
   * @param features F, or null
   * @param statistics the statistics, or null
   */
  private record Source(Features features, FeatureStatistics statistics) {
    static Source of(Features features) {
      return new Source(java.util.Objects.requireNonNull(features), null);
    }

    static Source of(FeatureStatistics statistics) {
      return new Source(null, java.util.Objects.requireNonNull(statistics));
    }

    int sampleCount() {
      return features != null ? features.sampleCount() : statistics.sampleCount();
    }

    int dimension() {
      return features != null ? features.dimension() : statistics.dimension();
    }

    String origin() {
      return features != null ? features.origin() : statistics.origin();
    }

    /** @return true if FFᵀ (N×N) is the smaller matrix to decompose: N &lt; D, F in memory */
    boolean outer() {
      return features != null && features.sampleCount() < features.dimension();
    }

    Matrix gram(LinearAlgebraBackend backend) {
      return features != null ? backend.gram(features.matrix()) : statistics.gram();
    }

    Matrix crossProducts(TargetColumns columns, LinearAlgebraBackend backend) {
      return features != null ? columns.transposeTimes(features.matrix(), backend)
          : statistics.crossProducts();
    }
  }

  /**
   * The target columns with what they mean.
   *
   * @param values Y, through the products LogME needs
   * @param task what the columns are
   * @param names the name of every column
   * @param classIds the original class ids (classification), or null
   * @param rows N
   * @param origin where the labels or targets came from
   */
  private record Columns(TargetColumns values, LogMeEvidence.Task task, List<String> names,
      long[] classIds, int rows, String origin) {
    static Columns of(Labels labels) {
      List<String> names = new ArrayList<>();
      for (long id : labels.classIds()) {
        names.add(Long.toString(id));
      }
      return new Columns(TargetColumns.indicators(labels), LogMeEvidence.Task.CLASSIFICATION,
          names, labels.classIds(), labels.sampleCount(), labels.origin());
    }

    static Columns of(Targets targets) {
      List<String> names = new ArrayList<>();
      for (int c = 0; c < targets.outputCount(); c++) {
        names.add(Integer.toString(c));
      }
      return new Columns(TargetColumns.dense(targets.matrix()),
          targets.kind() == Targets.Kind.MULTI_LABEL ? LogMeEvidence.Task.MULTI_LABEL
              : LogMeEvidence.Task.REGRESSION, names, null, targets.sampleCount(),
          targets.origin());
    }
  }

  private static void checkRows(Source source, Columns columns) {
    if (source.sampleCount() != columns.rows()) {
      throw new InvalidInputException("row counts disagree: features (" + source.origin()
          + ") has " + source.sampleCount() + " rows but " + columns.origin() + " has "
          + columns.rows() + " rows");
    }
  }

  private LogMeEvidence evidence(Source source, Columns columns) {
    checkRows(source, columns);
    Projections p = source.outer()
        ? Projections.ofOuterGram(source.features().matrix(), columns.values().matrix(), backend)
        : Projections.ofGram(source.gram(backend),
            source.crossProducts(columns.values(), backend), backend);
    return maximize(p.eigenvalues(), p.x(), columns, source, p.warnings());
  }

  private LogMeModel fit(Source source, Columns columns) {
    checkRows(source, columns);
    TargetColumns y = columns.values();
    SpectralBasis basis = source.outer()
        ? SpectralBasis.ofOuterGram(source.features().matrix(), backend)
        : SpectralBasis.ofGram(source.gram(backend), backend);
    Matrix x = basis.rank() == 0 ? Matrix.zeros(0, y.count())
        : basis.project(source.outer() ? null : source.crossProducts(y, backend), y, backend);
    LogMeEvidence evidence = maximize(basis.eigenvalues(), x, columns, source,
        basis.warnings());
    Matrix coefficients = Matrix.zeros(basis.rank(), y.count());
    for (int c = 0; c < y.count(); c++) {
      double t = evidence.fit(c).t();
      for (int i = 0; i < basis.rank(); i++) {
        coefficients.set(i, c, x.get(i, c) / (t + basis.eigenvalues()[i]));
      }
    }
    Matrix weights = basis.rank() == 0 ? Matrix.zeros(source.dimension(), y.count())
        : basis.weights(coefficients, backend);
    return new LogMeModel(evidence, weights.transpose());
  }

  private LogMeEvidence maximize(double[] lambda, Matrix x, Columns columns, Source source,
      List<String> warnings) {
    TargetColumns y = columns.values();
    double[] norms = y.squaredNorms();
    int n = source.sampleCount();
    int d = source.dimension();
    EvidenceMaximizer.Fit[] fits = new EvidenceMaximizer.Fit[y.count()];
    EvidenceMaximizer.Spectrum spectrum = new EvidenceMaximizer.Spectrum(lambda);
    // the other side, so that a result can say how far the reference is from the maximum
    LogMeAlgorithm other = algorithm == LogMeAlgorithm.EXACT ? LogMeAlgorithm.FIXED_POINT
        : LogMeAlgorithm.EXACT;
    double[] companions = new double[fits.length];
    boolean[] unbounded = new boolean[fits.length];
    RuntimeException[] failures = new RuntimeException[fits.length];
    // columns are independent: on the backend's threads when there are several
    backend.forEachTask(fits.length, c -> {
      double[] xc = x.column(c);
      try {
        fits[c] = EvidenceMaximizer.maximize(spectrum, xc, norms[c], n, d, algorithm, epsilon);
      } catch (RuntimeException e) {
        failures[c] = e;
        return;
      }
      try {
        companions[c] = EvidenceMaximizer.maximize(spectrum, xc, norms[c], n, d, other,
            LogMeAlgorithm.EPSILON).evidence();
      } catch (NumericalException e) {
        unbounded[c] = true;
      }
    });
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure; // the first column's, as a sequential loop would
      }
    }
    double companion = 0;
    for (int c = 0; c < fits.length; c++) {
      // the exact maximum is unbounded: the score says why if asked
      companion = unbounded[c] ? Double.NaN : companion + companions[c];
    }
    companion /= fits.length; // as score() averages
    return new LogMeEvidence(columns.task(), algorithm, columns.names(), columns.classIds(), fits,
        n, d, lambda.length, source.outer(), warnings, epsilon, other, companion);
  }
}
