/**
 * The numerical kernels behind the linear-algebra backends: the multi-threaded Gram kernel
 * ({@link org.logme.numerics.linalg.GramKernel}), eigenvalues with projections by Householder
 * tridiagonalisation and implicit QR without forming eigenvectors
 * ({@link org.logme.numerics.linalg.TridiagonalEigen}), the cyclic Jacobi method of last resort
 * ({@link org.logme.numerics.linalg.JacobiEigen}), Cholesky and forward substitution
 * ({@link org.logme.numerics.linalg.Cholesky}), and the argument checks and post-processing
 * every backend shares ({@link org.logme.numerics.linalg.Matrices}).
 * {@link org.logme.numerics.linalg.JavaKernelBackend} is the base of the pure-Java backends.
 *
 * <p>Everything here works on {@link org.logme.api.linalg.Matrix} and is tested on its own and,
 * through the backends, by the shared contract suite of {@code logme-api}.
 *
 * @since 0.1
 */
package org.logme.numerics.linalg;
