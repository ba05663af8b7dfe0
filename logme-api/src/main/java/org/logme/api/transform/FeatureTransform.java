package org.logme.api.transform;

import java.util.Set;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.InputKind;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Rewrites a model's features before an estimator scores them; composed with an estimator by
 * {@link Compositions}. Implementations are immutable and thread-safe, do no I/O, and never
 * modify their input.
 *
 * @since 0.2
 */
public interface FeatureTransform {

  /** @return the transform's name, as its provider declares it */
  String name();

  /**
   * @return the inputs the transform reads, {@link InputKind#FEATURES} always among them (PED
   *     also needs the labels)
   */
  Set<InputKind> requiredInputs();

  /** @return the hyper-parameters this instance was configured with */
  EstimatorParameters parameters();

  /**
   * @param input the data; holds every kind in {@link #requiredInputs()}, features in memory
   * @param backend the linear algebra to use
   * @return the new features (same number of rows) and diagnostics
   * @throws org.logme.api.InvalidInputException if the input is unsuitable for the transform
   * @throws org.logme.api.NumericalException if the transform cannot be computed
   */
  Transformed apply(EstimationInput input, LinearAlgebraBackend backend);
}
