package org.logme.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.logme.api.linalg.Matrix;
import org.logme.io.NpyWriter;

/**
 * A seeded synthetic task for {@code logme bench estimators}: N samples of D ReLU features
 * (what a network's penultimate layer gives) in C classes, and an embedding of each class name.
 * Sample i has a label uniform over the classes and features max(0, μ_{yᵢ} + ε), with class
 * centres μ_c drawn from N(0, 0.3²) per feature and noise ε from N(0, 1); the label embeddings
 * are a C×{@value #EMBEDDING_DIMENSION} matrix of N(0, 1) draws (for EMMS). Written as float32
 * features, float64 labels and float32 embeddings; the same seed gives the same files.
 *
 * @param n N
 * @param d D
 * @param classes C
 * @param seed the seed
 * @since 0.2
 */
public record EstimatorTask(int n, int d, int classes, long seed) {
  /** The width of the label embeddings, that of a small sentence encoder. */
  public static final int EMBEDDING_DIMENSION = 384;

  /**
   * @param text {@code NxDxC}, e.g. {@code 5000x512x10}
   * @param seed the seed
   * @return the task
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static EstimatorTask parse(String text, long seed) {
    SyntheticTask shape = SyntheticTask.parse(text, seed);
    return new EstimatorTask(shape.n(), shape.d(), shape.classes(), seed);
  }

  /** @return a short name, e.g. {@code relu-5000x512x10-seed1} */
  public String name() {
    return "relu-" + n + "x" + d + "x" + classes + "-seed" + seed;
  }

  /** @return {@code N x D x C} for tables */
  public String shape() {
    return String.format(Locale.ROOT, "%d x %d x %d", n, d, classes);
  }

  /**
   * @param dir the directory of generated tasks
   * @return the features file
   */
  public Path features(Path dir) {
    return dir.resolve(name()).resolve("features.npy");
  }

  /**
   * @param dir the directory of generated tasks
   * @return the labels file
   */
  public Path labels(Path dir) {
    return dir.resolve(name()).resolve("labels.npy");
  }

  /**
   * @param dir the directory of generated tasks
   * @return the label-embeddings file ([C, {@value #EMBEDDING_DIMENSION}])
   */
  public Path labelEmbeddings(Path dir) {
    return dir.resolve(name()).resolve("label_embeddings.npy");
  }

  /**
   * Writes the files unless they are already there (they are deterministic).
   *
   * @param dir where to write
   * @return true if they were written
   * @throws IOException if writing fails
   */
  public boolean writeTo(Path dir) throws IOException {
    if (Files.isRegularFile(features(dir)) && Files.isRegularFile(labels(dir))
        && Files.isRegularFile(labelEmbeddings(dir))) {
      return false;
    }
    Files.createDirectories(features(dir).getParent());
    ClassDraws draws = new ClassDraws(seed, n, d, classes);
    double[] embeddings = new double[classes * EMBEDDING_DIMENSION];
    for (int i = 0; i < embeddings.length; i++) {
      embeddings[i] = draws.gaussian();
    }
    draws.writeLabels(labels(dir));
    NpyWriter.write(labelEmbeddings(dir), Matrix.wrap(classes, EMBEDDING_DIMENSION, embeddings),
        NpyWriter.Type.FLOAT32, false);
    draws.writeFeatures(features(dir), x -> Math.max(0, x));
    return true;
  }
}
