package org.logme.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads an array named the way users write it on the command line: {@code features.npy}, or
 * {@code bundle.npz:name} for one array of an archive ({@code bundle.npz} alone if the archive
 * holds a single array).
 *
 * @since 0.1
 */
public final class ArrayFiles {
  private ArrayFiles() {
  }

  /**
   * @param spec {@code PATH.npy}, {@code PATH.npz} or {@code PATH.npz:NAME}
   * @return the array, open for sequential reading
   * @throws org.logme.api.InvalidInputException if it cannot be opened
   */
  public static NpyStream open(String spec) {
    int colon = spec.lastIndexOf(':');
    if (colon > 0 && spec.substring(0, colon).toLowerCase(Locale.ROOT).endsWith(".npz")) {
      return NpzReader.open(Path.of(spec.substring(0, colon)), spec.substring(colon + 1));
    }
    if (spec.toLowerCase(Locale.ROOT).endsWith(".npz")) {
      return NpzReader.open(Path.of(spec), null);
    }
    return NpyReader.open(Path.of(spec));
  }

  /**
   * @param spec {@code PATH.npy}, {@code PATH.npz} or {@code PATH.npz:NAME}
   * @return the array
   * @throws org.logme.api.InvalidInputException if it cannot be read
   */
  public static NdArray load(String spec) {
    try (NpyStream stream = open(spec)) {
      return stream.readAll();
    } catch (java.io.IOException e) {
      throw NpyStream.readFailure(spec, e);
    }
  }
}
