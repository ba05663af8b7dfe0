package org.logme.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.logme.api.InvalidInputException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.numerics.optim.Lbfgs;
import org.logme.numerics.stats.Covariance;
import org.logme.numerics.stats.GaussianMixture;
import org.logme.numerics.stats.NumpyRandomState;
import org.logme.numerics.stats.Pca;
import org.logme.numerics.stats.SpecialFunctions;

/**
 * PACTran (Ding, Chen, Fulkerson, Pele &amp; Yin, "PACTran: PAC-Bayesian Metrics for
 * Estimating the Transferability of Pretrained Models to Classification Tasks", ECCV 2022):
 * the optimal PAC-Bayesian bound on the risk of a classifier trained on top of the frozen
 * model, in three instantiations, as google-research/pactran_metrics
 * {@code compute_metrics.py} (commit a5e49972, Apache-2.0) computes them. Notation: N samples,
 * C classes (one-hot Y), y_i the class of sample i, n_c = #{i : y_i = c}.
 *
 * <p><b>Dirichlet</b> ({@code calculate_pac_dir}) and <b>Gamma</b>
 * ({@code calculate_pac_gamma}) score a matrix S [N, K] of probabilities over K "source"
 * classes: the source model's softmax ({@code --source-probs}; {@code pac_dir}), or, from the
 * features alone, the posteriors of a Gaussian mixture ({@code pac_ndir}): PCA keeping 80 % of
 * the variance, then max(min(C, ⌊0.2N⌋), ⌊0.1N⌋) full-covariance components fitted by EM with
 * scikit-learn's defaults ({@link GaussianMixture}). With a0_c = α·n_c/N + 1e-10, ls = ln(S +
 * 1e-10) and q ← S, ten times (no convergence test): aw = a0 + Yᵀq [C, K]; logits_ik = ls_ik +
 * ψ(aw_{y_i k}) − ψ(Σ_c aw_ck) (Dirichlet) or ls_ik + ψ(aw_{y_i k}) (Gamma, β = 1); q = softmax
 * of the logits by rows. Then, with aw and lw_i = Σ_k S_ik Σ_c aw_ck from the ninth q, and q
 * from the tenth (the reference's order):
 * <pre>
 *   Dirichlet = −[Σ_k (ln c0 − ln c_k) − Σ_ik q_ik (ln q_ik − ls_ik)] / (N·C),
 *       ln c0 = lnΓ(Σ_c a0_c) − Σ_c lnΓ(a0_c), ln c_k = lnΓ(Σ_c aw_ck) − Σ_c lnΓ(aw_ck)
 *   Gamma = 1 + [Σ_ck (lnΓ(a0_c) − lnΓ(aw_ck)) + Σ_i (Σ_k q_ik (ln q_ik − ls_ik) + ln lw_i − 1)] / (N·C)
 * </pre>
 *
 * <p><b>Gaussian</b> ({@code calculate_pac_gauss}, the paper's recommended metric) scores the
 * features F [N, D], centred: the MAP multinomial logistic regression θ = (W [D, C], b [C])
 * minimising
 * <pre>
 *   L(θ) = (1/N)·Σ_i [ln(1 + 1e-10) − log_softmax(F_i W + b)_{y_i}] + ‖W‖²/(2λN)
 * </pre>
 * (λ = {@code lda_factor}), then with p_ic the probabilities at the minimum,
 * σ⁻² = (Σ_dc [Σ_i F_id² p_ic(1 − p_ic) + 1/(λN)] + Σ_c Σ_i p_ic(1 − p_ic))·λN/(D·C) + 1e-10 and
 * <pre>
 *   PACTran-Gaussian = L(θ*) + C·s2_factor·ln σ⁻² / (2λN)
 * </pre>
 * The reference evaluates λ ∈ {10, 1, 0.1} with two s2_factor values each ({1000, 100},
 * {100, 10}, {10, 1}); the defaults here, λ = 1 and s2_factor = 100, are the first of the λ = 1
 * pair, the setting ETran (ICCV 2023) compares with. Any positive λ is accepted (the
 * reference fails on other values).
 *
 * <ul>
 *   <li>Inputs: {@code variant=gaussian} (default): features and labels; {@code dirichlet},
 *       {@code gamma}: source probabilities and labels, or features and labels (mixture
 *       posteriors). Hyper-parameters: {@code variant}, {@code alpha} (α, 1), {@code lda_factor}
 *       (λ, 1), {@code s2_factor} (100), {@code optimizer} (converged), {@code seed} (0).</li>
 *   <li>Direction: <b>lower is better</b> (a bound on the risk; the reference correlates it
 *       with the test error).</li>
 *   <li>Optimiser of the Gaussian variant. The reference starts at
 *       W₀ = 0.03·{@code numpy.random.normal(size=[D, C])} from numpy's global generator, b₀ = 0,
 *       and runs scipy's L-BFGS-B with {@code maxiter=100, tol=1e-6}, which stops early (after
 *       12–46 iterations on the fixtures, on the relative reduction of L falling below 1e-6),
 *       up to 6e-3 relative from the bound at the minimum. {@code optimizer=converged}
 *       (default) minimises L to convergence (memory 50, tolerances 1e-14: the bound the
 *       formula defines; L is strictly convex in W, so the value does not depend on the start);
 *       {@code optimizer=reference} reproduces the reference's run: the same start from
 *       {@link NumpyRandomState}{@code (seed)} (the reference's global generator, reseeded) and
 *       the same stopping rule in {@link Lbfgs}, which follows L-BFGS-B's unconstrained path.
 *       The default is the converged value because the early stop makes the reference's score
 *       depend on the random start and on the optimiser's tolerance by more than the gaps
 *       between close models.</li>
 *   <li>The mixture posteriors are stochastic: seeded by {@code seed} through
 *       {@link NumpyRandomState}, but not scikit-learn's draws, so they match the reference's
 *       range over seeds, not one value.</li>
 *   <li>Cost: Dirichlet/Gamma O(10·N·C·K) (plus the PCA and EM of the mixture, O(N·D²) and
 *       O(K·N·k²) per EM iteration); Gaussian O(N·D·C) per objective evaluation, a few dozen
 *       (reference) to a few hundred (converged) evaluations.</li>
 *   <li>Differences from the reference: none in formula. The reference centres its feature
 *       argument in place; this implementation does not modify its input.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class PacTranEstimator extends Baseline {
  /** The name users select it by. */
  public static final String NAME = "pactran";

  /** The three instantiations of the bound. */
  public enum Variant {
    /** PACTran-Dirichlet, on probabilities. */
    DIRICHLET,
    /** PACTran-Gamma, on probabilities. */
    GAMMA,
    /** PACTran-Gaussian, on features. */
    GAUSSIAN;

    /** @return the name users write */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How far the Gaussian variant's optimiser runs. */
  public enum Optimizer {
    /** To convergence: the bound at the minimum. */
    CONVERGED,
    /** As the reference: L-BFGS-B, maxiter 100, tol 1e-6, from a seeded random start. */
    REFERENCE;

    /** @return the name users write */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which instantiation. */
  public static final Parameter<Variant> VARIANT = Parameter.choice("variant", Variant.class,
      Variant.GAUSSIAN, Variant::id, "gaussian: on the features (default); dirichlet, gamma: on"
      + " source probabilities, or on Gaussian-mixture posteriors of the features");
  /** The Dirichlet/Gamma prior strength α. */
  public static final Parameter<Double> ALPHA = Parameter.positive("alpha", 1.0,
      "prior strength alpha of the dirichlet and gamma variants");
  /** λ of the Gaussian variant: the prior variance of W is λ·N. */
  public static final Parameter<Double> LDA_FACTOR = Parameter.positive("lda_factor", 1.0,
      "gaussian variant: prior variance factor lambda (the weights' prior variance is lambda*N)");
  /** s2_factor of the Gaussian variant. */
  public static final Parameter<Double> S2_FACTOR = Parameter.positive("s2_factor", 100.0,
      "gaussian variant: posterior variance factor (the reference pairs 100 or 10 with"
      + " lambda = 1)");
  /** How far the optimiser runs. */
  public static final Parameter<Optimizer> OPTIMIZER = Parameter.choice("optimizer",
      Optimizer.class, Optimizer.CONVERGED, Optimizer::id, "gaussian variant: converged"
      + " (default; the bound at the minimum) or reference (L-BFGS-B stopped as the reference"
      + " stops it, from its random start)");
  /** The seed of the random start and of the mixture. */
  public static final Parameter<Long> SEED = Parameter.seed("seed", 0, "seed of the gaussian"
      + " variant's random start and of the mixture behind dirichlet and gamma on features");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(VARIANT, ALPHA, LDA_FACTOR,
      S2_FACTOR, OPTIMIZER, SEED);

  /** The reference's iterations of the Dirichlet/Gamma fixed point. */
  static final int FIXED_POINT_ITERATIONS = 10;
  private static final double EPS = 1e-10;

  private final Variant variant;
  private final double alpha;
  private final double lambda;
  private final double s2Factor;
  private final Optimizer optimizer;
  private final long seed;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public PacTranEstimator(EstimatorParameters parameters) {
    super(NAME, accepted(parameters.get(VARIANT)), parameters);
    this.variant = parameters.get(VARIANT);
    this.alpha = parameters.get(ALPHA);
    this.lambda = parameters.get(LDA_FACTOR);
    this.s2Factor = parameters.get(S2_FACTOR);
    this.optimizer = parameters.get(OPTIMIZER);
    this.seed = parameters.get(SEED);
  }

  private static List<Set<InputKind>> accepted(Variant variant) {
    return variant == Variant.GAUSSIAN ? FEATURES_AND_LABELS
        : List.of(Set.of(InputKind.SOURCE_PROBABILITIES, InputKind.LABELS),
            Set.of(InputKind.FEATURES, InputKind.LABELS));
  }

  @Override
  public boolean higherIsBetter() {
    return false;
  }

  @Override
  EstimateResult.Builder compute(EstimationInput input, LinearAlgebraBackend backend) {
    Labels labels = input.labels().orElseThrow();
    if (variant == Variant.GAUSSIAN) {
      return gaussian(input.features().orElseThrow().matrix(), labels, backend);
    }
    List<String> warnings = new ArrayList<>();
    Matrix probabilities;
    String source;
    int gmmComponents = 0;
    int pcaKept = 0;
    if (input.sourceProbabilities().isPresent()) {
      probabilities = input.sourceProbabilities().get().matrix();
      source = "source probabilities";
    } else {
      Matrix f = input.features().orElseThrow().matrix();
      int n = f.rows();
      gmmComponents = Math.max(Math.min(labels.classCount(), (int) (0.2 * n)), (int) (0.1 * n));
      if (gmmComponents < 1) {
        throw new InvalidInputException(prefix() + "the mixture behind the " + variant.id()
            + " variant on features needs at least 10 samples, got " + n);
      }
      Pca pca = Pca.fit(f, backend);
      pcaKept = pca.componentsFor(0.8);
      Matrix x = pca.scores(pcaKept, backend);
      GaussianMixture gmm = GaussianMixture.fit(x, gmmComponents,
          GaussianMixture.Options.defaults(), new NumpyRandomState(seed), backend);
      probabilities = gmm.posteriors(x, backend);
      warnings.addAll(pca.warnings());
      if (!gmm.converged()) {
        warnings.add("the Gaussian mixture did not converge in " + gmm.iterations()
            + " EM iterations; the score may be less stable across seeds");
      }
      source = "gaussian mixture posteriors";
    }
    double score = variant == Variant.DIRICHLET ? dirichlet(probabilities, labels)
        : gamma(probabilities, labels);
    EstimateResult.Builder result = EstimateResult.builder(NAME, score).warnings(warnings)
        .detail("variant", variant.id())
        .detail("probabilities", source);
    if (gmmComponents > 0) {
      result.detail("gmm_components", gmmComponents).detail("pca_components_kept", pcaKept)
          .detail("seed", seed);
    }
    return result;
  }

  /** The ten fixed-point iterations shared by the Dirichlet and Gamma variants. */
  private static final class FixedPoint {
    final int n;
    final int k;
    final int c;
    final double[] a0;
    final double[] ls;
    double[] q;
    double[] logQ;
    double[] aw;

    FixedPoint(Matrix s, Labels labels, double alpha, boolean dirichlet) {
      n = s.rows();
      k = s.cols();
      c = labels.classCount();
      int[] counts = labels.counts();
      a0 = new double[c];
      for (int y = 0; y < c; y++) {
        a0[y] = alpha * counts[y] / (double) n + EPS;
      }
      double[] sd = s.data();
      ls = new double[n * k];
      for (int i = 0; i < ls.length; i++) {
        ls[i] = Math.log(sd[i] + EPS);
      }
      q = sd.clone();
      logQ = new double[n * k];
      int[] y = labels.classIndices();
      for (int it = 0; it < FIXED_POINT_ITERATIONS; it++) {
        aw = new double[c * k];
        for (int cl = 0; cl < c; cl++) {
          for (int z = 0; z < k; z++) {
            aw[cl * k + z] = a0[cl];
          }
        }
        // Yᵀq summed sample by sample (as the reference's einsum then sum over samples)
        double[] yq = new double[c * k];
        for (int i = 0; i < n; i++) {
          for (int z = 0; z < k; z++) {
            yq[y[i] * k + z] += q[i * k + z];
          }
        }
        for (int j = 0; j < aw.length; j++) {
          aw[j] += yq[j];
        }
        double[] psi = new double[c * k];
        for (int j = 0; j < psi.length; j++) {
          psi[j] = SpecialFunctions.digamma(aw[j]);
        }
        double[] psiTotal = new double[k];
        if (dirichlet) {
          for (int z = 0; z < k; z++) {
            double total = 0;
            for (int cl = 0; cl < c; cl++) {
              total += aw[cl * k + z];
            }
            psiTotal[z] = SpecialFunctions.digamma(total);
          }
        }
        double[] nextQ = new double[n * k];
        for (int i = 0; i < n; i++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int z = 0; z < k; z++) {
            double logit = ls[i * k + z] + psi[y[i] * k + z] - psiTotal[z];
            logQ[i * k + z] = logit;
            max = Math.max(max, logit);
          }
          double sum = 0;
          for (int z = 0; z < k; z++) {
            sum += Math.exp(logQ[i * k + z] - max);
          }
          double lse = Math.log(sum) + max;
          for (int z = 0; z < k; z++) {
            logQ[i * k + z] -= lse;
            nextQ[i * k + z] = Math.exp(logQ[i * k + z]);
          }
        }
        q = nextQ;
      }
    }

    /** Σ_ik q_ik (ln q_ik − ls_ik), per sample. */
    double[] divergence() {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        for (int z = 0; z < k; z++) {
          out[i] += q[i * k + z] * (logQ[i * k + z] - ls[i * k + z]);
        }
      }
      return out;
    }
  }

  /** {@code calculate_pac_dir}. */
  double dirichlet(Matrix s, Labels labels) {
    FixedPoint fp = new FixedPoint(s, labels, alpha, true);
    int c = fp.c;
    int k = fp.k;
    double a0Sum = 0;
    double a0LogGamma = 0;
    for (double a : fp.a0) {
      a0Sum += a;
      a0LogGamma += SpecialFunctions.logGamma(a);
    }
    double logC0 = SpecialFunctions.logGamma(a0Sum) - a0LogGamma;
    double total = 0;
    for (int z = 0; z < k; z++) {
      double awSum = 0;
      double awLogGamma = 0;
      for (int cl = 0; cl < c; cl++) {
        awSum += fp.aw[cl * k + z];
        awLogGamma += SpecialFunctions.logGamma(fp.aw[cl * k + z]);
      }
      double logC = SpecialFunctions.logGamma(awSum) - awLogGamma;
      double columnDivergence = 0;
      for (int i = 0; i < fp.n; i++) {
        columnDivergence += fp.q[i * k + z] * (fp.logQ[i * k + z] - fp.ls[i * k + z]);
      }
      total += logC0 - logC - columnDivergence;
    }
    return -total / ((double) fp.n * c);
  }

  /** {@code calculate_pac_gamma} (β = 1, so the ln β and ln bw terms vanish). */
  double gamma(Matrix s, Labels labels) {
    FixedPoint fp = new FixedPoint(s, labels, alpha, false);
    int c = fp.c;
    int k = fp.k;
    double priorTerm = 0;
    for (int cl = 0; cl < c; cl++) {
      double lg0 = SpecialFunctions.logGamma(fp.a0[cl]);
      for (int z = 0; z < k; z++) {
        priorTerm += lg0 - SpecialFunctions.logGamma(fp.aw[cl * k + z]);
      }
    }
    double[] awColumn = new double[k];
    for (int cl = 0; cl < c; cl++) {
      for (int z = 0; z < k; z++) {
        awColumn[z] += fp.aw[cl * k + z];
      }
    }
    double[] sd = s.data();
    double[] divergence = fp.divergence();
    double sampleTerm = 0;
    for (int i = 0; i < fp.n; i++) {
      double lw = 0;
      for (int z = 0; z < k; z++) {
        lw += sd[i * k + z] * awColumn[z];
      }
      sampleTerm += divergence[i] + Math.log(lw) - 1;
    }
    return (priorTerm + sampleTerm) / ((double) fp.n * c) + 1;
  }

  /** {@code calculate_pac_gauss} for one λ and s2_factor. */
  private EstimateResult.Builder gaussian(Matrix features, Labels labels,
      LinearAlgebraBackend backend) {
    GaussianBound bound = gaussianBound(features, labels, lambda, optimizer, seed, backend);
    double score = bound.optimum + 0.5 * bound.kd / bound.ldas2 * (s2Factor / bound.d)
        * Math.log(bound.sigma2Inverse);
    EstimateResult.Builder result = EstimateResult.builder(NAME, score)
        .iterations(new int[] {bound.iterations})
        .detail("variant", Variant.GAUSSIAN.id())
        .detail("pac_opt", bound.optimum)
        .detail("sigma2_inverse", bound.sigma2Inverse)
        .detail("optimizer", optimizer.id())
        .detail("lbfgs_iterations", bound.iterations)
        .detail("lbfgs_evaluations", bound.evaluations)
        .detail("lbfgs_stop", bound.stop.name().toLowerCase(Locale.ROOT));
    if (bound.stop == Lbfgs.Stop.MAX_ITERATIONS && optimizer == Optimizer.CONVERGED) {
      result.warning("the optimiser reached its iteration limit before converging; the bound"
          + " may be slightly too high");
    }
    return result;
  }

  /** The minimised objective and the curvature term of the Gaussian variant. */
  record GaussianBound(double optimum, double sigma2Inverse, double kd, double ldas2, int d,
      int iterations, int evaluations, Lbfgs.Stop stop) {
  }

  /**
   * @return L(θ*) and σ⁻² for the features and labels, optimised as {@code optimizer} says
   */
  static GaussianBound gaussianBound(Matrix features, Labels labels, double lambda,
      Optimizer optimizer, long seed, LinearAlgebraBackend backend) {
    Matrix f = Covariance.centred(features);
    int n = f.rows();
    int d = f.cols();
    int c = labels.classCount();
    int[] y = labels.classIndices();
    double ldas2 = lambda * n;
    double kd = (double) d * c;
    double logOnePlusEps = Math.log(1 + EPS);
    Lbfgs.Objective objective = (theta, gradient) -> {
      Matrix w = Matrix.wrap(d, c, java.util.Arrays.copyOfRange(theta, 0, d * c));
      Matrix logits = backend.multiply(f, w);
      double[] z = logits.data();
      double xent = 0;
      double[] residual = new double[n * c];
      for (int i = 0; i < n; i++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
          z[i * c + k] += theta[d * c + k];
          max = Math.max(max, z[i * c + k]);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
          sum += Math.exp(z[i * c + k] - max);
        }
        double lse = Math.log(sum) + max;
        xent += logOnePlusEps - (z[i * c + y[i]] - lse);
        for (int k = 0; k < c; k++) {
          residual[i * c + k] = (Math.exp(z[i * c + k] - max) / sum - (k == y[i] ? 1 : 0)) / n;
        }
      }
      double penalty = 0;
      for (int j = 0; j < d * c; j++) {
        penalty += theta[j] * theta[j];
      }
      Matrix gradW = backend.multiplyTransposeA(f, Matrix.wrap(n, c, residual));
      double[] gw = gradW.data();
      for (int j = 0; j < d * c; j++) {
        gradient[j] = gw[j] + theta[j] / ldas2;
      }
      for (int k = 0; k < c; k++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += residual[i * c + k];
        }
        gradient[d * c + k] = s;
      }
      return xent / n + 0.5 * penalty / ldas2;
    };
    double[] start = new double[(d + 1) * c];
    NumpyRandomState random = new NumpyRandomState(seed);
    for (int j = 0; j < d * c; j++) {
      start[j] = random.standardNormal() * 0.03;
    }
    Lbfgs.Options options = optimizer == Optimizer.REFERENCE ? Lbfgs.Options.scipy(1e-6, 100)
        : new Lbfgs.Options(50, 1e-14, 1e-14, 100_000, 1_000_000);
    Lbfgs.Result fit = Lbfgs.minimize(objective, start, options);
    double optimum = objective.evaluate(fit.x(), new double[start.length]);
    // Σ h: the diagonal second derivatives of the data term (not divided by N) and the prior
    double[] theta = fit.x();
    Matrix logits = backend.multiply(f, Matrix.wrap(d, c,
        java.util.Arrays.copyOfRange(theta, 0, d * c)));
    double[] z = logits.data();
    double[] fd = f.data();
    double sum = (double) d * c / ldas2;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        z[i * c + k] += theta[d * c + k];
        max = Math.max(max, z[i * c + k]);
      }
      double total = 0;
      for (int k = 0; k < c; k++) {
        total += Math.exp(z[i * c + k] - max);
      }
      double curvature = 0;
      for (int k = 0; k < c; k++) {
        double p = Math.exp(z[i * c + k] - max) / total;
        curvature += p - p * p;
      }
      double squares = 0;
      for (int j = 0; j < d; j++) {
        squares += fd[i * d + j] * fd[i * d + j];
      }
      sum += curvature * (squares + 1);
    }
    double sigma2Inverse = sum * ldas2 / kd + EPS;
    return new GaussianBound(optimum, sigma2Inverse, kd, ldas2, d, fit.iterations(),
        fit.evaluations(), fit.stop());
  }
}
