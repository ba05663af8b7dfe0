package org.logme.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.logme.eval.extract.FeatureCache;
import picocli.CommandLine.Option;

/** Where extracted features are cached: {@code --cache-dir} and {@code --no-cache}. */
final class CacheOptions {
  /** The environment variable that moves the cache. */
  static final String ENVIRONMENT = "LOGME_CACHE";

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where extracted features and probe results are cached (default: $"
          + ENVIRONMENT + ", else $XDG_CACHE_HOME/logme, else ~/.cache/logme).")
  Path directory;

  @Option(names = "--no-cache", description = "Neither read nor write the cache: embed every"
      + " text again.")
  boolean disabled;

  /** @return the cache, unless disabled */
  Optional<FeatureCache> cache() {
    return disabled ? Optional.empty() : Optional.of(new FeatureCache(directory()));
  }

  /** @return the cache directory that applies */
  Path directory() {
    if (directory != null) {
      return directory;
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "logme");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "logme");
  }
}
