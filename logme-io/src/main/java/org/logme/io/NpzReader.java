package org.logme.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.logme.api.InvalidInputException;

/**
 * Reads one array from an {@code .npz} archive (a zip of {@code .npy} files, as written by
 * {@code numpy.savez} and {@code numpy.savez_compressed}).
 *
 * <p>Archives are treated as hostile. Inflation is bounded: an entry is never inflated beyond the
 * size its directory declares, which must equal what its {@code .npy} header promises; an entry
 * above {@value #LARGE_ENTRY_BYTES} bytes that would expand more than {@value #MAX_RATIO}-fold
 * (a zip bomb) is refused before anything is inflated or allocated; and the entry's CRC-32 is
 * checked once its data has been read, as NumPy does, so a corrupt archive never passes for
 * data.
 *
 * @since 0.1
 */
public final class NpzReader {
  /** Entries up to this size (64 MiB) may expand by any ratio. */
  public static final long LARGE_ENTRY_BYTES = 64L << 20;
  /** How many times larger than its compressed bytes a large entry may be. */
  public static final long MAX_RATIO = 200;

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
      throw new InvalidInputException(path + ": cannot read the archive (" + NpyStream.reason(e)
          + ")", e);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(path + ": not a readable .npz archive (" + e + ");"
          + " re-create or re-copy it", e);
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
    NpyStream.requireRegularFile(path, "an .npz archive");
    try {
      return new ZipFile(path.toFile());
    } catch (ZipException | java.io.EOFException e) {
      throw new InvalidInputException(path + ": not an .npz archive (not a readable zip file: "
          + (e instanceof ZipException ? e.getMessage() : "it ends too early") + ")", e);
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
      if (entry.isDirectory()) {
        throw new InvalidInputException(origin + ": the archive entry is a directory, not an"
            + " array; the archive holds: " + String.join(", ", names));
      }
      long declared = entry.getSize();
      long packed = entry.getCompressedSize() < 0 ? Files.size(path)
          : Math.min(entry.getCompressedSize(), Files.size(path));
      requireSaneRatio(origin, declared, packed);
      try {
        EntryInput checked = new EntryInput(zip.getInputStream(entry), declared, entry.getCrc(),
            origin);
        NpyStream stream = NpyStream.open(new BufferedInputStream(checked, 1 << 16), declared,
            origin, zip);
        if (declared < 0) {
          requireSaneRatio(origin, stream.header().headerBytes() + stream.header().dataBytes(),
              packed);
        }
        return stream.onFinish(checked::verify);
      } catch (ZipException e) {
        throw new InvalidInputException(origin + ": the archive entry is corrupt ("
            + NpyStream.reason(e) + "); re-create or re-copy the archive", e);
      }
    } catch (java.io.EOFException e) {
      closeQuietly(zip);
      throw new InvalidInputException(path + ": truncated: the archive ends inside an entry;"
          + " re-create or re-copy it", e);
    } catch (IOException e) {
      closeQuietly(zip);
      throw new InvalidInputException(path + ": cannot read the archive (" + NpyStream.reason(e)
          + ")", e);
    } catch (InvalidInputException e) {
      closeQuietly(zip);
      throw e;
    } catch (RuntimeException e) {
      // java.util.zip signals some malformed archives with unchecked exceptions
      closeQuietly(zip);
      throw new InvalidInputException(path + ": not a readable .npz archive (" + e + ");"
          + " re-create or re-copy it", e);
    }
  }

  /**
   * Refuses a large entry that would expand far beyond its compressed size (a zip bomb), before
   * anything is inflated.
   *
   * @param origin the archive and entry, for messages
   * @param inflated the bytes the entry would inflate to
   * @param packed its compressed bytes (at most the archive's length)
   */
  static void requireSaneRatio(String origin, long inflated, long packed) {
    if (inflated > LARGE_ENTRY_BYTES && inflated > MAX_RATIO * Math.max(1, packed)) {
      throw new InvalidInputException(origin + ": the archive entry would inflate from " + packed
          + " to " + inflated + " bytes (" + inflated / Math.max(1, packed) + ":1); entries"
          + " larger than " + (LARGE_ENTRY_BYTES >> 20) + " MiB may expand at most " + MAX_RATIO
          + "-fold, as a guard against zip bombs. If the data is genuine, save it uncompressed"
          + " (numpy.savez or numpy.save)");
    }
  }

  /**
   * The inflated bytes of an archive entry: never more than its directory declares, and their
   * CRC-32 checked by {@link #verify()} once the data has been read.
   */
  private static final class EntryInput extends FilterInputStream {
    private final long declared;
    private final long expectedCrc;
    private final String origin;
    private final CRC32 crc = new CRC32();
    private long count;

    EntryInput(InputStream in, long declared, long expectedCrc, String origin) {
      super(in);
      this.declared = declared < 0 ? Long.MAX_VALUE : declared;
      this.expectedCrc = expectedCrc;
      this.origin = origin;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (count >= declared) {
        if (in.read() != -1) {
          throw new InvalidInputException(origin + ": the archive entry inflates to more than"
              + " the " + declared + " bytes its directory declares; the archive is corrupt or"
              + " hostile");
        }
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, declared - count));
      if (n > 0) {
        crc.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      long skipped = 0;
      while (skipped < n) {
        int got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
        if (got < 0) {
          break;
        }
        skipped += got;
      }
      return skipped;
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    /** Checks, after the data, that the entry ends here and that its CRC-32 matches. */
    void verify() throws IOException {
      if (read() != -1) {
        throw new InvalidInputException(origin + ": unexpected bytes follow the data; the"
            + " archive entry is corrupt");
      }
      if (expectedCrc >= 0 && crc.getValue() != expectedCrc) {
        throw new InvalidInputException(origin + ": the archive entry's CRC-32 does not match"
            + " its data (" + Long.toHexString(crc.getValue()) + " instead of "
            + Long.toHexString(expectedCrc) + "); the file is corrupt: re-create or re-copy it");
      }
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
    } catch (IOException e) {
      throw NpyStream.readFailure(path.toString(), e);
    }
  }
}
