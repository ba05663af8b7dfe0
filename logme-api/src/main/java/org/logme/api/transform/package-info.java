/**
 * Feature transforms and their composition with estimators. A transform rewrites a model's
 * features before an estimator scores them (PED moves the classes apart, say); composed with
 * any estimator that takes features it is an estimator itself, named
 * {@code TRANSFORM+ESTIMATOR} ({@code ped+logme}), whose parameters are those of both,
 * prefixed ({@code ped.n_sigma}, {@code logme.algorithm}).
 *
 * <p>A plugin implements {@link org.logme.api.transform.FeatureTransformProvider} and lists it
 * in {@code META-INF/services/org.logme.api.transform.FeatureTransformProvider};
 * {@link org.logme.api.transform.Compositions#registry} adds the compositions to the
 * estimators.
 *
 * @since 0.2
 */
package org.logme.api.transform;
