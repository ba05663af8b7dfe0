/**
 * The published transferability estimators LogME is compared with, each a
 * {@link org.logme.api.estimator.TransferabilityEstimator} registered with
 * {@link java.util.ServiceLoader} through its
 * {@link org.logme.api.estimator.EstimatorProvider}: {@code leep}, {@code nce}, {@code hscore},
 * {@code hscore-shrinkage}, {@code transrate}, {@code sfda}, {@code nleep}, {@code parc},
 * {@code gbc} and {@code knn}.
 *
 * <p>Each matches its public reference implementation (named in its javadoc with the commit
 * the fixtures were made from) number for number where that implementation is deterministic,
 * and documents each place where it deliberately differs. The numerical helpers they share
 * (covariance, PCA, Ledoit–Wolf, Gaussian mixtures, pseudo-inverse) live once in
 * {@link org.logme.numerics.stats} and on {@link org.logme.api.linalg.LinearAlgebraBackend}.
 *
 * @since 0.1
 */
package org.logme.baselines;
