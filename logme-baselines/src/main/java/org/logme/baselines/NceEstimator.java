package org.logme.baselines;

import java.util.List;
import java.util.Set;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * NCE, the Negative Conditional Entropy (Tran, Nguyen &amp; Hassner, "Transferability and
 * Hardness of Supervised Classification Tasks", ICCV 2019), as thuml/LogME {@code NCE.py}
 * computes it: with z the source model's hard prediction and y the target label,
 * <pre>
 *   P(y, z) = #{i : yᵢ = y, zᵢ = z} / N
 *   NCE = −H(Y | Z) = Σ_z P(z) Σ_y P(y | z)·log P(y | z)
 * </pre>
 *
 * <ul>
 *   <li>Inputs: source hard labels [N] and target labels; or source probabilities [N, Cs],
 *       whose row-wise argmax (ties to the lowest id, as numpy) gives the hard labels. When
 *       both are given the hard labels are used.</li>
 *   <li>Hyper-parameters: none.</li>
 *   <li>Direction: higher is better; NCE ≤ 0, exactly 0 when the target label is a function of
 *       the source label.</li>
 *   <li>Cost: O(N + Cs·C); no linear algebra.</li>
 *   <li>Difference from the reference: it adds 1e-20 to every P(y | z) before taking
 *       −p·log p, so a deterministic relation gives about −5e-19·(number of empty cells)
 *       instead of 0; here 0·log 0 = 0, so the value is exactly 0. Elsewhere the two agree
 *       to about 1e-18 absolute.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class NceEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "nce";

  /** Creates the estimator (it has no hyper-parameters). */
  public NceEstimator() {
    super(NAME, List.of(Set.of(InputKind.SOURCE_LABELS, InputKind.LABELS),
        Set.of(InputKind.SOURCE_PROBABILITIES, InputKind.LABELS)));
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    boolean fromProbabilities = input.sourceLabels().isEmpty();
    SourceLabels source = input.sourceLabels()
        .orElseGet(() -> SourceLabels.argmaxOf(input.sourceProbabilities().orElseThrow()));
    Labels labels = input.labels().orElseThrow();
    int n = labels.sampleCount();
    int c = labels.classCount();
    int cs = 0;
    for (int i = 0; i < n; i++) {
      cs = Math.max(cs, source.get(i) + 1);
    }
    long[] joint = new long[cs * c];
    long[] marginal = new long[cs];
    for (int i = 0; i < n; i++) {
      int z = source.get(i);
      joint[z * c + labels.classIndex(i)]++;
      marginal[z]++;
    }
    double conditionalEntropy = 0;
    for (int z = 0; z < cs; z++) {
      if (marginal[z] == 0) {
        continue;
      }
      double entropy = 0;
      for (int y = 0; y < c; y++) {
        long count = joint[z * c + y];
        if (count > 0) {
          double p = count / (double) marginal[z];
          entropy -= p * Math.log(p);
        }
      }
      conditionalEntropy += marginal[z] / (double) n * entropy;
    }
    return EstimateResult.builder(NAME, 0.0 - conditionalEntropy)
        .detail("source_labels", fromProbabilities ? "argmax of the source probabilities"
            : "given")
        .detail("source_classes", cs)
        .detail("classes", c);
  }
}
