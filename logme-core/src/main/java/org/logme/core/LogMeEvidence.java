package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The maximum evidence of every target column, with the α and β that attain it: what a LogME
 * score needs. {@link LogMeModel} adds the posterior mean weights and predictions.
 *
 * @since 0.1
 */
public class LogMeEvidence {
  /**
   * Above this ε/‖m‖² the reference's ε moves α, and with it the evidence, noticeably (by about
   * 1e-4 per sample at this share); results then carry a warning.
   */
  static final double EPSILON_SHARE_WARNING = 0.1;

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
  private final int n;
  private final int d;
  private final int rank;
  private final boolean outerGram;
  private final List<String> warnings;

  LogMeEvidence(Task task, LogMeAlgorithm algorithm, List<String> targetNames, long[] classIds,
      EvidenceMaximizer.Fit[] fits, int n, int d, int rank, boolean outerGram,
      List<String> decompositionWarnings) {
    this.task = task;
    this.algorithm = algorithm;
    this.targetNames = List.copyOf(targetNames);
    this.classIds = classIds;
    this.fits = fits;
    this.n = n;
    this.d = d;
    this.rank = rank;
    this.outerGram = outerGram;
    List<String> all = new ArrayList<>(decompositionWarnings);
    for (int c = 0; c < fits.length; c++) {
      if (!fits[c].converged()) {
        all.add("LogME's " + algorithm.id() + " iteration did not converge within "
            + LogMeAlgorithm.MAX_ITERATIONS + " iterations for " + describe(c)
            + " (relative change of α/β " + String.format(Locale.ROOT, "%.3g", fits[c].lastChange())
            + " > " + algorithm.tolerance() + "); its evidence is that of the last iterate, as in"
            + " the reference implementation");
      }
    }
    int biased = 0;
    int worst = -1;
    for (int c = 0; c < fits.length; c++) {
      if (fits[c].epsilonShare() > EPSILON_SHARE_WARNING) {
        biased++;
        if (worst < 0 || fits[c].epsilonShare() > fits[worst].epsilonShare()) {
          worst = c;
        }
      }
    }
    if (biased > 0) {
      all.add("ε = " + LogMeAlgorithm.EPSILON + " in the α update is not negligible against"
          + " ‖m‖² for " + biased + " of " + fits.length + (task == Task.CLASSIFICATION
          ? " classes" : " outputs") + " (worst: " + describe(worst) + ", ε/‖m‖² = "
          + String.format(Locale.ROOT, "%.3g", fits[worst].epsilonShare()) + "), so the score"
          + " is biased downwards, as in the reference implementation; this happens when the"
          + " features are large (the exact evidence does not depend on their scale): rescale"
          + " them to values near 1, e.g. F / F.std()");
    }
    if (rank == 0) {
      all.add("the features are all zero: every score is the evidence of the targets as pure"
          + " noise");
    }
    this.warnings = List.copyOf(all);
  }

  /** Copies another result (for {@link LogMeModel}). */
  LogMeEvidence(LogMeEvidence other) {
    this.task = other.task;
    this.algorithm = other.algorithm;
    this.targetNames = other.targetNames;
    this.classIds = other.classIds;
    this.fits = other.fits;
    this.n = other.n;
    this.d = other.d;
    this.rank = other.rank;
    this.outerGram = other.outerGram;
    this.warnings = other.warnings;
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

  /** @return the fit of one column */
  EvidenceMaximizer.Fit fit(int column) {
    return fits[column];
  }

  /** @return the original class ids of the columns (classification), or null */
  long[] classIds() {
    return classIds;
  }
}
