package org.logme.bench;

import java.util.concurrent.TimeUnit;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.linalg.Matrices;
import org.logme.api.linalg.Matrix;
import org.logme.core.LogMe;
import org.logme.core.LogMeAlgorithm;
import org.logme.core.LogMeEvidence;
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
 * LogME end to end on in-memory features (Gram matrix, projections, 100 evidence
 * maximisations), and from already accumulated sufficient statistics (the part of a streamed
 * score after the single pass over the file).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class LogMeBenchmark {
  @Param({"native", "ejml", "commons"})
  String backendName;

  @Param({"20000"})
  int n;

  @Param({"1024"})
  int d;

  @Param({"100"})
  int classes;

  private LinearAlgebraBackend backend;
  private Features features;
  private Labels labels;
  private FeatureStatistics statistics;

  /** Builds the data and its statistics once per trial. */
  @Setup
  public void setUp() {
    backend = Data.backend(backendName);
    Matrix f = Data.features(n, d, classes, 4);
    features = new Features(f, "synthetic");
    labels = Labels.of(Data.labels(n, classes), "synthetic labels");
    Matrix gram = Matrix.zeros(d, d);
    backend.addGram(gram, f);
    Matrices.mirrorUpper(gram);
    double[] sums = new double[classes * d];
    labels.addClassSums(f, 0, sums);
    statistics = new FeatureStatistics(n, gram, new double[d],
        Matrix.wrap(classes, d, sums).transpose(), "synthetic");
  }

  /** @return LogME on in-memory features */
  @Benchmark
  public LogMeEvidence fromFeatures() {
    return new LogMe(LogMeAlgorithm.FIXED_POINT, backend).evidence(features, labels);
  }

  /** @return LogME from the sufficient statistics */
  @Benchmark
  public LogMeEvidence fromStatistics() {
    return new LogMe(LogMeAlgorithm.FIXED_POINT, backend).evidence(statistics, labels);
  }
}
