package org.logme.api.estimator;

import java.util.List;

/**
 * Service-provider interface for a transferability estimator. Implementations are listed in
 * {@code META-INF/services/org.logme.api.estimator.EstimatorProvider} and must have a public
 * no-argument constructor.
 *
 * @since 0.1
 */
public interface EstimatorProvider {

  /** @return the name users select the estimator by, for example {@code "logme"} */
  String name();

  /** @return one line: what the estimator measures and its source (paper) */
  String description();

  /** @return the hyper-parameters it accepts, with defaults and ranges; empty if none */
  default List<Parameter<?>> parameters() {
    return List.of();
  }

  /**
   * @param parameters values of {@link #parameters()}, resolved with
   *     {@link EstimatorParameters#resolve}
   * @return a configured estimator
   */
  TransferabilityEstimator create(EstimatorParameters parameters);

  /**
   * Creates the estimator with default hyper-parameters.
   *
   * @return a configured estimator
   */
  default TransferabilityEstimator create() {
    return create(EstimatorParameters.defaults(name(), parameters()));
  }
}
