package org.logme;

import java.util.Set;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.transform.Compositions;
import org.logme.api.transform.FeatureTransformProvider;

/**
 * The front door for Java programs: which pre-trained model transfers best to your labelled
 * data, in a few lines. Estimators and backends are the plugins found on the class path (this
 * artifact brings LogME, the ten baselines and the {@code ejml}, {@code commons} and
 * {@code native} backends).
 *
 * <p>Example, scoring one model's features:
 * <pre>{@code
 *   double[][] features = ...;   // one row per labelled sample, from the model
 *   int[] labels = ...;          // the class of each sample
 *   double score = Logme.estimator("logme").score(features, labels);
 * }</pre>
 * Score each candidate model's features the same way and prefer the highest score (for every
 * estimator so far, higher is better; {@link Scorer#higherIsBetter()} says so). A
 * {@link Scorer} chooses the backend, threads and hyper-parameters:
 * <pre>{@code
 *   Scorer nleep = Logme.estimator("nleep").backend("native").parameter("seed", "3");
 *   EstimateResult result = nleep.estimate(Path.of("features.npy"), Path.of("labels.npy"));
 * }</pre>
 *
 * @since 0.1
 */
public final class Logme {
  /** The backend a {@link Scorer} starts with, as on the command line. */
  public static final String DEFAULT_BACKEND = "ejml";

  private Logme() {
  }

  /** Discovered once, on first use. */
  private static final class Plugins {
    /** The estimators and their compositions with feature transforms ({@code ped+logme}). */
    static final PluginRegistry<EstimatorProvider> ESTIMATORS = Compositions.registry(
        PluginRegistry.discover("estimator", EstimatorProvider.class, EstimatorProvider::name)
            .all(),
        PluginRegistry.discover("feature transform", FeatureTransformProvider.class,
            FeatureTransformProvider::name).all());
    static final PluginRegistry<LinearAlgebraBackendProvider> BACKENDS = PluginRegistry.discover(
        "backend", LinearAlgebraBackendProvider.class, LinearAlgebraBackendProvider::name);
  }

  /**
   * @param name an estimator's name, e.g. {@code logme}, {@code hscore}, {@code sfda}
   * @return a scorer with the default backend ({@value #DEFAULT_BACKEND}), every processor and
   *     the estimator's default hyper-parameters
   * @throws org.logme.api.UnknownPluginException if no estimator has that name (the message
   *     lists those that do)
   */
  public static Scorer estimator(String name) {
    return Scorer.create(Plugins.ESTIMATORS.get(name), Plugins.BACKENDS);
  }

  /** @return the names of the estimators on the class path, sorted */
  public static Set<String> estimators() {
    return Plugins.ESTIMATORS.all().keySet();
  }

  /** @return the names of the backends on the class path, sorted */
  public static Set<String> backends() {
    return Plugins.BACKENDS.all().keySet();
  }
}
