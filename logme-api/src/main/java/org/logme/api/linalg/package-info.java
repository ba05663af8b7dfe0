/**
 * The linear-algebra backend SPI: a small dense matrix type and the operations LogME and the
 * baseline estimators need (Gram matrices, products, symmetric eigendecomposition, thin SVD,
 * solves), implemented by plugins such as {@code ejml} and {@code commons}.
 *
 * <p>Every backend passes one shared contract suite ({@code BackendContractTest} in this
 * module's test-jar), so estimators may rely on the documented post-conditions (sorted
 * eigenvalues, orthonormal vectors, exact symmetry of Gram matrices) whatever backend runs.
 *
 * @since 0.1
 */
package org.logme.api.linalg;
