package org.logme.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

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
    Map<Path, Content> one = new LinkedHashMap<>();
    one.put(target, content);
    writeAll(one);
  }

  /**
   * Writes several files as one: every content is written to its temporary file first, and the
   * files are renamed into place only once all are complete. A failure while writing (an
   * exception from a content, a full disk) leaves every target as it was; targets that are
   * directories are refused before anything is written.
   *
   * @param contents the content of each target, renamed in this order
   * @throws IOException if a target is a directory, or writing or renaming fails
   */
  public static void writeAll(Map<Path, Content> contents) throws IOException {
    Map<Path, Path> temporaries = new LinkedHashMap<>();
    for (Path target : contents.keySet()) {
      if (Files.isDirectory(target)) {
        throw new IOException(target + " is a directory");
      }
    }
    try {
      for (Map.Entry<Path, Content> e : contents.entrySet()) {
        Path absolute = e.getKey().toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // a fresh name created like any other file, so that it gets the usual permissions
        // (umask) rather than the owner-only ones of Files.createTempFile
        Path tmp = directory.resolve("." + absolute.getFileName() + "."
            + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        temporaries.put(absolute, tmp);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
          e.getValue().writeTo(out);
        }
      }
      for (Map.Entry<Path, Path> e : temporaries.entrySet()) {
        try {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      for (Path tmp : temporaries.values()) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
