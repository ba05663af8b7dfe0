package org.logme.linalg.nativeblas;

import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;

/**
 * Registers the {@code native} backend with {@link java.util.ServiceLoader}. Its description
 * says whether the system OpenBLAS is in use or netlib's pure-Java fallback, decided once when
 * the backend's classes are initialised.
 *
 * @since 0.1
 */
public final class NativeBackendProvider implements LinearAlgebraBackendProvider {

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String description() {
    return NetlibRuntime.DESCRIPTION;
  }

  @Override
  public LinearAlgebraBackend create() {
    return Shared.BACKEND;
  }

  /** The shared backend, its Java-side work limited to {@code threads} (not OpenBLAS's). */
  @Override
  public LinearAlgebraBackend create(int threads) {
    return Shared.BACKEND.withThreads(threads);
  }

  /** Holds the shared instance, created on first use so that listing providers stays cheap. */
  private static final class Shared {
    static final NativeBackend BACKEND = new NativeBackend();
  }
}
