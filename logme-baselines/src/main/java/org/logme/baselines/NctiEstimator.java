package org.logme.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.ModelComponents;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.ThinSvd;
import org.logme.numerics.stats.LinearDiscriminant;
import org.logme.numerics.stats.Pca;

/**
 * NCTI, Neural Collapse inspired Transferability Index (Wang, Zhao, Liu, Zhang, Zhang, Sun &amp;
 * Wang, "How Far Pre-trained Models Are from Neural Collapse on the Target Dataset Informs
 * their Transferability", ICCV 2023), as BUserName/NCTI computes it (commit b18d3951, MIT):
 * {@code metrics.py::NCTI_Score} per model and the combination of
 * {@code evaluate_metric_group1_cpu.py} (lines 140–182) over the candidate set. A
 * <b>set-level</b> estimator: a model's score depends on the other candidates.
 *
 * <p>Per model (its components):
 * <ol>
 *   <li>X = the scores of the exact PCA of the features onto k = min(64, N, D) components;
 *       s = max(exp(−Σ_{j&lt;32} λ_j), 1e-10), λ_j the PCA's explained variances (divisor
 *       N − 1).</li>
 *   <li>A linear discriminant on X ({@link LinearDiscriminant}, as scikit-learn's
 *       {@code LinearDiscriminantAnalysis}): the eigen solver with shrinkage s, or, when s
 *       is exactly 1e-10 (Σλ &gt; 23.03), the SVD solver without shrinkage; its projection onto
 *       min(C − 1, k) directions, centred: Z.</li>
 *   <li>seli = ‖Z‖_* (the nuclear norm, the sum of singular values);
 *       ncc = (1/N)·Σ_i P[i, y_i] with P the discriminant's class probabilities;
 *       vc = ln Σ_c ‖P[y = c]‖_*, the nuclear norms of each class's n_c×C block of P.</li>
 * </ol>
 * Over the set, each component is min-max normalised, v' = (v − min v)/(max v − min v), and
 * <pre>
 *   NCTI_m = ncc'_m + seli'_m − vc'_m ∈ [−1, 2]
 * </pre>
 *
 * <ul>
 *   <li>Inputs: features and labels, for at least two candidates on the same samples.
 *       Hyper-parameters: {@code pca_components} (64) and {@code variance_components} (32,
 *       the explained variances summed for s).</li>
 *   <li>Direction: higher is better. Set-dependent.</li>
 *   <li>Cost per model: the exact PCA, O(N·D·min(N, D)); the discriminant, O(N·k² + k³);
 *       the nuclear norms, O(N·C²). The combination is O(models).</li>
 *   <li>Differences from the reference: (1) the PCA is exact; scikit-learn's {@code 'auto'}
 *       solver switches to a randomized PCA seeded from numpy's global generator when
 *       max(N, D) &gt; 500 and 64 &lt; 0.8·min(N, D), which approximates the same
 *       components; (2) with fewer than 64 columns or samples the reference raises an error;
 *       here all min(N, D) components are kept (the PCA is then a rotation) and a warning
 *       says so; (3) a component that is equal for every candidate makes the reference divide
 *       0 by 0 (NaN scores); here it counts 0 for every candidate, with a warning; (4) the
 *       reference prints its components; they are in the result's details here.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class NctiEstimator extends SetBaseline {
  /** The name users select it by. */
  public static final String NAME = "ncti";

  /** The PCA's number of components. */
  public static final Parameter<Integer> PCA_COMPONENTS = Parameter.positiveInt("pca_components",
      64, "PCA components before the discriminant (the reference: 64)");
  /** How many leading explained variances set the shrinkage. */
  public static final Parameter<Integer> VARIANCE_COMPONENTS = Parameter.positiveInt(
      "variance_components", 32, "leading PCA variances whose sum sets the shrinkage"
      + " exp(-sum) (the reference: 32)");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(PCA_COMPONENTS,
      VARIANCE_COMPONENTS);

  /** The components, by name. */
  static final String SELI = "seli";
  static final String NCC = "ncc";
  static final String VC = "vc";

  private final int pcaComponents;
  private final int varianceComponents;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public NctiEstimator(EstimatorParameters parameters) {
    super(NAME, Baseline.FEATURES_AND_LABELS, parameters);
    this.pcaComponents = parameters.get(PCA_COMPONENTS);
    this.varianceComponents = parameters.get(VARIANCE_COMPONENTS);
  }

  @Override
  ModelComponents computeComponents(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int[] y = labels.classIndices();
    int c = labels.classCount();
    int n = f.rows();
    List<String> warnings = new ArrayList<>();
    int k = Math.min(pcaComponents, Math.min(f.rows(), f.cols()));
    Pca pca = Pca.fit(f, k, backend);
    warnings.addAll(pca.warnings());
    if (k < pcaComponents) {
      warnings.add("only " + pca.rank() + " PCA components exist (min(N, D)), fewer than "
          + pcaComponents + "; all are kept (the reference raises an error here)");
    }
    Matrix x = pca.scores(k, backend);
    double[] variance = pca.explainedVariance();
    double top = 0;
    for (int j = 0; j < Math.min(varianceComponents, variance.length); j++) {
      top += variance[j];
    }
    double shrinkage = Math.max(Math.exp(-top), 1e-10);
    boolean svd = shrinkage == 1e-10;
    LinearDiscriminant lda = svd ? LinearDiscriminant.svd(x, y, c, 1e-4, backend)
        : LinearDiscriminant.eigen(x, y, c, shrinkage, backend);
    warnings.addAll(lda.warnings());
    Matrix low = lda.transform(x, Math.min(c - 1, k), backend);
    double seli = nuclearNorm(centred(low), backend);
    Matrix p = lda.probabilities(x, backend);
    double ncc = 0;
    for (int i = 0; i < n; i++) {
      ncc += p.get(i, y[i]);
    }
    ncc /= n;
    double classNuclear = 0;
    int[] counts = labels.counts();
    for (int cl = 0; cl < c; cl++) {
      Matrix block = Matrix.zeros(counts[cl], c);
      int r = 0;
      for (int i = 0; i < n; i++) {
        if (y[i] == cl) {
          System.arraycopy(p.data(), i * c, block.data(), r * c, c);
          r++;
        }
      }
      classNuclear += nuclearNorm(block, backend);
    }
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(SELI, seli);
    values.put(NCC, ncc);
    values.put(VC, Math.log(classNuclear));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("pca_components", k);
    details.put("explained_variance_top", top);
    details.put("shrinkage", shrinkage);
    details.put("lda_solver", svd ? "svd" : "eigen");
    return new ModelComponents(NAME, values, warnings, details);
  }

  @Override
  double score(Map<String, Double> normalised) {
    return normalised.get(NCC) + normalised.get(SELI) - normalised.get(VC);
  }

  private static Matrix centred(Matrix m) {
    return org.logme.numerics.stats.Covariance.centred(m);
  }

  /** The sum of the singular values. */
  static double nuclearNorm(Matrix m, LinearAlgebraBackend backend) {
    ThinSvd svd = backend.thinSvd(m);
    double sum = 0;
    for (double s : svd.singularValues()) {
      sum += s;
    }
    return sum;
  }
}
