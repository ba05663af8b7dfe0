package org.logme.baselines;

import java.util.ArrayList;
import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.NumericalException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.KnnEntropy;

/**
 * TMI, Transferability Measurement with Intra-class feature variance (Xu &amp; Kang, "Fast and
 * Accurate Transferability Measurement by Evaluating Intra-class Feature Variance", ICCV 2023,
 * arXiv 2308.05986), <b>implemented from the paper's description only</b>: the authors' code
 * is licensed for non-commercial use and was neither read nor run, and the paper's method
 * section (its exact formula, k, normalisation and sign) could not be retrieved. What the
 * abstract establishes is that TMI measures the intra-class variance of the target features
 * as a conditional entropy, from features and labels alone. This implementation computes the
 * class-conditional Kozachenko–Leonenko k-NN entropy of the features, weighted by class
 * frequency; the normalisation, k and the direction are ours, chosen so that the score is
 * invariant to the scale of a model's features and comparable across feature dimensions:
 * <ol>
 *   <li>F̃ = (F − mean)/s with s = √(tr Cov₀(F)/D), the root-mean-square standard deviation
 *       per dimension (one factor for all columns: rotations are preserved);</li>
 *   <li>H(F̃ | Y) = Σ_c π_c·Ĥ_k(F̃_c), Ĥ_k the k-NN entropy of the class's samples
 *       ({@link KnnEntropy}), π_c = n_c/N;</li>
 *   <li>TMI = −H(F̃ | Y)/D, in nats per dimension.</li>
 * </ol>
 * A model whose classes are compact relative to the spread of all its features scores
 * higher; features independent of the labels have class-conditional entropy close to the
 * whole sample's, and score lower.
 *
 * <ul>
 *   <li>Inputs: features and labels; every class needs more than k samples. Hyper-parameter:
 *       {@code k} (3, as Kraskov et al. recommend for such estimators).</li>
 *   <li>Direction: higher is better (our reading of the paper; see above).</li>
 *   <li>Invariant to translations, rotations and uniform scaling of the features, to
 *       relabelling and to the order of the samples.</li>
 *   <li>Duplicated samples within a class have a k-th neighbour distance of 0 (a point mass
 *       has entropy −∞); such distances are raised to 1e-10 (in the normalised units) and the
 *       result carries a warning: a class that collapses to a point scores very high, but
 *       finite.</li>
 *   <li>Cost: the within-class distances, O(Σ_c n_c²·D) time, O(N·D) memory.</li>
 *   <li>Status: properties only; no reference value exists to compare with.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class TmiEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "tmi";

  /** The neighbour order of the entropy estimate. */
  public static final Parameter<Integer> K = Parameter.positiveInt("k", 3,
      "neighbour order of the Kozachenko-Leonenko entropy estimate");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(K);

  /** The smallest neighbour distance used, in normalised units. */
  static final double DISTANCE_FLOOR = 1e-10;

  private final int k;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public TmiEstimator(EstimatorParameters parameters) {
    super(NAME, FEATURES_AND_LABELS, parameters);
    this.k = parameters.get(K);
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int n = f.rows();
    int d = f.cols();
    int c = labels.classCount();
    int[] counts = labels.counts();
    for (int cl = 0; cl < c; cl++) {
      if (counts[cl] <= k) {
        throw new InvalidInputException(prefix() + "class " + labels.classId(cl) + " has "
            + counts[cl] + " samples, but the k-NN entropy with k = " + k + " needs more than "
            + k + " per class; lower --param tmi.k or drop the class");
      }
    }
    double[] fd = f.data();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += fd[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = fd[i * d + j] - mean[j];
        total += e * e;
      }
    }
    double scale = Math.sqrt(total / n / d);
    if (!(scale > 0)) {
      throw NumericalException.withHint("the features are constant, so they have no spread to"
          + " normalise by", "check the features", null);
    }
    double conditional = 0;
    int floored = 0;
    double[] perClass = new double[c];
    for (int cl = 0; cl < c; cl++) {
      Matrix rows = Matrix.zeros(counts[cl], d);
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (labels.classIndex(i) == cl) {
          for (int j = 0; j < d; j++) {
            rows.set(r, j, (fd[i * d + j] - mean[j]) / scale);
          }
          r++;
        }
      }
      KnnEntropy h = KnnEntropy.of(rows, k, DISTANCE_FLOOR);
      perClass[cl] = h.entropy();
      floored += h.floored();
      conditional += counts[cl] / (double) n * h.entropy();
    }
    List<String> warnings = new ArrayList<>();
    if (floored > 0) {
      warnings.add(floored + " samples have a duplicate among their " + k + " nearest"
          + " neighbours in their class (distance 0); their distance was raised to "
          + DISTANCE_FLOOR + ", which makes the score large but finite");
    }
    List<String> names = new ArrayList<>();
    for (int cl = 0; cl < c; cl++) {
      names.add(Long.toString(labels.classId(cl)));
    }
    return EstimateResult.builder(NAME, -conditional / d)
        .targets(names, perClass)
        .warnings(warnings)
        .detail("conditional_entropy", conditional)
        .detail("scale", scale)
        .detail("floored_distances", floored);
  }
}
