package org.logme.api.transform;

import java.util.List;
import org.logme.api.estimator.EstimatorParameters;
import org.logme.api.estimator.Parameter;

/**
 * Service-provider interface for a feature transform. Implementations are listed in
 * {@code META-INF/services/org.logme.api.transform.FeatureTransformProvider} and must have a
 * public no-argument constructor.
 *
 * @since 0.2
 */
public interface FeatureTransformProvider {

  /** @return the name the transform is composed by, for example {@code "ped"} */
  String name();

  /** @return one line: what the transform does and its source (paper) */
  String description();

  /** @return the hyper-parameters it accepts, with defaults and ranges; empty if none */
  default List<Parameter<?>> parameters() {
    return List.of();
  }

  /**
   * @return the estimators the transform's paper composes it with; these compositions are
   *     listed among the estimators ({@code ped+logme}), and any other estimator that takes
   *     features can be composed on request
   */
  default List<String> publishedWith() {
    return List.of();
  }

  /**
   * @param parameters values of {@link #parameters()}, resolved with
   *     {@link EstimatorParameters#resolve}
   * @return a configured transform
   */
  FeatureTransform create(EstimatorParameters parameters);
}
