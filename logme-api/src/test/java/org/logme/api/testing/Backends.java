package org.logme.api.testing;

import java.util.List;
import org.logme.api.PluginRegistry;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/** The backends on the test class path, found as the application finds them. */
public final class Backends {
  private Backends() {
  }

  /** @return every backend found by ServiceLoader, sorted by name */
  public static List<LinearAlgebraBackend> all() {
    List<LinearAlgebraBackend> backends = PluginRegistry.discover("backend",
        LinearAlgebraBackendProvider.class, LinearAlgebraBackendProvider::name).all().values()
        .stream().map(LinearAlgebraBackendProvider::create).toList();
    if (backends.size() < 2) {
      throw new IllegalStateException("expected the ejml and commons backends on the test class"
          + " path, found " + backends.size());
    }
    return backends;
  }
}
