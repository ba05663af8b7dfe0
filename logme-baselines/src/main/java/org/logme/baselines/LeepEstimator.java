package org.logme.baselines;

import java.util.List;
import java.util.Set;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * LEEP, the Log Expected Empirical Prediction (Nguyen, Hassner, Seeger &amp; Archambeau, "LEEP: A
 * New Measure to Evaluate Transferability of Learned Representations", ICML 2020), as
 * thuml/LogME {@code LEEP.py} computes it.
 *
 * <p>With θᵢ the source model's probabilities over its Cs classes for target sample i:
 * <pre>
 *   P(y, z) = (1/N)·Σ_{i: yᵢ = y} θ_iz        (empirical joint of target y and source z)
 *   P(y | z) = P(y, z) / Σ_y' P(y', z)
 *   LEEP = (1/N)·Σᵢ log Σ_z θ_iz·P(yᵢ | z)
 * </pre>
 *
 * <ul>
 *   <li>Inputs: source probabilities [N, Cs] and target labels.</li>
 *   <li>Hyper-parameters: none.</li>
 *   <li>Direction: higher is better; LEEP ≤ 0, 0 when the source predicts the target perfectly,
 *       log(1/C) for a source model independent of the target with balanced classes.</li>
 *   <li>Cost: O(N·Cs·C) time, O(Cs·C) memory; no linear algebra.</li>
 *   <li>Difference from the reference: a source class that receives exactly zero probability
 *       on every sample has an undefined P(y | z) (0/0), which makes the reference return NaN;
 *       its contribution θ_iz·P(y | z) is 0 for every sample, so it is left out here. Class
 *       ids with gaps are remapped to 0..C−1 (the reference keeps empty rows, which do not
 *       change its value).</li>
 * </ul>
 *
 * @since 0.1
 */
public final class LeepEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "leep";

  /** Creates the estimator (it has no hyper-parameters). */
  public LeepEstimator() {
    super(NAME, List.of(Set.of(InputKind.SOURCE_PROBABILITIES, InputKind.LABELS)));
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    SourceProbabilities source = input.sourceProbabilities().orElseThrow();
    Labels labels = input.labels().orElseThrow();
    int n = labels.sampleCount();
    int cs = source.sourceClassCount();
    int c = labels.classCount();
    double[] theta = source.matrix().data();
    double[] joint = new double[c * cs];
    for (int i = 0; i < n; i++) {
      int y = labels.classIndex(i);
      for (int z = 0; z < cs; z++) {
        joint[y * cs + z] += theta[i * cs + z] / n;
      }
    }
    double[] conditional = new double[c * cs];
    int emptySourceClasses = 0;
    for (int z = 0; z < cs; z++) {
      double pz = 0;
      for (int y = 0; y < c; y++) {
        pz += joint[y * cs + z];
      }
      if (pz == 0) {
        emptySourceClasses++;
        continue;
      }
      for (int y = 0; y < c; y++) {
        conditional[y * cs + z] = joint[y * cs + z] / pz;
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = labels.classIndex(i);
      double p = 0;
      for (int z = 0; z < cs; z++) {
        p += theta[i * cs + z] * conditional[y * cs + z];
      }
      sum += Math.log(p);
    }
    return EstimateResult.builder(NAME, sum / n)
        .detail("source_classes", cs)
        .detail("source_classes_without_mass", emptySourceClasses)
        .detail("classes", c);
  }
}
