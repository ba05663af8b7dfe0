package org.logme.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.ThinSvd;

/**
 * EMMS, Efficient Multi-task Model Selector (Meng, Shao, Wang, Ge, Li, Luo &amp; Qiao,
 * "Foundation Model is Efficient Multimodal Multitask Model Selector", NeurIPS 2023), as
 * OpenGVLab/Multitask-Model-Selector {@code metrics.py::EMMS} computes it for classification
 * (commit 24d10081). The repository has no licence: this is implemented from the formulas, no
 * code was copied.
 *
 * <p>The labels are replaced by embeddings of the class names from K text encoders (the
 * reference: CLIP, BERT and GPT-2 text features, 1024-d): Y_k = the N×E matrix whose row i is
 * encoder k's embedding of the class of sample i. With every column of the features Z and of
 * each Y_k standardised as (v − mean)/(std₀ + 1e-8):
 * <ol>
 *   <li>T = (1/K)·Σ_k Y_k; W = the minimum-norm least-squares solution of ZW = T (numpy's
 *       {@code lstsq}, singular values below ε·max(N, D)·σ_max dropped), so ZW is the
 *       projection of T onto the column space of Z;</li>
 *   <li>λ̂ = the least-squares weights of ZW on the K flattened Y_k; λ = sparsemax(λ̂), the
 *       Euclidean projection onto the probability simplex; T = Σ_k λ_k Y_k;</li>
 *   <li>EMMS = −‖ZW − T‖²_F / N · E, W not refitted to the new T.</li>
 * </ol>
 * The reference runs this one half-step of the paper's alternating minimisation; so does this
 * implementation. Its residual is multiplied by E where a mean would divide by it (operator
 * precedence in {@code / N*D2}); kept, as it scales every model's score alike.
 *
 * <ul>
 *   <li>Inputs: features, labels and label embeddings (row r of each encoder's C×E matrix
 *       embeds class id r; see {@link LabelEmbeddings}). Hyper-parameters: none.</li>
 *   <li>Direction: higher is better (a negated residual, ≤ 0). With N ≤ D the standardised
 *       features usually have rank N − 1, which fits every standardised target exactly: the
 *       score is then 0 up to rounding (about 1e-28) for every such model, with a warning.</li>
 *   <li>Cost: the thin SVD of the standardised features, O(N·D·min(N, D)); the projection and
 *       residual, O(N·r·E) for rank r; memory O(N·r + C·E·K): the N×E targets are never
 *       formed, since each row depends on the class alone.</li>
 *   <li>Differences from the reference: none in value. The reference standardises its label
 *       tensor in place and forms the N×E×K targets.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class EmmsEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "emms";

  /** The reference's guard in the standardisation. */
  static final double STD_EPS = 1e-8;

  /** Creates the estimator (it has no hyper-parameters). */
  public EmmsEstimator() {
    super(NAME, List.of(Set.of(InputKind.FEATURES, InputKind.LABELS,
        InputKind.LABEL_EMBEDDINGS)));
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    LabelEmbeddings embeddings = input.labelEmbeddings().orElseThrow();
    int n = f.rows();
    int d = f.cols();
    int c = labels.classCount();
    int e = embeddings.dimension();
    int k = embeddings.encoderCount();
    int[] y = labels.classIndices();
    int[] counts = labels.counts();
    // each encoder's standardised class rows: what row i of the standardised Y_k is, by class
    double[][] classRows = new double[k][];
    for (int enc = 0; enc < k; enc++) {
      classRows[enc] = standardisedClassRows(embeddings.encoder(enc), labels, counts, n);
    }
    double[] target = new double[c * e];
    for (int enc = 0; enc < k; enc++) {
      for (int j = 0; j < c * e; j++) {
        target[j] += classRows[enc][j] / k;
      }
    }
    Matrix z = standardised(f);
    ThinSvd svd = backend.thinSvd(z);
    double[] s = svd.singularValues();
    double cutoff = Math.ulp(1.0) * Math.max(n, d) * (s.length == 0 ? 0 : s[0]);
    int rank = 0;
    while (rank < s.length && s[rank] > cutoff) {
      rank++;
    }
    Matrix u = svd.u().columns(0, Math.max(rank, 1));
    int r = u.cols();
    if (rank == 0) {
      java.util.Arrays.fill(u.data(), 0);
    }
    // M = U_rᵀ T = Σ_c (Σ_{i in c} U_r[i])ᵀ T_c, r×E
    double[] classSums = new double[c * r];
    double[] ud = u.data();
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < r; t++) {
        classSums[y[i] * r + t] += ud[i * r + t];
      }
    }
    double[] m = new double[r * e];
    for (int cl = 0; cl < c; cl++) {
      for (int t = 0; t < r; t++) {
        double w = classSums[cl * r + t];
        for (int j = 0; j < e; j++) {
          m[t * e + j] += w * target[cl * e + j];
        }
      }
    }
    // the regression of ZW = U_r M on the flattened Y_k: Gram aᵀa and aᵀb, by class
    Matrix gram = Matrix.zeros(k, k);
    double[] rhs = new double[k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = 0;
        for (int cl = 0; cl < c; cl++) {
          double dot = 0;
          for (int j = 0; j < e; j++) {
            dot += classRows[a][cl * e + j] * classRows[b][cl * e + j];
          }
          sum += counts[cl] * dot;
        }
        gram.set(a, b, sum);
        gram.set(b, a, sum);
      }
      double sum = 0;
      for (int cl = 0; cl < c; cl++) {
        for (int t = 0; t < r; t++) {
          double w = classSums[cl * r + t];
          double dot = 0;
          for (int j = 0; j < e; j++) {
            dot += m[t * e + j] * classRows[a][cl * e + j];
          }
          sum += w * dot;
        }
      }
      rhs[a] = sum;
    }
    // minimum-norm solution; the Gram's numerical rank cut at ε·max(N·E, K)·σ_max
    Matrix pinv = backend.pseudoInverse(gram, Math.ulp(1.0) * Math.max((double) n * e, k));
    double[] unprojected = backend.multiply(pinv, Matrix.column(rhs)).data();
    double[] lambda = sparsemax(unprojected);
    double[] mixed = new double[c * e];
    for (int enc = 0; enc < k; enc++) {
      for (int j = 0; j < c * e; j++) {
        mixed[j] += lambda[enc] * classRows[enc][j];
      }
    }
    // ‖U_r M − T‖², row by row
    double residual = 0;
    double[] row = new double[e];
    for (int i = 0; i < n; i++) {
      Arrays.fill(row, 0);
      for (int t = 0; t < r; t++) {
        double w = ud[i * r + t];
        if (w != 0) {
          for (int j = 0; j < e; j++) {
            row[j] += w * m[t * e + j];
          }
        }
      }
      int cl = y[i];
      for (int j = 0; j < e; j++) {
        double diff = row[j] - mixed[cl * e + j];
        residual += diff * diff;
      }
    }
    double score = -(residual / n * e);
    List<String> warnings = new ArrayList<>(svd.warnings());
    if (rank >= n - 1) {
      // centred columns span at most N − 1 dimensions, and every centred target lies there
      warnings.add("the standardised features have rank " + rank + " = N - 1, the most "
          + n + " centred samples allow: they fit any target exactly, so EMMS is 0 up to"
          + " rounding for this model (and for every model with N <= D); use more samples than"
          + " feature dimensions to compare such models");
    }
    return EstimateResult.builder(NAME, score)
        .warnings(warnings)
        .detail("lambda", lambda)
        .detail("lambda_unprojected", unprojected)
        .detail("encoders", embeddings.names())
        .detail("feature_rank", rank)
        .detail("embedding_dimension", e);
  }

  /**
   * The rows of the standardised Y = E[class of sample i], by class: (E_c − mean)/(std₀ +
   * 1e-8) with the mean and standard deviation over the N samples.
   */
  private static double[] standardisedClassRows(Matrix embedding, Labels labels, int[] counts,
      int n) {
    int c = labels.classCount();
    int e = embedding.cols();
    double[] rows = new double[c * e];
    for (int cl = 0; cl < c; cl++) {
      System.arraycopy(embedding.data(), (int) labels.classId(cl) * e, rows, cl * e, e);
    }
    for (int j = 0; j < e; j++) {
      double mean = 0;
      for (int cl = 0; cl < c; cl++) {
        mean += counts[cl] * rows[cl * e + j];
      }
      mean /= n;
      double var = 0;
      for (int cl = 0; cl < c; cl++) {
        double dev = rows[cl * e + j] - mean;
        var += counts[cl] * dev * dev;
      }
      double std = Math.sqrt(var / n);
      for (int cl = 0; cl < c; cl++) {
        rows[cl * e + j] = (rows[cl * e + j] - mean) / (std + STD_EPS);
      }
    }
    return rows;
  }

  /** Each column as (v − mean)/(std₀ + 1e-8). */
  private static Matrix standardised(Matrix f) {
    int n = f.rows();
    int d = f.cols();
    double[] fd = f.data();
    double[] out = new double[n * d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += fd[i * d + j];
      }
      mean /= n;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double dev = fd[i * d + j] - mean;
        var += dev * dev;
      }
      double std = Math.sqrt(var / n);
      for (int i = 0; i < n; i++) {
        out[i * d + j] = (fd[i * d + j] - mean) / (std + STD_EPS);
      }
    }
    return Matrix.wrap(n, d, out);
  }

  /**
   * The Euclidean projection onto the probability simplex (Martins &amp; Astudillo, ICML 2016):
   * with z sorted decreasingly, k = max{j : 1 + j·z_(j) &gt; Σ_{i≤j} z_(i)},
   * τ = (Σ_{i≤k} z_(i) − 1)/k, p = max(z − τ, 0).
   *
   * @param z the values
   * @return their sparsemax, non-negative, summing to 1
   */
  static double[] sparsemax(double[] z) {
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double cumulative = 0;
    double tauSum = 0;
    int support = 0;
    for (int j = 1; j <= n; j++) {
      double v = sorted[n - j];
      cumulative += v;
      if (1 + j * v > cumulative) {
        support = j;
        tauSum = cumulative;
      }
    }
    double tau = (tauSum - 1) / support;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.max(0, z[i] - tau);
    }
    return p;
  }
}
