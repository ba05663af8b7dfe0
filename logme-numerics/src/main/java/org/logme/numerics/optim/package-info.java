/**
 * Numerical optimisation shared by the estimators: limited-memory BFGS following the
 * unconstrained path of L-BFGS-B (the optimiser scipy's {@code minimize(method="L-BFGS-B")}
 * runs), with the Moré–Thuente line search.
 *
 * @since 0.2
 */
package org.logme.numerics.optim;
