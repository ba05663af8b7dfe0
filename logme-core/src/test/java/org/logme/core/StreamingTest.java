package org.logme.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.logme.core.testing.Tolerance.assertClose;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.TestMatrices;
import org.logme.api.testing.Backends;
import org.logme.core.testing.LogMeCase;
import org.logme.io.NpyBytes;
import org.logme.io.NpyWriter;
import org.logme.io.StreamingStatistics;

/** The streaming path (sufficient statistics read block by block) equals the in-memory one. */
class StreamingTest {
  @TempDir
  Path dir;

  static Stream<Arguments> casesAndBackends() {
    return LogMeCase.names().stream().flatMap(c -> Backends.all().stream()
        .map(b -> Arguments.of(c, b)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("casesAndBackends")
  void streamedLogMeEqualsInMemoryLogMe(String name, LinearAlgebraBackend backend) {
    LogMeCase c = LogMeCase.load(name);
    String spec = c.dir().resolve("features.npy").toString();
    LogMe logMe = new LogMe(LogMeAlgorithm.FIXED_POINT, backend);
    LogMeModel memory;
    LogMeModel streamed;
    if (c.regression()) {
      memory = logMe.fit(c.features(), c.targets());
      streamed = logMe.fit(StreamingStatistics.read(spec, c.targets(), backend), c.targets());
    } else {
      memory = logMe.fit(c.features(), c.labels());
      streamed = logMe.fit(StreamingStatistics.read(spec, c.labels(), backend), c.labels());
    }
    assertClose("streamed score", streamed.evidence().score(), memory.evidence().score(), 1e-9, 0);
    assertClose("streamed evidences", streamed.evidence().evidences(),
        memory.evidence().evidences(), 1e-9, 1e-12);
    assertClose("exact score", streamed.evidence().score(),
        c.logme().get("exact_score").asDouble(), 1e-6,
        1e-9);
    Matrix w = memory.weights();
    assertClose("weights", streamed.weights().data(), w.data(), 0,
        1e-7 * org.logme.core.testing.Tolerance.maxAbs(w.data()));
  }

  @Test
  void statisticsAreTheSumsOverAllBlocks() throws IOException {
    LinearAlgebraBackend backend = Backends.all().get(0);
    int n = 3 * StreamingStatistics.blockRows(40) + 17; // several blocks and a partial one
    Matrix f = TestMatrices.gaussian(n, 40, 31);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
    }
    Path file = dir.resolve("f.npy");
    NpyWriter.write(file, f, NpyWriter.Type.FLOAT64, false);
    FeatureStatistics s = StreamingStatistics.read(file.toString(), Labels.of(y, "y"), backend);
    assertThat(s.sampleCount()).isEqualTo(n);
    assertThat(TestMatrices.maxAbsDiff(s.gram(), TestMatrices.naiveMultiply(f.transpose(), f)))
        .isLessThan(1e-8);
    double[] sums = new double[40];
    double[] class2 = new double[40];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 40; j++) {
        sums[j] += f.get(i, j);
        class2[j] += i % 3 == 2 ? f.get(i, j) : 0;
      }
    }
    assertClose("column sums", s.columnSums(), sums, 1e-12, 1e-9);
    assertClose("class 2 sums", s.crossProducts().column(2), class2, 1e-12, 1e-9);
  }

  @Test
  void nonFiniteValuesInALaterBlockAreCountedAndLocated() throws IOException {
    int n = StreamingStatistics.blockRows(8) + 5;
    Matrix f = TestMatrices.gaussian(n, 8, 2);
    f.set(n - 2, 3, Double.NaN);
    f.set(n - 1, 0, Double.NEGATIVE_INFINITY);
    Path file = dir.resolve("bad.npy");
    NpyWriter.write(file, f, NpyWriter.Type.FLOAT32, false);
    double[] y = new double[n];
    y[0] = 1;
    assertThatThrownBy(() -> StreamingStatistics.read(file.toString(), Labels.of(y, "y"),
        Backends.all().get(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 values are NaN or infinite; the first (NaN) is at row " + (n - 2)
            + ", column 3");
  }

  @Test
  void streamsArraysInsideNpzArchivesAndChecksTheRowCount() throws IOException {
    Matrix f = TestMatrices.gaussian(30, 4, 3);
    Path npz = NpyBytes.npz(dir.resolve("b.npz"), true, "feats",
        NpyBytes.array().dtype("<f4").matrix(30, 4, f.data()).bytes());
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      y[i] = i % 2;
    }
    FeatureStatistics s = StreamingStatistics.read(npz + ":feats", Labels.of(y, "y"),
        Backends.all().get(0));
    assertThat(s.sampleCount()).isEqualTo(30);
    assertThatThrownBy(() -> StreamingStatistics.read(npz + ":feats",
        Labels.of(new double[] {0, 1, 1}, "y.npy"), Backends.all().get(0)))
        .hasMessageContaining("has 30 rows but labels (y.npy) has 3 rows");
  }
}
