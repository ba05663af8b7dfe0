/**
 * The transferability-estimator SPI: an estimator scores how well one pre-trained model's
 * outputs on the target data predict the target labels, without fine-tuning it.
 *
 * <p>A plugin implements {@link org.logme.api.estimator.EstimatorProvider} and lists it in
 * {@code META-INF/services/org.logme.api.estimator.EstimatorProvider}; the provider declares
 * the estimator's name and hyper-parameters and creates configured
 * {@link org.logme.api.estimator.TransferabilityEstimator} instances. Estimators do no I/O and
 * reach linear algebra only through the {@link org.logme.api.linalg.LinearAlgebraBackend} they
 * are given.
 *
 * @since 0.1
 */
package org.logme.api.estimator;
