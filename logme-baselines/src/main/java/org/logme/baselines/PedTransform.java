package org.logme.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.transform.FeatureTransform;
import org.logme.api.transform.Transformed;

/**
 * PED, Potential Energy Descent (Li, Wang, Dai, Zeng &amp; Li, "Exploring Model
 * Transferability through the Lens of Potential Energy", ICCV 2023), as lixiaotong97/PED
 * {@code metrics.py::One_Step_PED} and {@code PED_Score} compute it (commit e5af6e79, defaults
 * of {@code evaluate_metric_cpu.py}): a feature transform that simulates the fine-tuning
 * dynamics by pushing overlapping classes apart, after which an ordinary estimator scores the
 * moved features ({@code ped+logme}, {@code ped+sfda}). The repository has no licence: this is
 * implemented from the formulas, no code was copied.
 *
 * <p>One step, on the current features X with m and s the per-column mean and
 * max(std₀, 10⁻³) of the reference features G:
 * <ol>
 *   <li>Z = (X − m)/s; per class μ_c = mean(Z_c), R_c = √(Σ_d Var₀(Z_c)_d).</li>
 *   <li>For each pair of classes i &gt; j: δ = μ_i − μ_j, d = ‖δ‖, u = δ/d; the overlap
 *       O = max(nσ·(R_i + R_j) − d, 0) and the move m_ij = min(½·t²·κ·O, O); class i moves by
 *       +u·m_ij and class j by −u·m_ij (repulsion).</li>
 *   <li>Every sample of class c moves by the sum Δ_c of its class's moves: Z' = Z + Δ_y;
 *       X' = Z'·s + m; the step's change is Σ_cd |Δ_cd|.</li>
 * </ol>
 * At most {@code max_steps} (6) steps: a step is accepted while its change over the first
 * step's change exceeds {@code exit_ratio} (0.5); otherwise the loop ends. A first step without
 * any overlap changes nothing (the reference's ratio is then 0/0 and no step is accepted).
 *
 * <ul>
 *   <li>Inputs: features and labels. Hyper-parameters: {@code n_sigma} (nσ, 0.6; the README's
 *       other candidate is 0.3, {@code PED_Score}'s own default 2.0), {@code time_step} (t,
 *       0.1), {@code constant} (κ, 1), {@code exit_ratio} (0.5), {@code max_steps} (6).</li>
 *   <li>Direction and set-dependence: those of the composed estimator.</li>
 *   <li>Cost: O(C²·D + N·D) per step, negligible next to the estimator.</li>
 *   <li><b>Reference features.</b> The reference standardises with G = the same model's
 *       features on ImageNet-val, which a target task does not come with; here G is the
 *       target features themselves (the fixtures were computed the same way). Standardising
 *       with a model's own target features makes the transform invariant to an affine
 *       rescaling of each feature column.</li>
 *   <li>Differences from the reference: two classes with identical means (d = 0) have no
 *       direction to repel along; the reference divides by zero (NaN features), here the pair
 *       exerts no force and a warning says so. The reference prints per-step diagnostics; they
 *       are in the details here ({@code ped.steps}, {@code ped.change_ratios}).</li>
 * </ul>
 *
 * @since 0.2
 */
public final class PedTransform implements FeatureTransform {
  /** The name the transform is composed by. */
  public static final String NAME = "ped";

  /** nσ: how many class radii count as overlap. */
  public static final Parameter<Double> N_SIGMA = Parameter.positive("n_sigma", 0.6,
      "radii multiple nsigma below which two classes overlap (the README also suggests 0.3)");
  /** t, the simulation's time step. */
  public static final Parameter<Double> TIME_STEP = Parameter.positive("time_step", 0.1,
      "time step t of the simulated motion (move = t^2/2 * constant * overlap)");
  /** κ, the force constant. */
  public static final Parameter<Double> CONSTANT = Parameter.positive("constant", 1.0,
      "force constant kappa");
  /** The ratio of a step's change to the first step's below which the descent stops. */
  public static final Parameter<Double> EXIT_RATIO = Parameter.openUnit("exit_ratio", 0.5,
      "stop when a step changes less than this share of the first step's change");
  /** The most steps. */
  public static final Parameter<Integer> MAX_STEPS = Parameter.positiveInt("max_steps", 6,
      "the most descent steps (the reference: 6)");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(N_SIGMA, TIME_STEP, CONSTANT,
      EXIT_RATIO, MAX_STEPS);

  /** The floor of the standard deviations the features are divided by. */
  static final double STD_FLOOR = 1e-3;

  private final EstimatorParameters parameters;
  private final double nSigma;
  private final double timeStep;
  private final double constant;
  private final double exitRatio;
  private final int maxSteps;

