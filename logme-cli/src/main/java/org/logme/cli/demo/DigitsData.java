package org.logme.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.logme.api.linalg.Matrix;
import org.logme.io.NdArray;
import org.logme.io.NpyReader;

/**
 * The UCI "Optical Recognition of Handwritten Digits" data (Alpaydin and Kaynak, 1998; UCI
 * Machine Learning Repository, CC BY 4.0), in the 1,797-image, 8×8-pixel, 17-grey-level
 * version distributed with scikit-learn as {@code load_digits}. Shipped as resources.
 *
 * @param images 1797×64 pixel intensities 0..16, row-major 8×8 per image
 * @param labels the digit (0..9) of each image
 * @since 0.1
 */
public record DigitsData(Matrix images, double[] labels) {
  /** Image side in pixels. */
  public static final int SIDE = 8;

  /** @return the embedded data */
  public static DigitsData load() {
    return new DigitsData(read("digits-images.npy").asMatrix(),
        read("digits-labels.npy").asVector("labels"));
  }

  private static NdArray read(String name) {
    try (InputStream in = DigitsData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the demo resource " + name + " is missing from the jar");
      }
      return NpyReader.read(in, -1, "embedded " + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
