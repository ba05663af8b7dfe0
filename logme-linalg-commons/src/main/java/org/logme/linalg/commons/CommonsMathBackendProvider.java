package org.logme.linalg.commons;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/**
 * Registers the {@code commons} backend with {@link java.util.ServiceLoader}.
 *
 * @since 0.1
 */
public final class CommonsMathBackendProvider implements LinearAlgebraBackendProvider {
  private static final Map<Integer, CommonsMathBackend> BY_THREADS = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "commons";
  }

  @Override
  public String description() {
    return "Apache Commons Math 3.6.1 (pure Java; decompositions single-threaded, Gram matrices"
        + " multi-threaded; SVD fallback for eigendecompositions that do not converge)";
  }

  @Override
  public LinearAlgebraBackend create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public LinearAlgebraBackend create(int threads) {
    return BY_THREADS.computeIfAbsent(Math.max(1, threads), CommonsMathBackend::new);
  }
}
