package org.logme.baselines;

import java.util.List;
import java.util.OptionalInt;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.Covariance;
import org.logme.numerics.stats.Pca;

/**
 * PARC, Pairwise Annotation Representation Comparison (Bolya, Mittapalli &amp; Hoffman,
 * "Scalable Diverse Model Selection for Accessible Transfer Learning", NeurIPS 2021), as
 * dbolya/parc {@code methods.py::PARC} (commit ddfca43a) computes it with its demo setting
 * {@code n_dims = 32}:
 * <ol>
 *   <li>PCA to k = min(n_dims, N) dimensions with scikit-learn's randomized solver, seed 1919,
 *       one power iteration, reproduced draw for draw by {@link Pca#randomizedScores} (numpy's
 *       MT19937 and legacy Gaussian).</li>
 *   <li>Standardise each column (mean, population std; a constant column keeps scale 1).</li>
 *   <li>R₁ = 1 − corr(rows): the N×N Pearson correlations between samples.</li>
 *   <li>R₂ = 1 − corr(rows of one-hot(y)): 0 for a pair of one class, C/(C−1) otherwise.</li>
 *   <li>PARC = 100·Spearman(R₁[i&lt;j], R₂[i&lt;j]); since R₂ takes two values this is
 *       100·Pearson(rank R₁, [yᵢ ≠ yⱼ])
 *       ({@link org.logme.numerics.stats.Spearman#withBinary}).</li>
 * </ol>
 *
 * <ul>
 *   <li>Inputs: features and labels (some class with two samples; at least two feature
 *       columns after reduction).</li>
 *   <li>Hyper-parameters: {@code n_dims} (default 32; {@code none} skips the PCA), and
 *       {@code seed} (default 1919, the reference's {@code random_state}).</li>
 *   <li>Direction: higher is better; in [−100, 100].</li>
 *   <li>Cost: the randomized PCA, O(N·D·(k + 10)); the N(N−1)/2 correlations, O(N²·k) time in
 *       blocks of 1024×1024 ({@link PairBlocks}, 8 MB each), never an N×N matrix; their exact
 *       ranking, O(N² log N) time, holds at most half the free heap of dissimilarities
 *       ({@link DissimilarityRanks}): one pass over the pairs while 4·N² bytes fit, otherwise
 *       one counting pass and one pass per range of values (each recomputing the
 *       products), so memory is O(N·(D + k)) beyond that budget whatever N.</li>
 *   <li>Label ties: the reference builds R₂ with {@code numpy.corrcoef}, which is inexact when C
 *       is not a power of two; would-be ties then get distinct ranks and its published value
 *       moves with the label numbering (by up to 1 point on the reference fixtures). Here the
 *       ties are exact, which equals the reference fed one-hot rows zero-padded to a power of
 *       two (its fixtures' {@code score_exact_label_ties}).</li>
 *   <li>Where the reference fails: when the features have fewer columns than k (for example 4
 *       columns with n_dims = 32), scikit-learn's randomized PCA raises an error. Here no
 *       reduction is applied instead (as with {@code n_dims = none}) and the result carries a
 *       warning and {@code pca: "skipped"} in its details, so that PARC still ranks
 *       low-dimensional features.</li>
 *   <li>Sample order: with N ≥ D the score does not depend on the order of the samples; with
 *       N &lt; D the random matrix of the PCA is indexed by sample, as in the reference, so a
 *       permutation changes the value slightly.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class ParcEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "parc";
  /** scikit-learn's default number of extra random directions. */
  private static final int OVERSAMPLES = 10;
  /** PCA's {@code iterated_power} as PARC sets it. */
  private static final int POWER_ITERATIONS = 1;

  private final OptionalInt dimensions;
  private final long seed;

  /** The PCA dimension before the comparison, or none. */
  public static final Parameter<OptionalInt> N_DIMS = Parameter.dimensionsOrNone("n_dims",
      OptionalInt.of(32),
      "PCA dimension before the comparison (randomized PCA as scikit-learn), or none");
  /** The seed of the randomized PCA (the reference uses 1919). */
  public static final Parameter<Long> SEED = Parameter.seed("seed", 1919,
      "seed of the randomized PCA (the reference uses 1919)");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(N_DIMS, SEED);

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public ParcEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.dimensions = parameters.get(N_DIMS);
    this.seed = parameters.get(SEED);
  }


  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int n = f.rows();
    String pca = "none";
    String warning = null;
    Matrix reduced = f;
    if (dimensions.isPresent()) {
      int k = Math.min(dimensions.getAsInt(), n);
      if (k > f.cols()) {
        pca = "skipped";
        warning = "the features have " + f.cols() + " columns, fewer than the " + k
            + " PCA dimensions (n_dims=" + dimensions.getAsInt() + "); PCA was skipped (the"
            + " reference raises an error here)";
      } else {
        reduced = Pca.randomizedScores(f, k, OVERSAMPLES, POWER_ITERATIONS, seed, backend);
        pca = "randomized, " + k + " components, seed " + seed;
      }
    }
    Matrix z = rowNormalized(Covariance.standardized(reduced));
    double rho = spearmanOfDissimilarities(z, labels, backend);
    EstimateResult.Builder result = EstimateResult.builder(NAME, 100 * rho)
        .detail("pca", pca)
        .detail("dimensions", reduced.cols());
    if (warning != null) {
      result.warning(warning);
    }
    return result;
  }

  /** Centres and scales each row to unit norm, so that row dot products are correlations. */
  private Matrix rowNormalized(Matrix x) {
    int n = x.rows();
    int k = x.cols();
    double[] out = x.data().clone();
    for (int i = 0; i < n; i++) {
      double mean = 0;
      for (int j = 0; j < k; j++) {
        mean += out[i * k + j];
      }
      mean /= k;
      double norm = 0;
      for (int j = 0; j < k; j++) {
        out[i * k + j] -= mean;
        norm += out[i * k + j] * out[i * k + j];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        throw new InvalidInputException(prefix() + "sample " + i + " has the same value in every"
            + " one of its " + k + " standardised feature columns, so its correlation with other"
            + " samples is undefined; PARC needs at least two informative feature columns");
      }
      for (int j = 0; j < k; j++) {
        out[i * k + j] /= norm;
      }
    }
    return Matrix.wrap(n, k, out);
  }

  /**
   * The most dissimilarities held at once: half the heap that is free now, less the product
   * blocks, at least 2²⁰.
   */
  static long valueBudget() {
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    long bytes = free / 2 - 3L * PairBlocks.BLOCK * PairBlocks.BLOCK * Double.BYTES;
    return Math.max(1 << 20, Math.min(Integer.MAX_VALUE - 16, bytes / Double.BYTES));
  }

  /** Spearman(1 − corr, [yᵢ ≠ yⱼ]) over the pairs i &lt; j. */
  private double spearmanOfDissimilarities(Matrix z, Labels labels, LinearAlgebraBackend backend) {
    int n = z.rows();
    long same = 0;
    for (int count : labels.counts()) {
      same += (long) count * (count - 1) / 2;
    }
    long pairs = (long) n * (n - 1) / 2;
    if (same == 0) {
      throw new InvalidInputException(prefix() + "every class has a single sample, so no pair"
          + " of samples shares a class; PARC needs at least one class with two samples");
    }
    DissimilarityRanks ranks = new DissimilarityRanks(z, labels.classIndices(), backend);
    double rho = ranks.correlation(same, valueBudget());
    if (Double.isNaN(rho)) {
      throw new InvalidInputException(prefix() + "every pair of samples is equally correlated"
          + " (for example identical samples), so the ranking is undefined");
    }
    return rho;
  }
}
