package org.logme.bench;

import java.util.SplittableRandom;
import org.logme.api.PluginRegistry;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.LinearAlgebraBackendProvider;
import org.logme.api.linalg.Matrix;

/** Seeded inputs and backend lookup shared by the benchmarks. */
final class Data {
  private Data() {
  }

  /** @return an n×d matrix of class-structured features: centres N(0, 0.3²) plus N(0, 1) */
  static Matrix features(int n, int d, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] centres = new double[classes * d];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = 0.3 * gaussian(random);
    }
    Matrix f = Matrix.zeros(n, d);
    double[] data = f.data();
    for (int i = 0; i < n; i++) {
      int c = i % classes;
      for (int j = 0; j < d; j++) {
        data[i * d + j] = centres[c * d + j] + gaussian(random);
      }
    }
    return f;
  }

  /** @return labels i mod classes */
  static double[] labels(int n, int classes) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
    }
    return y;
  }

  static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log1p(-random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** @return the named backend, with all processors */
  static LinearAlgebraBackend backend(String name) {
    return PluginRegistry.discover("backend", LinearAlgebraBackendProvider.class,
        LinearAlgebraBackendProvider::name).get(name).create();
  }
}