  /**
   * @param parameters values of {@link #PARAMETERS}
   */
  public PedTransform(EstimatorParameters parameters) {
    this.parameters = parameters;
    this.nSigma = parameters.get(N_SIGMA);
    this.timeStep = parameters.get(TIME_STEP);
    this.constant = parameters.get(CONSTANT);
    this.exitRatio = parameters.get(EXIT_RATIO);
    this.maxSteps = parameters.get(MAX_STEPS);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<InputKind> requiredInputs() {
    return Set.of(InputKind.FEATURES, InputKind.LABELS);
  }

  @Override
  public EstimatorParameters parameters() {
    return parameters;
  }

  @Override
  public Transformed apply(EstimationInput input, LinearAlgebraBackend backend) {
    Features features = input.features().orElseThrow();
    Labels labels = input.labels().orElseThrow();
    Matrix g = features.matrix();
    int n = g.rows();
    int d = g.cols();
    double[] mean = new double[d];
    double[] scale = new double[d];
    double[] gd = g.data();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += gd[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double e = gd[i * d + j] - mean[j];
        scale[j] += e * e;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = Math.max(Math.sqrt(scale[j] / n), STD_FLOOR);
    }
    List<String> warnings = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    double[] x = gd.clone();
    double firstChange = 0;
    int accepted = 0;
    for (int step = 0; step < maxSteps; step++) {
      double[] next = x.clone();
      double change = step(next, labels, mean, scale, warnings);
      if (step == 0) {
        firstChange = change;
      }
      double ratio = change / firstChange;
      if (!(ratio > exitRatio)) {
        break; // 0/0 on the first step is NaN: no step is accepted
      }
      ratios.add(ratio);
      x = next;
      accepted++;
    }
    double moved = 0;
    for (int i = 0; i < x.length; i++) {
      moved += (x[i] - gd[i]) * (x[i] - gd[i]);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("steps", accepted);
    details.put("change_ratios", ratios);
    details.put("frobenius_change", Math.sqrt(moved));
    details.put("reference_features", "the target features (the reference uses ImageNet-val"
        + " features of the same model)");
    return new Transformed(new Features(Matrix.wrap(n, d, x), features.origin() + " (ped)"),
        warnings.stream().distinct().toList(), details);
  }

  /** One step on x in place; returns Σ|Δ| in standardised units. */
  private double step(double[] x, Labels labels, double[] mean, double[] scale,
      List<String> warnings) {
    int d = mean.length;
    int n = x.length / d;
    int c = labels.classCount();
    int[] counts = labels.counts();
    double[] mu = new double[c * d];
    double[] z = new double[x.length];
    for (int i = 0; i < n; i++) {
      int y = labels.classIndex(i);
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (x[i * d + j] - mean[j]) / scale[j];
        mu[y * d + j] += z[i * d + j];
      }
    }
    for (int k = 0; k < c; k++) {
      for (int j = 0; j < d; j++) {
        mu[k * d + j] /= counts[k];
      }
    }
    double[] radius = new double[c];
    for (int i = 0; i < n; i++) {
      int y = labels.classIndex(i);
      for (int j = 0; j < d; j++) {
        double e = z[i * d + j] - mu[y * d + j];
        radius[y] += e * e;
      }
    }
    for (int k = 0; k < c; k++) {
      radius[k] = Math.sqrt(radius[k] / counts[k]);
    }
    double[] delta = new double[c * d];
    for (int i = 1; i < c; i++) {
      for (int j = 0; j < i; j++) {
        double dist = 0;
        for (int t = 0; t < d; t++) {
          double e = mu[i * d + t] - mu[j * d + t];
          dist += e * e;
        }
        dist = Math.sqrt(dist);
        double overlap = Math.max(nSigma * radius[i] + nSigma * radius[j] - dist, 0);
        double move = Math.min(0.5 * timeStep * timeStep * constant * overlap, overlap);
        if (move == 0) {
          continue;
        }
        if (dist == 0) {
          warnings.add("classes " + labels.classId(j) + " and " + labels.classId(i) + " have"
              + " the same mean, so they cannot be pushed apart (the reference divides by"
              + " zero); this pair exerts no force");
          continue;
        }
        for (int t = 0; t < d; t++) {
          double u = (mu[i * d + t] - mu[j * d + t]) / dist;
          delta[i * d + t] += u * move;
          delta[j * d + t] -= u * move;
        }
      }
    }
    double change = 0;
    for (double v : delta) {
      change += Math.abs(v);
    }
    for (int i = 0; i < n; i++) {
      int y = labels.classIndex(i);
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (z[i * d + j] + delta[y * d + j]) * scale[j] + mean[j];
      }
    }
    return change;
  }
}
