package org.logme.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes files all-or-nothing: the content goes to a temporary file in the target's directory,
 * which is renamed over the target only once it is complete. A failure midway leaves the target
 * as it was and removes the temporary file.
 *
 * @since 0.1
 */
public final class AtomicFiles {
  private static final SecureRandom RANDOM = new SecureRandom();
  private AtomicFiles() {
  }

  /** Produces a file's content. */
  @FunctionalInterface
  public interface Content {
    /**
     * @param out where to write
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * @param target the file to create or replace
   * @param content what to write
   * @throws IOException if writing or renaming fails; the target is then untouched
   */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    // a fresh name created like any other file, so that it gets the usual permissions (umask)
    // rather than the owner-only ones of Files.createTempFile
    Path tmp = directory.resolve("." + absolute.getFileName() + "."
        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
        content.writeTo(out);
      }
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
