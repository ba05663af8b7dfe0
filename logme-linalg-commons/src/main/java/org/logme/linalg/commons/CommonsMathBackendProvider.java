package org.logme.linalg.commons;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/**
 * Registers the {@code commons} backend with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class CommonsMathBackendProvider implements LinearAlgebraBackendProvider {
  private static final CommonsMathBackend BACKEND = new CommonsMathBackend();

  @Override
  public String name() {
    return "commons";
  }

  @Override
  public String description() {
    return "Apache Commons Math 3.6.1 (pure Java, single-threaded; SVD fallback for"
        + " eigendecompositions that do not converge)";
  }

  @Override
  public LinearAlgebraBackend create() {
    return BACKEND;
  }
}
