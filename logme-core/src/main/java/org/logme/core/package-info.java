/**
 * LogME: the logarithm of the maximum Bayesian evidence of a linear model on a pre-trained
 * model's features (You, Liu, Wang and Long, "LogME: Practical Assessment of Pre-trained Models
 * for Transfer Learning", ICML 2021; "Ranking and Tuning Pre-trained Models: A New Paradigm for
 * Exploiting Model Hubs", JMLR 2022).
 *
 * <p>For each target column y (one-vs-rest indicator per class, or one regression output), the
 * model y = Fw + noise with prior w ~ N(0, α⁻¹I) and noise ~ N(0, β⁻¹I) has evidence
 * <pre>
 *   log p(y | F, α, β) = D/2·log α + N/2·log β − ½·Σ_{i=1..D} log(α + βλᵢ)
 *                        − β/2·‖y − Fm‖² − α/2·‖m‖² − N/2·log 2π,
 * </pre>
 * where λᵢ are the eigenvalues of FᵀF and m is the posterior mean. LogME maximises it over α
 * and β by a fixed-point iteration and reports the maximum divided by N, averaged over columns.
 *
 * <p>One eigendecomposition, of FᵀF (D×D) or of FFᵀ (N×N) when N &lt; D, serves every column,
 * and the projections of all columns are obtained with one matrix product. Unlike the reference
 * implementation (thuml/LogME), the sum over log(α + βλᵢ) includes the D − k zero eigenvalues
 * when the feature rank k is below D, so the score is the exact maximum evidence (see
 * {@link org.logme.core.LogMeAlgorithm}).
 *
 * @since 0.1
 */
package org.logme.core;
