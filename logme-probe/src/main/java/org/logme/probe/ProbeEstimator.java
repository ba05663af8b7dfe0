package org.logme.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.Parameter;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;

/**
 * Linear-probe accuracy as an estimator: the k-fold cross-validated accuracy of the logistic
 * regression probe {@link LinearProbe} trains (LIBLINEAR, scikit-learn's
 * {@code LogisticRegression(solver='liblinear')}) on the model's frozen features, on
 * {@link StratifiedFolds} seeded folds. It is the probe behind the ground truth of
 * {@code logme extract --probe}, run on whatever features are scored: a slow but strong
 * comparator, not a cheap estimate (it trains k classifiers per model).
 *
 * <ul>
 *   <li>Inputs: features and labels. Hyper-parameters: {@code c} (the inverse regularisation
 *       strength, 1), {@code folds} (k ≥ 3, 5), {@code seed} (of the folds, 0),
 *       {@code selection}: {@code fixed} (at {@code c}, default) or {@code nested} (C chosen
 *       per outer fold among 0.1, 1, 10 by inner cross-validation on the other folds, as
 *       {@code probe.csv}'s {@code cv} column).</li>
 *   <li>Direction: higher is better; a fraction in [0, 1].</li>
 *   <li>Cost: k LIBLINEAR fits (fixed) or 3k + 3·C(k, 2) (nested), each O(N·D) per Newton
 *       iteration; single-threaded per model (a zoo scores models in parallel).</li>
 *   <li>Reference: agrees exactly with scikit-learn's liblinear solver on the same folds
 *       ({@code SklearnParityTest}); the folds are this project's, recorded by
 *       {@code logme extract} as {@code folds.npy}.</li>
 * </ul>
 *
 * @since 0.2
 */
public final class ProbeEstimator implements TransferabilityEstimator {
  /** The name users select it by. */
  public static final String NAME = "probe";

  /** How C is chosen. */
  public enum Selection {
    /** At the given C. */
    FIXED,
    /** Per outer fold, by inner cross-validation over 0.1, 1 and 10. */
    NESTED;

    /** @return the name users write */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The inverse regularisation strength. */
  public static final Parameter<Double> C = Parameter.positive("c", 1.0,
      "inverse regularisation strength of the logistic regression (scikit-learn's C)");
  /** k of the k-fold cross-validation. */
  public static final Parameter<Integer> FOLDS = Parameter.positiveInt("folds", 5,
      "k of the stratified k-fold cross-validation (at least 3)");
  /** The seed of the folds. */
  public static final Parameter<Long> SEED = Parameter.seed("seed", 0,
      "seed of the stratified folds");
  /** How C is chosen. */
  public static final Parameter<Selection> SELECTION = Parameter.choice("selection",
      Selection.class, Selection.FIXED, Selection::id, "fixed: at c (default); nested: C chosen"
      + " among 0.1, 1, 10 per outer fold by inner cross-validation");
  /** Every parameter, in the order {@code logme list} shows them. */
  public static final List<Parameter<?>> PARAMETERS = List.of(C, FOLDS, SEED, SELECTION);

  private final EstimatorParameters parameters;
  private final ProbeSettings settings;
  private final double c;
  private final Selection selection;

  /**
   * @param parameters values of {@link #PARAMETERS}
   * @throws InvalidParameterException if fewer than 3 folds are asked for
   */
  public ProbeEstimator(EstimatorParameters parameters) {
    this.parameters = parameters;
    int folds = parameters.get(FOLDS);
    if (folds < 3) {
      throw new InvalidParameterException("estimator '" + NAME + "': parameter 'folds' must be"
          + " at least 3, not " + folds);
    }
    this.c = parameters.get(C);
    this.selection = parameters.get(SELECTION);
    this.settings = ProbeSettings.defaults().withFolds(folds, parameters.get(SEED));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Set<InputKind>> acceptedInputs() {
    return List.of(Set.of(InputKind.FEATURES, InputKind.LABELS));
  }

  @Override
  public EstimatorParameters parameters() {
    return parameters;
  }

  @Override
  public EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
    requireInputs(input);
    Matrix f = input.features().orElseThrow().matrix();
    Labels labels = input.labels().orElseThrow();
    int[] y = labels.classIndices();
    if (y.length < settings.folds()) {
      throw new org.logme.api.InvalidInputException("estimator '" + NAME + "': " + y.length
          + " samples cannot fill " + settings.folds() + " folds; lower --param probe.folds");
    }
    double[][] rows = new double[f.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = f.row(i);
    }
    int[] folds = StratifiedFolds.assign(y, settings.folds(), settings.seed());
    List<String> names = new ArrayList<>();
    for (long id : labels.classIds()) {
      names.add(Long.toString(id));
    }
    List<String> warnings = StratifiedFolds.warnings(y, settings.folds(), names);
    LinearProbe probe = new LinearProbe(settings, 1);
    EstimateResult.Builder result;
    if (selection == Selection.FIXED) {
      result = EstimateResult.builder(NAME, probe.crossValidated(rows, y, folds, c));
    } else {
      ProbeAccuracy accuracy = probe.evaluate(rows, y, folds);
      result = EstimateResult.builder(NAME, accuracy.nested())
          .detail("chosen_c", accuracy.chosen());
    }
    return result.parameters(parameters).warnings(warnings)
        .detail("folds", settings.folds())
        .detail("probe", settings.describe())
        .build();
  }
}
