package org.logme.bench;

import java.util.concurrent.TimeUnit;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
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

/** FᵀF of a 20000×1024 feature block (N·D² = 2.1e10 multiply-adds, half of them computed). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class GramBenchmark {
  @Param({"native", "ejml", "commons"})
  String backendName;

  @Param({"20000"})
  int n;

  @Param({"1024"})
  int d;

  private LinearAlgebraBackend backend;
  private Matrix features;

  /** Builds the data once per trial. */
  @Setup
  public void setUp() {
    backend = Data.backend(backendName);
    features = Data.features(n, d, 100, 1);
  }

  /** @return the Gram matrix (returned so the JIT cannot drop the work) */
  @Benchmark
  public Matrix gram() {
    return backend.gram(features);
  }
}
