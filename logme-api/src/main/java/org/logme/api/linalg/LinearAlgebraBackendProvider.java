package org.logme.api.linalg;

/**
 * Service-provider interface for a linear-algebra backend. Implementations are listed in
 * {@code META-INF/services/org.logme.api.linalg.LinearAlgebraBackendProvider} and must have a
 * public no-argument constructor.
 *
 * @since 0.1
 */
public interface LinearAlgebraBackendProvider {

  /** @return the name users select the backend by; equal to {@code create().name()} */
  String name();

  /** @return one line saying what the backend is built on */
  String description();

  /**
   * @return the backend, using as many threads as there are processors (backends are
   *     stateless; a provider may return a shared instance)
   */
  LinearAlgebraBackend create();

  /**
   * @param threads the most threads the backend's own parallel kernels may use (≥ 1)
   * @return the backend; the default ignores the limit
   */
  default LinearAlgebraBackend create(int threads) {
    return create();
  }
}
