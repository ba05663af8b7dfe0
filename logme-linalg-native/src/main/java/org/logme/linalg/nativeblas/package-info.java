/**
 * The {@code native} linear-algebra backend: BLAS ({@code dsyrk}, {@code dgemm}) and LAPACK
 * ({@code dsyevd}, {@code dgesdd}, {@code dgetrf}/{@code dgetrs}) through dev.ludovic.netlib,
 * which calls the system OpenBLAS through JNI ({@code libopenblas0-pthread} on Debian) and falls
 * back to its pure-Java implementations when no native library is found. The package is not
 * called {@code native}, a Java keyword.
 *
 * @since 0.1
 */
package org.logme.linalg.nativeblas;
