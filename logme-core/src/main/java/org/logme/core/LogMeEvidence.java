package org.logme.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The maximum evidence of every target column, with the α and β that attain it: what a LogME
 * score needs. A {@link LogMeModel} holds one, with the posterior mean weights and predictions.
 *
 * @since 0.1
 */
public final class LogMeEvidence {
  /**
   * When the reference's ε lowers the evidence of a column by more than this (per sample), the
   * result carries a warning; features 30 times larger than unit variance reach it.
   */
  static final double EPSILON_COST_WARNING = 1e-3;

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
  private final LogMeAlgorithm companionAlgorithm;
  private final double companionScore;

  LogMeEvidence(Task task, LogMeAlgorithm algorithm, List<String> targetNames, long[] classIds,
      EvidenceMaximizer.Fit[] fits, int n, int d, int rank, boolean outerGram,
      List<String> decompositionWarnings, double epsilon, LogMeAlgorithm companionAlgorithm,
      double companionScore) {
    this.task = task;
    this.algorithm = algorithm;
    this.targetNames = List.copyOf(targetNames);
    this.classIds = classIds;
    this.fits = fits;
    this.n = n;
    this.d = d;
    this.rank = rank;
    this.outerGram = outerGram;
    this.companionAlgorithm = companionAlgorithm;
    this.companionScore = companionScore;
    List<String> all = new ArrayList<>(decompositionWarnings);
    List<Integer> slow = new ArrayList<>();
    List<Integer> biased = new ArrayList<>();
    List<Integer> noiseFree = new ArrayList<>();
    for (int c = 0; c < fits.length; c++) {
      if (!fits[c].converged()) {
        slow.add(c);
      }
      if (fits[c].noiseFree()) {
        noiseFree.add(c);
      }
      if (fits[c].epsilonCost() > EPSILON_COST_WARNING) {
        biased.add(c);
      }
    }
    if (!slow.isEmpty()) {
      int worst = worst(slow, EvidenceMaximizer.Fit::lastChange);
      all.add("LogME's " + algorithm.id() + " iteration did not converge within "
          + LogMeAlgorithm.MAX_ITERATIONS + " iterations for " + columns(slow) + " (worst: "
          + describe(worst) + ", relative change of α/β " + String.format(Locale.ROOT, "%.3g",
          fits[worst].lastChange()) + " > " + algorithm.tolerance() + "); the evidence is that"
          + " of the last iterate, as in the reference implementation (the exact maximum:"
          + " algorithm exact)");
    }
    if (!biased.isEmpty()) {
      int worst = worst(biased, EvidenceMaximizer.Fit::epsilonCost);
      all.add("ε = " + epsilon + " in the α update of the reference"
          + " implementation lowers the evidence of " + columns(biased) + " by up to "
          + String.format(Locale.ROOT, "%.3g", fits[worst].epsilonCost()) + " per sample"
          + " (worst: " + describe(worst) + "); ε matters when ‖m‖² is small, usually because"
          + " the features are large: rescale them to values near 1, e.g. F / F.std(), or use"
          + " the exact maximum (algorithm exact), which does not depend on their scale");
    }
    if (!noiseFree.isEmpty()) {
      all.add("the features interpolate " + columns(noiseFree) + " exactly (rank " + rank + " = N):"
          + " the evidence is maximised in the noise-free limit β → ∞, which the score is (α and"
          + " β are those at the end of the search)");
    }
    if (rank == 0) {
      all.add("the features are all zero: every score is the evidence of the targets as pure"
          + " noise");
    }
    this.warnings = List.copyOf(all);
  }

  /** @return e.g. "3 of 10 classes (0, 4, 7)", naming at most ten */
  private String columns(List<Integer> which) {
    String kind = task == Task.CLASSIFICATION ? " classes" : " outputs";
    List<String> names = which.stream().limit(10).map(targetNames::get).toList();
    return which.size() + " of " + fits.length + kind + " (" + String.join(", ", names)
        + (which.size() > names.size() ? ", ..." : "") + ")";
  }

  private int worst(List<Integer> which, ToDoubleFunction<EvidenceMaximizer.Fit> by) {
    int worst = which.get(0);
    for (int c : which) {
      if (by.applyAsDouble(fits[c]) > by.applyAsDouble(fits[worst])) {
        worst = c;
      }
    }
    return worst;
  }

  private String describe(int column) {
    return (task == Task.CLASSIFICATION ? "class " : "output ") + targetNames.get(column);
  }

  /**
   * The score of the other kind of procedure on the same spectrum: the exact maximum for the
   * reference procedures, the reference fixed point (ε = {@value LogMeAlgorithm#EPSILON}) for
   * {@link LogMeAlgorithm#EXACT}. Cheap (O(k) per evaluation), computed with every result so
   * that an output can show both when they differ.
   *
   * @return that score; NaN if the exact maximum is unbounded
   */
  public double companionScore() {
    return companionScore;
  }

  /** @return the procedure behind {@link #companionScore()} */
  public LogMeAlgorithm companionAlgorithm() {
    return companionAlgorithm;
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
