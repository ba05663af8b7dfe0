package org.logme.baselines;

import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.stats.ClassMeans;

/**
 * SFDA, Self-challenging Fisher Discriminant Analysis (Shao, Zhao, Ge, Wang, Wang, Li &amp; Xia,
 * "Not All Models Are Equal: Predicting Model Transferability in a Self-challenging Fisher
 * Space", ECCV 2022), as TencentARC/SFDA {@code metrics.py::SFDA_Score} (commit 3b7edf76, with
 * {@code iterative_A} from {@code utils.py}) computes it with its defaults: a regularised LDA
 * classifier fitted twice, the second time on features mixed toward the other classes.
 * <ol>
 *   <li>π_c = n_c/N; S_w = Σ_c π_c·Cov₀(F_c) = (F − G)ᵀ(F − G)/N (G the class means per row).</li>
 *   <li>λ = {@code iterative_A(S_w, 3)}: x = S_w·1; three times y = S_w x/‖S_w x‖,
 *       x = S_w y/‖S_w y‖; λ = xᵀS_w y. Shrinkage s = max(exp(−5λ), 1e-10) (first pass only).</li>
 *   <li>W = (1 − s)·S_w + s·(tr S_w / D)·I; coef_c = W⁻¹μ_c (a linear solve);
 *       b_c = −½·μ_cᵀW⁻¹μ_c + log π_c; P = softmax(F·coefᵀ + b) by rows.</li>
 *   <li>Q = softmax(P) by rows; qᵢ = Q[i, yᵢ]; m̄_c = (Σ_k μ_k − μ_c)/(C − 1);
 *       xᵢ ← qᵢ·xᵢ + (1 − qᵢ)·m̄_{yᵢ}.</li>
 *   <li>The same LDA on the mixed features with the same s (π, μ, S_w, W recomputed) gives P′;
 *       SFDA = (1/N)·Σᵢ P′[i, yᵢ].</li>
 * </ol>
 * The reference also solves a generalised eigenproblem of the between scatter; its classifier
 * only uses V Vᵀ = W⁻¹ from it, so the solve above gives the same predictions.
 *
 * <ul>
 *   <li>Inputs: features and labels (at least two classes). Hyper-parameters: none.</li>
 *   <li>Direction: higher is better; SFDA ∈ [0, 1] (a mean probability, no log). Invariant to
 *       translations of the features and to relabelling.</li>
 *   <li>When N &lt; D, λ is large, s falls to 1e-10 and the probabilities saturate: the score is
 *       1.0 for most such inputs, as in the reference.</li>
 *   <li>Cost: two D×D scatter matrices, O(N·D²), and two D×D solves with C right-hand sides,
 *       O(D³); O(D² + N·D) memory.</li>
 *   <li>Differences from the reference: none in value. The reference overwrites its feature
 *       argument in place and prints the shrinkage; this implementation does neither and
 *       reports s in the details as {@code shrinkage}.</li>
 * </ul>
 *
 * @since 0.1
 */
