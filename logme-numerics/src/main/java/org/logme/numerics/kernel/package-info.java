/**
 * The innermost loops of logme's pure-Java numerics, behind one interface
 * ({@link org.logme.numerics.kernel.Kernels}) with two implementations: plain scalar Java
 * ({@link org.logme.numerics.kernel.ScalarKernels}), which runs on any JVM, and one on the JDK's
 * Vector API (the incubator module {@code jdk.incubator.vector}), used when the module is
 * present in the boot layer ({@code java --add-modules jdk.incubator.vector}, as the
 * {@code logme} launcher starts it). Both give the same results to rounding;
 * {@code KernelContractTest} and {@code GramKernelTest} hold each to the same definitions.
 *
 * @since 0.1
 */
package org.logme.numerics.kernel;
