/**
 * The {@code ejml} linear-algebra backend, built on EJML's dense row-major routines
 * (multi-threaded products for large inputs, symmetric QR eigensolver, compact SVD, LU).
 *
 * @since 0.1
 */
package org.logme.linalg.ejml;
