package org.logme.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.logme.api.InvalidInputException;

/**
 * Reads whole {@code .npy} arrays (NumPy format versions 1.0, 2.0 and 3.0) into memory; see
 * {@link NpyStream} for the checks made before anything is allocated.
 *
 * @since 0.1
 */
public final class NpyReader {
  /** The magic string every {@code .npy} file starts with. */
  static final byte[] MAGIC = NpyStream.MAGIC;

  private NpyReader() {
  }

  /**
   * @param path an {@code .npy} file
   * @return the open array, positioned at its first element
   * @throws InvalidInputException if the file is missing, unreadable or not a valid array
   */
  public static NpyStream open(Path path) {
    String origin = path.toString();
    NpyStream.requireRegularFile(path, "an .npy file");
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
      return NpyStream.open(in, Files.size(path), origin, null);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(origin + ": no such file");
    } catch (IOException e) {
      closeQuietly(in);
      throw new InvalidInputException(origin + ": cannot read the file (" + NpyStream.reason(e)
          + ")", e);
    } catch (RuntimeException e) {
      closeQuietly(in);
      throw e;
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the original failure is reported
      }
    }
  }

  /**
   * @param path an {@code .npy} file
   * @return the array
   * @throws InvalidInputException if the file is missing, unreadable or not a valid array
   */
  public static NdArray read(Path path) {
    try (NpyStream stream = open(path)) {
      return stream.readAll();
    } catch (IOException e) {
      throw NpyStream.readFailure(path.toString(), e);
    }
  }

  /**
   * Reads one array from a stream (which is not closed).
   *
   * @param in the stream, positioned at the magic string
   * @param available the number of bytes the array occupies in the stream, or -1 if unknown
   *     (then the stream must end right after the data)
   * @param origin the file, for messages
   * @return the array
   * @throws IOException if the stream fails
   */
  public static NdArray read(InputStream in, long available, String origin) throws IOException {
    return NpyStream.open(in, available, origin, null).readAll();
  }
}
