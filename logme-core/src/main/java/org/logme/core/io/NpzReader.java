package org.logme.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.logme.api.InvalidInputException;

/**
 * Reads one array from an {@code .npz} archive (a zip of {@code .npy} files, as written by
 * {@code numpy.savez} and {@code numpy.savez_compressed}). Inflation is bounded: no more bytes
 * are read from an entry than its {@code .npy} header promises.
 *
 * @since 0.1
 */
public final class NpzReader {
  private NpzReader() {
  }

  /**
   * @param path the archive
   * @return the names of the arrays it holds (entry names without {@code .npy}), in order
   * @throws InvalidInputException if the file is missing or not a zip archive
   */
  public static List<String> names(Path path) {
    try (ZipFile zip = open(path)) {
      return names(zip);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read the archive (" + e.getMessage() + ")", e);
    }
  }

  private static List<String> names(ZipFile zip) {
    List<String> names = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      String entry = e.nextElement().getName();
      names.add(entry.endsWith(".npy") ? entry.substring(0, entry.length() - 4) : entry);
    }
    return names;
  }

  private static ZipFile open(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(path + ": no such file");
    }
    try {
      return new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new InvalidInputException(path + ": not an .npz archive (not a readable zip file: "
          + e.getMessage() + ")", e);
    }
  }

  /**
   * Opens one array of an archive for sequential reading; the archive is closed with it.
   *
   * @param path the archive
   * @param name the array's name, or null to take the only array of a one-array archive
   * @return the open array
   * @throws InvalidInputException if the archive or the array is missing or malformed; the
   *     message lists the names present
   */
  public static NpyStream open(Path path, String name) {
    ZipFile zip = null;
    try {
      zip = open(path);
      List<String> names = names(zip);
      String chosen = name;
      if (chosen == null) {
        if (names.size() != 1) {
          throw new InvalidInputException(path + ": the archive holds " + names.size()
              + " arrays (" + String.join(", ", names) + "); choose one as " + path + ":NAME");
        }
        chosen = names.get(0);
      }
      ZipEntry entry = zip.getEntry(chosen + ".npy");
      if (entry == null) {
        entry = zip.getEntry(chosen);
      }
      if (entry == null) {
        throw new InvalidInputException(path + ": no array named '" + chosen + "'; the archive"
            + " holds: " + (names.isEmpty() ? "nothing" : String.join(", ", names)));
      }
      String origin = path + ":" + chosen;
      try {
        InputStream in = new BufferedInputStream(zip.getInputStream(entry), 1 << 16);
        return NpyStream.open(in, entry.getSize(), origin, zip);
      } catch (ZipException e) {
        throw new InvalidInputException(origin + ": the archive entry is corrupt ("
            + e.getMessage() + ")", e);
      }
    } catch (IOException e) {
      closeQuietly(zip);
      throw new InvalidInputException(path + ": cannot read the archive (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  private static void closeQuietly(ZipFile zip) {
    if (zip != null) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // the original failure is reported
      }
    }
  }

  /**
   * @param path the archive
   * @param name the array's name, or null to take the only array of a one-array archive
   * @return the array
   * @throws InvalidInputException if the archive or the array is missing or malformed; the
   *     message lists the names present
   */
  public static NdArray read(Path path, String name) {
    try (NpyStream stream = open(path, name)) {
      return stream.readAll();
    } catch (ZipException e) {
      throw new InvalidInputException(path + ": the archive entry is corrupt (" + e.getMessage()
          + ")", e);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot read the archive (" + e.getMessage() + ")", e);
    }
  }
}
