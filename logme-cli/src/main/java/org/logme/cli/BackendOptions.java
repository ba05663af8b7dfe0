package org.logme.cli;

import org.logme.api.InvalidParameterException;
import org.logme.api.PluginRegistry;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import picocli.CommandLine.Option;

/** {@code --backend} and {@code --threads}, shared by the commands that compute. */
final class BackendOptions {

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "ejml",
      description = "Linear-algebra backend (default: ${DEFAULT-VALUE}); see 'logme list'.")
  String name;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads to use (default: all processors).")
  Integer threads;

  /** @return the number of threads to use */
  int threads() {
    if (threads != null && threads < 1) {
      throw new InvalidParameterException("--threads must be at least 1, not " + threads);
    }
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /**
   * @param registry the backends available
   * @return the chosen backend, limited to {@link #threads()}
   */
  LinearAlgebraBackend create(PluginRegistry<LinearAlgebraBackendProvider> registry) {
    return registry.get(name).create(threads());
  }
}
