/**
 * The logme service-provider interface: the errors every module raises and the lookup of
 * plugins by name.
 *
 * <p>Sub-packages hold the linear-algebra backend SPI ({@link org.logme.api.linalg}), the
 * validated input types ({@link org.logme.api.data}) and the transferability-estimator SPI
 * ({@link org.logme.api.estimator}). Nothing here depends on a dependency-injection framework:
 * implementations are discovered with {@link java.util.ServiceLoader} and wired by the
 * application that uses them.
 *
 * @since 0.1
 */
package org.logme.api;
