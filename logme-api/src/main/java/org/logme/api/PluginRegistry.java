package org.logme.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Plugins of one kind, by name. Built from whatever discovered them: directly from
 * {@link ServiceLoader} with {@link #discover}, or from a map an injector assembled.
 *
 * @param <P> the provider type
 * @since 0.1
 */
public final class PluginRegistry<P> {
  private final String kind;
  private final SortedMap<String, P> byName;
  private final Function<String, Optional<P>> derived;

  /**
   * @param kind what the plugins are, used in messages (for example {@code "backend"})
   * @param byName the plugins by name
   */
  public PluginRegistry(String kind, Map<String, P> byName) {
    this(kind, byName, name -> Optional.empty());
  }

  /**
   * A registry that also resolves names it does not list, such as compositions
   * ({@code ped+nleep}) built on demand from listed plugins.
   *
   * @param kind what the plugins are, used in messages (for example {@code "estimator"})
   * @param byName the plugins listed by name
   * @param derived builds a plugin for a name that is not listed, or returns empty; it may
   *     throw a {@link LogmeException} that explains why a name of its form is invalid
   * @since 0.2
   */
  public PluginRegistry(String kind, Map<String, P> byName,
      Function<String, Optional<P>> derived) {
    this.kind = kind;
    this.byName = Collections.unmodifiableSortedMap(new TreeMap<>(byName));
    this.derived = derived;
  }

  /**
   * Loads every provider of a type declared in {@code META-INF/services} on the class path.
   *
   * @param kind what the plugins are, used in messages
   * @param type the provider interface
   * @param name how a provider names itself
   * @param <P> the provider type
   * @return the registry
   * @throws IllegalStateException if two providers declare the same name
   */
  public static <P> PluginRegistry<P> discover(String kind, Class<P> type, Function<P, String> name) {
    return new PluginRegistry<>(kind, loadByName(type, name, type.getClassLoader()));
  }

  /**
   * Loads every provider of a type with {@link ServiceLoader}, keyed by name.
   *
   * @param type the provider interface
   * @param name how a provider names itself
   * @param loader the class loader to search
   * @param <P> the provider type
   * @return the providers by name, sorted
   * @throws IllegalStateException if two providers declare the same name
   */
  public static <P> SortedMap<String, P> loadByName(Class<P> type, Function<P, String> name,
      ClassLoader loader) {
    SortedMap<String, P> found = new TreeMap<>();
    for (P provider : ServiceLoader.load(type, loader)) {
      P previous = found.put(name.apply(provider), provider);
      if (previous != null) {
        throw new IllegalStateException("two " + type.getSimpleName() + " plugins are named '"
            + name.apply(provider) + "': " + previous.getClass().getName() + " and "
            + provider.getClass().getName() + "; remove one from the class path");
      }
    }
    return found;
  }

  /**
   * @param name the plugin name
   * @return the plugin
   * @throws UnknownPluginException if no plugin has that name; the message lists those that do
   */
  public P get(String name) {
    P provider = byName.get(name);
    if (provider == null) {
      return derived.apply(name)
          .orElseThrow(() -> new UnknownPluginException(kind, name, byName.keySet()));
    }
    return provider;
  }

  /** @return every listed plugin, sorted by name (derived ones are built on request only) */
  public SortedMap<String, P> all() {
    return byName;
  }

  /** @return what the plugins are, for example {@code "backend"} */
  public String kind() {
    return kind;
  }
}
