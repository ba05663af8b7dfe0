/**
 * The {@code commons} linear-algebra backend, built on Apache Commons Math 3.6.1 (block
 * matrices for products, {@code EigenDecomposition}, {@code SingularValueDecomposition},
 * {@code LUDecomposition}). Commons Math's eigensolver is known to stop without converging on
 * some rank-deficient Gram matrices; this backend then falls back to an SVD (or, failing that,
 * the Jacobi method) and reports the fallback as a warning.
 *
 * @since 0.1
 */
package org.logme.linalg.commons;
