package org.logme.eval.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyWriter;

/**
 * Writes a small synthetic zoo: 3 classes, 60 samples, and models whose features carry more or
 * less of the class signal (model {@code mK} has signal K), so LogME should rank them by K.
 */
final class TestZoo {
  static final int SAMPLES = 60;
  static final int CLASSES = 3;
  static final int DIMENSION = 6;

  private TestZoo() {
  }

  /**
   * @param dir the zoo directory to create
   * @param signals the signal of each model, named m0, m1, ... by index
   * @param withProbs which models get a source_probs.npy
   */
  static Path write(Path dir, double[] signals, boolean[] withProbs) throws IOException {
    Random random = new Random(11);
    double[] labels = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = i % CLASSES;
    }
    NpyWriter.write(dir.resolve(ModelZoo.LABELS), Matrix.column(labels),
        NpyWriter.Type.FLOAT64, true);
    for (int m = 0; m < signals.length; m++) {
      Path model = dir.resolve(ModelZoo.MODELS).resolve("m" + m);
      Files.createDirectories(model);
      double[] features = new double[SAMPLES * DIMENSION];
      for (int i = 0; i < SAMPLES; i++) {
        for (int d = 0; d < DIMENSION; d++) {
          double signal = d == (int) labels[i] ? signals[m] : 0;
          features[i * DIMENSION + d] = signal + random.nextGaussian();
        }
      }
      NpyWriter.write(model.resolve(ModelZoo.FEATURES), Matrix.wrap(SAMPLES, DIMENSION,
          features), NpyWriter.Type.FLOAT32, false);
      if (withProbs[m]) {
        double[] probs = new double[SAMPLES * 4];
        for (int i = 0; i < SAMPLES; i++) {
          double confident = 0.25 + 0.05 * m;
          probs[i * 4] = confident;
          for (int c = 1; c < 4; c++) {
            probs[i * 4 + c] = (1 - confident) / 3;
          }
        }
        NpyWriter.write(model.resolve(ModelZoo.SOURCE_PROBS), Matrix.wrap(SAMPLES, 4, probs),
            NpyWriter.Type.FLOAT64, false);
      }
    }
    return dir;
  }
}
