package org.logme.numerics.kernel;

import java.util.Locale;
import java.util.Optional;

/** Decides once which {@link Kernels} to use. */
final class KernelChoice {
  /** The Vector API module. */
  static final String MODULE = "jdk.incubator.vector";
  private static final String VECTOR_CLASS = "org.logme.numerics.kernel.vector.VectorKernels";
  private static final Optional<Kernels> VECTOR = load();
  static final Kernels BEST = choose();

  private KernelChoice() {
  }

  static Optional<Kernels> vector() {
    return VECTOR;
  }

  private static Kernels choose() {
    String forced = System.getProperty(Kernels.PROPERTY, "").strip().toLowerCase(Locale.ROOT);
    if (forced.equals("scalar")) {
      return ScalarKernels.INSTANCE;
    }
    return VECTOR.orElse(ScalarKernels.INSTANCE);
  }

  /** The Vector API kernels, loaded by name so that nothing touches the module when absent. */
  private static Optional<Kernels> load() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of((Kernels) Class.forName(VECTOR_CLASS).getConstructor().newInstance());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }
}
