package org.logme.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.logme.api.InvalidInputException;

/**
 * Opens an array named the way users write it on the command line: {@code features.npy};
 * {@code bundle.npz:NAME} for one array of an archive ({@code bundle.npz} alone if it holds a
 * single array); {@code model.safetensors:NAME} for a tensor; and through the
 * {@link ArrayFormat}s on the class path, {@code data.h5:/group/dataset} (HDF5) or
 * {@code table.parquet:COLUMN} (Parquet). PyTorch pickles ({@code .pt}, {@code .pth}) are
 * refused with the way to convert them. Any other name is read as an {@code .npy} file.
 *
 * @since 0.1
 */
public final class ArrayFiles {
  /** Formats whose readers live in optional modules, with the module to add. */
  private static final List<String[]> OPTIONAL = List.of(
      new String[] {".h5", "HDF5", "logme-io-hdf5"},
      new String[] {".hdf5", "HDF5", "logme-io-hdf5"},
      new String[] {".parquet", "Parquet", "logme-spark"});

  private ArrayFiles() {
  }

  /** A spec split into the file and the array's name inside it. */
  private record Spec(Path file, String lowerName, String name) {
    static Spec parse(String spec) {
      // the name follows the first ':' after a known extension; HDF5 paths contain '/'
      for (String ext : knownExtensions()) {
        String lower = spec.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(ext + ":");
        if (at > 0) {
          int split = at + ext.length();
          return new Spec(Path.of(spec.substring(0, split)),
              lower.substring(0, split), spec.substring(split + 1));
        }
      }
      return new Spec(Path.of(spec), spec.toLowerCase(Locale.ROOT), null);
    }
  }

  private static List<String> knownExtensions() {
    List<String> all = new ArrayList<>(List.of(".npz", ".safetensors", ".npy", ".pt", ".pth",
        ".pkl", ".pickle"));
    for (String[] optional : OPTIONAL) {
      all.add(optional[0]);
    }
    for (ArrayFormat format : formats()) {
      all.addAll(format.extensions());
    }
    return all;
  }

  private static List<ArrayFormat> formats() {
    List<ArrayFormat> found = new ArrayList<>();
    var providers = ServiceLoader.load(ArrayFormat.class, ArrayFiles.class.getClassLoader())
        .stream().iterator();
    for (int attempts = 0; attempts < 64; attempts++) {
      try {
        if (!providers.hasNext()) {
          return found;
        }
        found.add(providers.next().get());
      } catch (java.util.ServiceConfigurationError | LinkageError e) {
        // a format whose module is present without its dependencies (logme-spark without
        // Spark's jars): as if absent, so its extension gets the message naming the module
      }
    }
    return found;
  }

  /**
   * @param spec {@code PATH.npy}, {@code PATH.npz[:NAME]}, {@code PATH.safetensors[:NAME]},
   *     {@code PATH.h5:/DATASET}, {@code PATH.parquet:COLUMN}
   * @return the array, open for sequential reading
   * @throws InvalidInputException if it cannot be opened
   */
  public static ArraySource open(String spec) {
    Spec s = Spec.parse(spec);
    String lower = s.lowerName();
    if (lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".pkl")
        || lower.endsWith(".pickle")) {
      throw new InvalidInputException(s.file() + ": a PyTorch/pickle file; reading it means"
          + " unpickling, which runs arbitrary code, and logme never unpickles. Convert the"
          + " tensors in Python: from safetensors.torch import save_file; save_file({'features':"
          + " feats.contiguous(), 'labels': labels}, 'data.safetensors'), then pass"
          + " data.safetensors:features (or numpy.save('features.npy', feats.numpy()))");
    }
    if (lower.endsWith(".npz")) {
      return NpzReader.open(s.file(), s.name());
    }
    if (lower.endsWith(".safetensors")) {
      return SafetensorsReader.open(s.file(), s.name());
    }
    for (ArrayFormat format : formats()) {
      for (String ext : format.extensions()) {
        if (lower.endsWith(ext)) {
          return format.open(s.file(), s.name());
        }
      }
    }
    for (String[] optional : OPTIONAL) {
      if (lower.endsWith(optional[0])) {
        throw new InvalidInputException(s.file() + ": reading " + optional[1] + " files needs the"
            + " " + optional[2] + " module on the class path (./logme adds it once built: mvn"
            + " -B package -DskipTests -pl " + optional[2] + " -am); or save the array with"
            + " numpy.save");
      }
    }
    if (s.name() != null) {
      throw new InvalidInputException(s.file() + ": an .npy file holds one array, so '"
          + s.name() + "' after ':' cannot name one; NAME selects an array in .npz, .safetensors,"
          + " .h5 and .parquet files");
    }
    return NpyReader.open(s.file());
  }

  /**
   * @param spec as for {@link #open}
   * @return the whole array
   * @throws InvalidInputException if it cannot be read
   */
  public static NdArray load(String spec) {
    try (ArraySource source = open(spec)) {
      return source.readAll();
    } catch (java.io.IOException e) {
      throw NpyStream.readFailure(spec, e);
    }
  }

  /**
   * Refuses an array that cannot be loaded: more elements than one Java array holds or more
   * bytes (as double) than the whole heap.
   *
   * @param source the array
   * @param count its number of elements
   * @param maxHeap the heap's limit ({@link Runtime#maxMemory()})
   * @throws InvalidInputException if it does not fit
   */
  static void requireLoadable(ArraySource source, long count, long maxHeap) {
    if (count > org.logme.api.linalg.Matrix.MAX_ELEMENTS) {
      throw new InvalidInputException(source.origin() + ": shape " + source.shapeText()
          + " holds " + count + " elements, more than one in-memory array can hold ("
          + org.logme.api.linalg.Matrix.MAX_ELEMENTS + "); reduce N or D");
    }
    long bytes = count * Double.BYTES;
    if (bytes > maxHeap) {
      throw new InvalidInputException(source.origin() + ": shape " + source.shapeText()
          + " needs " + NpyStream.megabytes(bytes) + " in memory (as float64), more than the"
          + " whole Java heap (" + NpyStream.megabytes(maxHeap) + "); give Java more memory,"
          + " e.g. LOGME_JAVA_OPTS=-Xmx" + ((bytes >> 30) + 2) + "g ./logme ..., or for"
          + " features use --read stream");
    }
  }
}
