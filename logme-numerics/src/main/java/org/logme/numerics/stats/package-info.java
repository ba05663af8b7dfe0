/**
 * Statistical helpers shared by the baseline estimators, each written once and tested once on
 * every backend: centring and covariance with a chosen divisor, class means, Ledoit–Wolf
 * shrinkage, principal component analysis (exact, and the randomized variant scikit-learn uses),
 * the Spearman correlation with a binary variable, k-means++ with Lloyd iterations, Gaussian
 * mixtures fitted by EM, numpy's legacy Mersenne-Twister generator for bit-exact seeded
 * draws, average ranks as scipy's {@code rankdata}, and compensated sums. Everything that is linear algebra goes through a
 * {@link org.logme.api.linalg.LinearAlgebraBackend} argument.
 *
 * <p>Classes here hold no global state; the random generator is not thread-safe, so each
 * computation creates its own from a seed.
 *
 * @since 0.1
 */
package org.logme.numerics.stats;
