package org.logme.bench;

import java.util.concurrent.TimeUnit;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decomposition step of LogME on a D×D Gram matrix: eigenvalues with the projections of
 * 100 class columns (what the score needs) against the full eigendecomposition (what the
 * posterior weights need).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class EigenBenchmark {
  @Param({"native", "ejml", "commons"})
  String backendName;

  @Param({"1024", "2048"})
  int d;

  private LinearAlgebraBackend backend;
  private Matrix gram;
  private Matrix crossProducts;

  /** Builds the Gram matrix of 2D samples and 100 columns of cross products. */
  @Setup
  public void setUp() {
    backend = Data.backend(backendName);
    Matrix f = Data.features(2 * d, d, 100, 2);
    gram = backend.gram(f);
    crossProducts = backend.multiplyTransposeA(f, Data.features(2 * d, 100, 10, 3));
  }

  /** @return eigenvalues and VᵀB without the eigenvectors */
  @Benchmark
  public SpectralProjection projections() {
    return backend.symmetricEigenProjection(gram, crossProducts);
  }

  /** @return the full eigendecomposition */
  @Benchmark
  public SymmetricEigen fullEigen() {
    return backend.symmetricEigen(gram);
  }
}
