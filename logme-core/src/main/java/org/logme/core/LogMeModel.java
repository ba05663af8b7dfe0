package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * A fitted LogME model: the maximum evidence, α, β and posterior mean weights of every target
 * column, and predictions from those weights.
 *
 * @since 0.1
 */
public final class LogMeModel {

  /** What the target columns are. */
  public enum Task {
    /** One-vs-rest indicators of classes; predictions are class ids. */
    CLASSIFICATION,
    /** 0/1 label indicators; predictions are indicators (posterior mean ≥ 0.5). */
    MULTI_LABEL,
    /** Real outputs; predictions are the posterior means. */
    REGRESSION
  }

  private final Task task;
  private final LogMeAlgorithm algorithm;
  private final List<String> targetNames;
  private final long[] classIds;
  private final EvidenceMaximizer.Fit[] fits;
  private final Matrix weights;
  private final int n;
  private final int d;
  private final int rank;
  private final boolean outerGram;
  private final List<String> warnings;

  LogMeModel(Task task, LogMeAlgorithm algorithm, List<String> targetNames, long[] classIds,
      EvidenceMaximizer.Fit[] fits, Matrix weights, int n, int d, int rank, boolean outerGram,
      List<String> decompositionWarnings) {
    this.task = task;
    this.algorithm = algorithm;
    this.targetNames = List.copyOf(targetNames);
    this.classIds = classIds;
    this.fits = fits;
    this.weights = weights;
    this.n = n;
    this.d = d;
    this.rank = rank;
    this.outerGram = outerGram;
    List<String> all = new ArrayList<>(decompositionWarnings);
    for (int c = 0; c < fits.length; c++) {
      if (!fits[c].converged()) {
        all.add("LogME's " + algorithm.id() + " iteration did not converge within "
            + LogMeAlgorithm.MAX_ITERATIONS + " iterations for " + describe(c)
            + " (relative change of α/β " + String.format("%.3g", fits[c].lastChange())
            + " > " + algorithm.tolerance() + "); its evidence is that of the last iterate, as in"
            + " the reference implementation");
      }
    }
    if (rank == 0) {
      all.add("the features are all zero: every score is the evidence of the targets as pure"
          + " noise");
    }
    this.warnings = List.copyOf(all);
  }

  private String describe(int column) {
    return (task == Task.CLASSIFICATION ? "class " : "output ") + targetNames.get(column);
  }

  /** @return the LogME score: the mean over target columns of the maximum evidence per sample */
  public double score() {
    double sum = 0;
    for (EvidenceMaximizer.Fit fit : fits) {
      sum += fit.evidence();
    }
    return sum / fits.length;
  }

  /** @return the maximum evidence per sample of every target column */
  public double[] evidences() {
    double[] out = new double[fits.length];
    for (int c = 0; c < fits.length; c++) {
      out[c] = fits[c].evidence();
    }
    return out;
  }

  /** @return the final prior precision α of every target column */
  public double[] alphas() {
    double[] out = new double[fits.length];
    for (int c = 0; c < fits.length; c++) {
      out[c] = fits[c].alpha();
    }
    return out;
  }

  /** @return the final noise precision β of every target column */
  public double[] betas() {
    double[] out = new double[fits.length];
    for (int c = 0; c < fits.length; c++) {
      out[c] = fits[c].beta();
    }
    return out;
  }

  /** @return the iterations used for every target column */
  public int[] iterations() {
    int[] out = new int[fits.length];
    for (int c = 0; c < fits.length; c++) {
      out[c] = fits[c].iterations();
    }
    return out;
  }

  /** @return the posterior mean weights, C×D (one row per target column) */
  public Matrix weights() {
    return weights.copy();
  }

  /**
   * The score the reference implementation (thuml/LogME) prints, where it differs from the exact
   * one: when N &lt; D it omits (D − N)/2·log α from each column's evidence (its issue #23).
   *
   * @return the reference's value, equal to {@link #score()} when N ≥ D
   */
  public double referenceScore() {
    if (n >= d || algorithm != LogMeAlgorithm.FIXED_POINT) {
      return score();
    }
    double sum = 0;
    for (EvidenceMaximizer.Fit fit : fits) {
      sum += fit.evidence() + (d - n) / (2.0 * n) * Math.log(fit.alpha());
    }
    return sum / fits.length;
  }

  /**
   * @param features M×D features of the samples to predict
   * @param backend the linear algebra to use
   * @return M×C posterior means F·Mᵀ, one column per target column
   */
  public Matrix decisionValues(Matrix features, LinearAlgebraBackend backend) {
    if (features.cols() != d) {
      throw new org.logme.api.InvalidInputException("the model was fitted on " + d
          + "-dimensional features, got " + features.cols() + " columns");
    }
    return backend.multiply(features, weights.transpose());
  }

  /**
   * Class predictions: the original id of the column with the largest posterior mean (the
   * first on ties), as the reference's argmax.
   *
   * @param features M×D features
   * @param backend the linear algebra to use
   * @return one class id per row
   * @throws IllegalStateException if the model is not a classification model
   */
  public long[] predictClasses(Matrix features, LinearAlgebraBackend backend) {
    if (task != Task.CLASSIFICATION) {
      throw new IllegalStateException("predictClasses needs a classification model; this one is "
          + task);
    }
    Matrix scores = decisionValues(features, backend);
    long[] out = new long[scores.rows()];
    int c = scores.cols();
    double[] s = scores.data();
    for (int i = 0; i < scores.rows(); i++) {
      int best = 0;
      for (int j = 1; j < c; j++) {
        if (s[i * c + j] > s[i * c + best]) {
          best = j;
        }
      }
      out[i] = classIds[best];
    }
    return out;
  }

  /**
   * Predictions for regression (posterior means) or multi-label (1 where the posterior mean is
   * at least 0.5, else 0).
   *
   * @param features M×D features
   * @param backend the linear algebra to use
   * @return M×K predictions
   * @throws IllegalStateException for a classification model (use {@link #predictClasses})
   */
  public Matrix predictTargets(Matrix features, LinearAlgebraBackend backend) {
    if (task == Task.CLASSIFICATION) {
      throw new IllegalStateException("use predictClasses for a classification model");
    }
    Matrix values = decisionValues(features, backend);
    if (task == Task.MULTI_LABEL) {
      double[] v = values.data();
      for (int i = 0; i < v.length; i++) {
        v[i] = v[i] >= 0.5 ? 1 : 0;
      }
    }
    return values;
  }

  /** @return the task */
  public Task task() {
    return task;
  }

  /** @return the algorithm that fitted the model */
  public LogMeAlgorithm algorithm() {
    return algorithm;
  }

  /** @return the name of every target column (class ids or output indices) */
  public List<String> targetNames() {
    return targetNames;
  }

  /** @return k, the numerical rank of the features */
  public int rank() {
    return rank;
  }

  /** @return N */
  public int sampleCount() {
    return n;
  }

  /** @return D */
  public int dimension() {
    return d;
  }

  /** @return true if the N×N matrix FFᵀ was decomposed (N &lt; D) */
  public boolean usedOuterGram() {
    return outerGram;
  }

  /** @return non-convergence, fallback and degenerate-input warnings; empty normally */
  public List<String> warnings() {
    return warnings;
  }
}
