package org.logme.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Map;
import java.util.function.Function;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.extractor.FeatureExtractorProvider;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.transform.Compositions;
import org.logme.api.transform.FeatureTransformProvider;

/**
 * Binds every {@link EstimatorProvider}, {@link LinearAlgebraBackendProvider},
 * {@link FeatureExtractorProvider} and {@link FeatureTransformProvider} that
 * {@link java.util.ServiceLoader} finds on the class path into a Guice {@link MapBinder} keyed
 * by name, and exposes each map as a {@link PluginRegistry}; the estimators' registry also
 * holds the compositions of the feature transforms with them ({@link Compositions}: the
 * published ones listed, such as {@code ped+logme}, any other resolved by name). Adding an
 * estimator, a transform or a backend is therefore a new jar with a provider and a services
 * file; nothing here changes.
 *
 * @since 0.1
 */
public final class PluginModule extends AbstractModule {
  private final ClassLoader loader;

  /** Discovers plugins with the class loader that loaded logme. */
  public PluginModule() {
    this(PluginModule.class.getClassLoader());
  }

  /**
   * @param loader where to look for plugins
   */
  public PluginModule(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  protected void configure() {
    bindAll(EstimatorProvider.class, EstimatorProvider::name);
    bindAll(LinearAlgebraBackendProvider.class, LinearAlgebraBackendProvider::name);
    bindAll(FeatureExtractorProvider.class, FeatureExtractorProvider::name);
    bindAll(FeatureTransformProvider.class, FeatureTransformProvider::name);
  }

  private <P> void bindAll(Class<P> type, Function<P, String> name) {
    MapBinder<String, P> binder = MapBinder.newMapBinder(binder(), String.class, type);
    PluginRegistry.loadByName(type, name, loader)
        .forEach((key, provider) -> binder.addBinding(key).toInstance(provider));
  }

  @Provides
  @Singleton
  PluginRegistry<EstimatorProvider> estimators(Map<String, EstimatorProvider> byName,
      Map<String, FeatureTransformProvider> transforms) {
    return Compositions.registry(byName, transforms);
  }

  @Provides
  @Singleton
  PluginRegistry<FeatureTransformProvider> transforms(
      Map<String, FeatureTransformProvider> byName) {
    return new PluginRegistry<>("feature transform", byName);
  }

  @Provides
  @Singleton
  PluginRegistry<FeatureExtractorProvider> extractors(
      Map<String, FeatureExtractorProvider> byName) {
    return new PluginRegistry<>("model", byName);
  }

  @Provides
  @Singleton
  PluginRegistry<LinearAlgebraBackendProvider> backends(
      Map<String, LinearAlgebraBackendProvider> byName) {
    return new PluginRegistry<>("backend", byName);
  }
}
