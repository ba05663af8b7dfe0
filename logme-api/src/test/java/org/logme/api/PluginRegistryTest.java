package org.logme.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  @Test
  void findsByNameAndListsTheAvailableOnesWhenMissing() {
    PluginRegistry<String> registry = new PluginRegistry<>("backend",
        Map.of("ejml", "E", "commons", "C"));
    assertThat(registry.get("ejml")).isEqualTo("E");
    assertThat(registry.all().keySet()).containsExactly("commons", "ejml");
    assertThatThrownBy(() -> registry.get("blas"))
        .isInstanceOf(UnknownPluginException.class)
        .hasMessage("unknown backend 'blas'; available: commons, ejml");
  }

  @Test
  void saysWhenNothingIsOnTheClassPath() {
    PluginRegistry<Runnable> registry = PluginRegistry.discover("runner", Runnable.class,
        Object::toString);
    assertThatThrownBy(() -> registry.get("x"))
        .hasMessage("unknown runner 'x'; available: (none found on the class path)");
  }
}
