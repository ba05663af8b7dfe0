package org.logme.io;

import java.nio.file.Path;
import java.util.List;

/**
 * A file format that holds arrays, added by a module on the class path and found with
 * {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.logme.io.ArrayFormat}), so that a heavy reader (HDF5, Parquet)
 * is loaded only by those who install it. {@code .npy}, {@code .npz} and {@code .safetensors}
 * are built in.
 *
 * @since 0.1
 */
public interface ArrayFormat {

  /** @return the format's name, for messages, e.g. {@code HDF5} */
  String name();

  /** @return the file name endings it reads, lower case with the dot, e.g. {@code .h5} */
  List<String> extensions();

  /**
   * Opens one array of a file.
   *
   * @param file the file (or directory, for formats stored as one)
   * @param name the array's name or path inside the file, or null if the user gave none
   * @return the array, open for sequential reading
   * @throws org.logme.api.InvalidInputException if the file or the array is missing,
   *     malformed or of an unsupported type; the message names the file and lists the arrays
   *     present where that helps
   */
  ArraySource open(Path file, String name);
}
