package org.logme.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logme.api.PluginRegistry;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

class PluginModuleTest {

  @Test
  void bindsEveryPluginFoundByServiceLoaderByName() {
    Injector injector = Guice.createInjector(new PluginModule());
    Map<String, EstimatorProvider> estimators = injector.getInstance(
        Key.get(new TypeLiteral<Map<String, EstimatorProvider>>() { }));
    Map<String, LinearAlgebraBackendProvider> backends = injector.getInstance(
        Key.get(new TypeLiteral<Map<String, LinearAlgebraBackendProvider>>() { }));
    assertThat(estimators).containsKey("logme");
    assertThat(backends).containsOnlyKeys("ejml", "commons", "native");
    backends.forEach((name, provider) -> assertThat(provider.create().name()).isEqualTo(name));
    PluginRegistry<EstimatorProvider> registry = injector.getInstance(
        Key.get(new TypeLiteral<PluginRegistry<EstimatorProvider>>() { }));
    assertThat(registry.get("logme")).isSameAs(estimators.get("logme"));
  }
}
