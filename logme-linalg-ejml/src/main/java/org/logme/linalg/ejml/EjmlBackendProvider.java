package org.logme.linalg.ejml;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/**
 * Registers the {@code ejml} backend with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class EjmlBackendProvider implements LinearAlgebraBackendProvider {
  private static final EjmlBackend BACKEND = new EjmlBackend();

  @Override
  public String name() {
    return "ejml";
  }

  @Override
  public String description() {
    return "EJML 0.46 (pure Java; multi-threaded products, symmetric QR eigensolver)";
  }

  @Override
  public LinearAlgebraBackend create() {
    return BACKEND;
  }
}
