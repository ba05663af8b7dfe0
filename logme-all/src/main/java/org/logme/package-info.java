/**
 * The library's front door: {@link org.logme.Logme} finds the estimators and backends on the
 * class path and hands out configured {@link org.logme.Scorer}s, which score features given as
 * Java arrays, as {@code .npy}/{@code .npz} files or as sufficient statistics.
 *
 * <p>Everything below it stays reachable: the SPI ({@code org.logme.api}), LogME itself
 * ({@code org.logme.core.LogMe}, with posterior weights and predictions) and the readers
 * ({@code org.logme.io}).
 *
 * @since 0.1
 */
package org.logme;
