package org.logme.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A seeded synthetic classification task of N samples, D features and C classes, the shape of
 * features a pre-trained model extracts: each class has a centre drawn from N(0, 0.3²) per
 * feature, and each sample is its class centre plus N(0, 1) noise. Labels are uniform over the
 * classes. Written as float32 features and int-valued labels; the same seed gives the same
 * files.
 *
 * @param n N
 * @param d D
 * @param classes C
 * @param seed the seed
 * @since 0.1
 */
public record SyntheticTask(int n, int d, int classes, long seed) {
  /**
   * @param text {@code NxDxC}, e.g. {@code 20000x1024x100}
   * @param seed the seed
   * @return the task
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static SyntheticTask parse(String text, long seed) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
    if (parts.length != 3) {
      throw new IllegalArgumentException("a case is NxDxC, e.g. 20000x1024x100, not '" + text
          + "'");
    }
    try {
      int n = Integer.parseInt(parts[0]);
      int d = Integer.parseInt(parts[1]);
      int c = Integer.parseInt(parts[2]);
      if (n < 2 || d < 1 || c < 2 || c > n) {
        throw new IllegalArgumentException("a case needs N ≥ 2, D ≥ 1 and 2 ≤ C ≤ N, not '"
            + text + "'");
      }
      return new SyntheticTask(n, d, c, seed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a case is NxDxC with integers, not '" + text + "'");
    }
  }

  /** @return a short name, e.g. {@code 20000x1024x100-seed1} */
  public String name() {
    return n + "x" + d + "x" + classes + "-seed" + seed;
  }

  /**
   * @param dir the directory of generated tasks
   * @return the features file inside it
   */
  public Path features(Path dir) {
    return dir.resolve(name()).resolve("features.npy");
  }

  /**
   * @param dir the directory of generated tasks
   * @return the labels file inside it
   */
  public Path labels(Path dir) {
    return dir.resolve(name()).resolve("labels.npy");
  }

  /**
   * Writes the files unless they are already there (they are deterministic).
   *
   * @param dir where to write
   * @return true if they were written, false if they existed
   * @throws IOException if writing fails
   */
  public boolean writeTo(Path dir) throws IOException {
    if (Files.isRegularFile(features(dir)) && Files.isRegularFile(labels(dir))) {
      return false;
    }
    Files.createDirectories(features(dir).getParent());
    ClassDraws draws = new ClassDraws(seed, n, d, classes);
    draws.writeLabels(labels(dir));
    draws.writeFeatures(features(dir), x -> x);
    return true;
  }
}
