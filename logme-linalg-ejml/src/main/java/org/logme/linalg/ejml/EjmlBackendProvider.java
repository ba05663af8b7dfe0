package org.logme.linalg.ejml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/**
 * Registers the {@code ejml} backend with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class EjmlBackendProvider implements LinearAlgebraBackendProvider {
  private static final Map<Integer, EjmlBackend> BY_THREADS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "ejml";
  }

  @Override
  public String description() {
    return "EJML 0.46 (pure Java; multi-threaded products and Gram matrices, symmetric QR"
        + " eigensolver)";
  }

  @Override
  public LinearAlgebraBackend create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public LinearAlgebraBackend create(int threads) {
    return BY_THREADS.computeIfAbsent(Math.max(1, threads), EjmlBackend::new);
  }
}
