package org.logme.numerics.kernel;

/** Test access to the scalar kernels' variants. */
public final class ScalarKernelsAccess {
  private ScalarKernelsAccess() {
  }

  /** @return the scalar kernels with separate multiplies and adds (for machines without FMA) */
  public static Kernels plain() {
    return new ScalarKernels(false);
  }
}