public final class SfdaEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "sfda";

  /** Creates the estimator (it has no hyper-parameters). */
  public SfdaEstimator() {
    super(NAME, FEATURES_AND_LABELS);
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int[] y = labels.classIndices();
    int c = labels.classCount();
    int n = f.rows();
    int d = f.cols();
    ClassMeans first = ClassMeans.of(f, y, c);
    Matrix sw = withinScatter(f, y, first, backend);
    double lambda = iterativeLargestEigenvalue(sw, 3, backend);
    double shrinkage = Math.max(Math.exp(-5 * lambda), 1e-10);
    Matrix p = predict(f, first, sw, shrinkage, backend);
    // soften, then mix each sample toward the mean of the other classes' means
    double[] m = first.means().data();
    double[] total = new double[d];
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) {
        total[j] += m[k * d + j];
      }
    }
    double[] pd = p.data();
    double[] mixed = new double[n * d];
    double[] fd = f.data();
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, pd[i * c + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        sum += Math.exp(pd[i * c + k] - max);
      }
      double q = Math.exp(pd[i * c + y[i]] - max) / sum;
      for (int j = 0; j < d; j++) {
        double outer = (total[j] - m[y[i] * d + j]) / (c - 1);
        mixed[i * d + j] = q * fd[i * d + j] + (1 - q) * outer;
      }
    }
    Matrix mixedFeatures = Matrix.wrap(n, d, mixed);
    ClassMeans second = ClassMeans.of(mixedFeatures, y, c);
    Matrix p2 = predict(mixedFeatures, second, withinScatter(mixedFeatures, y, second, backend),
        shrinkage, backend);
    double score = 0;
    double[] p2d = p2.data();
    for (int i = 0; i < n; i++) {
      score += p2d[i * c + y[i]];
    }
    return EstimateResult.builder(NAME, score / n)
        .detail("shrinkage", shrinkage)
        .detail("largest_within_eigenvalue_estimate", lambda);
  }

  /** S_w = (F − G)ᵀ(F − G)/N, the prior-weighted population covariance within classes. */
  private static Matrix withinScatter(Matrix f, int[] y, ClassMeans means,
      LinearAlgebraBackend backend) {
    int n = f.rows();
    int d = f.cols();
    double[] fd = f.data();
    double[] m = means.means().data();
    double[] r = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        r[i * d + j] = fd[i * d + j] - m[y[i] * d + j];
      }
    }
    Matrix sw = backend.gram(Matrix.wrap(n, d, r));
    double[] s = sw.data();
    for (int i = 0; i < s.length; i++) {
      s[i] /= n;
    }
    return sw;
  }

  /** TencentARC/SFDA {@code utils.iterative_A}: a few unnormalised power steps. */
  private static double iterativeLargestEigenvalue(Matrix a, int iterations,
      LinearAlgebraBackend backend) {
    int d = a.rows();
    double[] rowSums = new double[d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        rowSums[i] += a.get(i, j);
      }
    }
    Matrix x = Matrix.column(rowSums);
    Matrix y = x;
    for (int it = 0; it < iterations; it++) {
      y = normalized(backend.multiply(a, x));
      x = normalized(backend.multiply(a, y));
    }
    return backend.multiplyTransposeA(x, backend.multiply(a, y)).get(0, 0);
  }

  private static Matrix normalized(Matrix v) {
    double norm = 0;
    for (double e : v.data()) {
      norm += e * e;
    }
    norm = Math.sqrt(norm);
    double[] out = v.data().clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= norm;
    }
    return Matrix.wrap(v.rows(), v.cols(), out);
  }

  /** The shrunk-LDA class probabilities, softmax(F·W⁻¹μᵀ + b), N×C. */
  private static Matrix predict(Matrix f, ClassMeans means, Matrix sw, double shrinkage,
      LinearAlgebraBackend backend) {
    int d = f.cols();
    int n = f.rows();
    int c = means.classCount();
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += sw.get(j, j);
    }
    double[] w = sw.data().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] *= 1 - shrinkage;
    }
    for (int j = 0; j < d; j++) {
      w[j * d + j] += shrinkage * trace / d;
    }
    Matrix mu = means.means();
    Matrix coefT = backend.solve(Matrix.wrap(d, d, w), mu.transpose()); // D×C, column c = W⁻¹μ_c
    double[] cd = coefT.data();
    double[] md = mu.data();
    double[] bias = new double[c];
    for (int k = 0; k < c; k++) {
      double quad = 0;
      for (int j = 0; j < d; j++) {
        quad += md[k * d + j] * cd[j * c + k];
      }
      bias[k] = -0.5 * quad + Math.log(means.counts()[k] / (double) n);
    }
    Matrix logits = backend.multiply(f, coefT);
    double[] z = logits.data();
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        z[i * c + k] += bias[k];
        max = Math.max(max, z[i * c + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        z[i * c + k] = Math.exp(z[i * c + k] - max);
        sum += z[i * c + k];
      }
      for (int k = 0; k < c; k++) {
        z[i * c + k] /= sum;
      }
    }
    return logits;
  }
}
