package org.logme.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The corpus of malformed {@code .npy} and {@code .npz} files, generated here rather than
 * checked in: every way a file can be broken that the readers must reject with a clean
 * {@link org.logme.api.InvalidInputException}. Shared with the CLI's tests through the test-jar.
 */
public final class MalformedFiles {
  private static final double[] SMALL = {0, 1, 2, 3, 4, 5};
  private static List<Sample> all;

  private MalformedFiles() {
  }

  /**
   * One malformed file.
   *
   * @param id a short stable name (used in docs/reliability.md)
   * @param description what is wrong, in words
   * @param fileName the file's name, whose extension selects the reader
   * @param bytes the file's content
   * @param arrayName the array to read from an archive, or null
   * @param fragment a part of the message every reader must give
   */
  public record Sample(String id, String description, String fileName, byte[] bytes,
      String arrayName, String fragment) {
    /**
     * @param dir where to write the file
     * @return the array spec to read, as on the command line ({@code f.npy}, {@code a.npz:x})
     */
    public String write(Path dir) {
      try {
        Path file = Files.write(dir.resolve(fileName), bytes);
        return arrayName == null ? file.toString() : file + ":" + arrayName;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return id;
    }
  }

  /** @return every malformed file, built once */
  public static synchronized List<Sample> all() {
    if (all == null) {
      try {
        all = List.copyOf(build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static List<Sample> build() throws IOException {
    List<Sample> s = new ArrayList<>();
    byte[] valid = NpyBytes.array().matrix(3, 2, SMALL).bytes();
    int dataStart = valid.length - 48;

    // .npy: not NumPy at all
    s.add(npy("npy-not-numpy", "a CSV file named .npy", "a,b\n1,2\n".getBytes(
        StandardCharsets.US_ASCII), "not a NumPy .npy file"));
    s.add(npy("npy-zip-named-npy", "an .npz archive named .npy",
        NpyBytes.npzBytes(true, "x", NpyBytes.array().vector(1).bytes()), ".npz extension"));
    s.add(npy("npy-empty-file", "a file of 0 bytes", new byte[0], "the file is empty (0 bytes)"));
    s.add(npy("npy-truncated-preamble", "a file cut inside the magic string",
        Arrays.copyOf(valid, 4), "truncated: the file ends after 4 bytes"));
    s.add(npy("npy-version-4", "format version 4.0", withByte(valid, 6, 4),
        ".npy format version 4.0 is not supported"));

    // .npy: the header
    s.add(npy("npy-header-past-end", "a header length beyond the end of the file",
        withLittleEndianShort(valid, 8, 60000), "past the end of the"));
    s.add(npy("npy-header-cut", "a file cut inside the header", Arrays.copyOf(valid, 40),
        "past the end of the 40-byte file"));
    s.add(npy("npy-header-syntax", "a header that is not a Python dict literal",
        NpyBytes.array().header("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2}")
            .bytes(), "malformed .npy header"));
    s.add(npy("npy-header-missing-key", "a header without 'shape'",
        NpyBytes.array().header("{'descr': '<f8', 'fortran_order': False}").bytes(),
        "lacks 'descr', 'fortran_order' or 'shape'"));
    s.add(npy("npy-header-nested", "a header of 300,000 nested parentheses (stack exhaustion)",
        NpyBytes.array().version(2).header("{'descr': '<f8', 'fortran_order': False, 'shape': "
            + "(".repeat(300_000) + "}").bytes(), "malformed .npy header"));

    // .npy: the shape
    s.add(npy("npy-truncated-data", "data cut 3 bytes short", Arrays.copyOf(valid,
        valid.length - 3), "truncated: shape (3, 2) of float64 needs 48 bytes of data but the file"
        + " holds 45"));
    s.add(npy("npy-trailing-bytes", "8 bytes after the data", Arrays.copyOf(valid,
        valid.length + 8), "8 unexpected bytes follow the data"));
    s.add(npy("npy-shape-exceeds-file", "shape (100000, 100000) in a 128-byte file",
        NpyBytes.array().shapeText("(100000, 100000)").bytes(),
        "needs 80000000000 bytes of data but the file holds 0"));
    s.add(npy("npy-shape-overflow", "shape (4000000000000, 4000000): the byte size overflows",
        NpyBytes.array().shapeText("(4000000000000, 4000000)").bytes(), "whose size overflows"));
    s.add(npy("npy-shape-out-of-range", "a dimension beyond 64 bits",
        NpyBytes.array().shapeText("(99999999999999999999, 2)").bytes(), "is out of range"));
    s.add(npy("npy-negative-dimension", "shape (-3, 2)",
        NpyBytes.array().shapeText("(-3, 2)").bytes(), "negative dimension"));
    s.add(npy("npy-absurd-dimension", "shape (0, 3000000000): no data, too many columns",
        NpyBytes.array().shapeText("(0, 3000000000)").bytes(), "is too large to index"));
    s.add(npy("npy-3d", "a 3-D array", NpyBytes.array().matrix(1, 6, SMALL)
        .shapeText("(1, 2, 3)").bytes(), "x.reshape(len(x), -1)"));
    s.add(npy("npy-scalar", "a 0-D array", NpyBytes.array().vector(1).shapeText("()").bytes(),
        "wrap the scalar in an array"));

    // .npy: the dtype
    s.add(npy("npy-object-dtype", "an object (pickled) array",
        NpyBytes.array().dtype("|O").vector().bytes(), "logme never unpickles"));
    s.add(npy("npy-complex-dtype", "complex128", NpyBytes.array().dtype("<c16").vector().bytes(),
        "unsupported dtype '<c16'"));
    s.add(npy("npy-string-dtype", "unicode strings", NpyBytes.array().dtype("<U8").vector()
        .bytes(), "the array holds strings (dtype '<U8'); logme reads numbers. For class labels"
        + " given as names, save integer ids: names, ids = np.unique(y, return_inverse=True)"));
    s.add(npy("npy-structured-dtype", "a record array", NpyBytes.array()
        .header("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }").bytes(),
        "structured dtype"));

    // .npz
    byte[] two = NpyBytes.npzBytes(true, "arr_0", NpyBytes.array().vector(1).bytes(),
        "arr_1", NpyBytes.array().vector(2).bytes());
    s.add(npz("npz-not-zip", "a text file named .npz", "hello".getBytes(
        StandardCharsets.US_ASCII), null, "not an .npz archive"));
    s.add(npz("npz-missing-name", "an array name the archive does not hold", two, "feats",
        "no array named 'feats'; the archive holds: arr_0, arr_1"));
    s.add(npz("npz-ambiguous", "no array name, several arrays", two, null,
        "holds 2 arrays (arr_0, arr_1); choose one as"));
    s.add(npz("npz-entry-not-npy", "an entry that is not an .npy array",
        NpyBytes.npzBytes(true, "notes", "just text".getBytes(StandardCharsets.US_ASCII)),
        "notes", "not a NumPy .npy file"));
    s.add(npz("npz-bomb", "a zip bomb: 256 MiB of zeros deflated to 256 KB, header consistent",
        zipBomb(256), "x", "expand at most 200-fold"));
    byte[] vector = NpyBytes.array().vector(1, 2).bytes();
    s.add(npz("npz-size-lie", "an entry that inflates to 4 KiB more than its directory declares",
        withCentralSize(NpyBytes.npzBytes(true, "x", Arrays.copyOf(vector, vector.length + 4096)),
            vector.length), "x", "inflates to more than the " + vector.length + " bytes its"
        + " directory declares"));
    s.add(npz("npz-crc-mismatch", "a stored entry whose data changed after zipping",
        flipLastDataByte(NpyBytes.npzBytes(false, "x", valid), valid), "x",
        "CRC-32 does not match"));
    s.add(npz("npz-corrupt-deflate", "a deflated entry whose compressed bytes are damaged",
        corruptDeflate(NpyBytes.npzBytes(true, "x", NpyBytes.array().matrix(3, 2, SMALL)
            .bytes())), "x", "the archive entry is corrupt"));
    s.add(npz("npz-inner-truncated", "an archive holding a truncated .npy",
        NpyBytes.npzBytes(true, "x", Arrays.copyOf(valid, dataStart + 20)), "x",
        "truncated: shape (3, 2) of float64 needs 48 bytes of data but the file holds 20"));
    return s;
  }

  private static Sample npy(String id, String description, byte[] bytes, String fragment) {
    return new Sample(id, description, id + ".npy", bytes, null, fragment);
  }

  private static Sample npz(String id, String description, byte[] bytes, String name,
      String fragment) {
    return new Sample(id, description, id + ".npz", bytes, name, fragment);
  }

  private static byte[] withByte(byte[] bytes, int at, int value) {
    byte[] copy = bytes.clone();
    copy[at] = (byte) value;
    return copy;
  }

  private static byte[] withLittleEndianShort(byte[] bytes, int at, int value) {
    byte[] copy = bytes.clone();
    copy[at] = (byte) value;
    copy[at + 1] = (byte) (value >> 8);
    return copy;
  }

  /**
   * A zip bomb: a float64 vector whose header is truthful, of the given size in MiB of zeros,
   * deflated at the best ratio (about 1000:1).
   */
  static byte[] zipBomb(int mebibytes) throws IOException {
    long elements = ((long) mebibytes << 20) / 8;
    byte[] header = NpyBytes.array().shapeText("(" + elements + ",)").bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry("x.npy"));
      zip.write(header);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < mebibytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** Sets the uncompressed size of the first central-directory entry. */
  static byte[] withCentralSize(byte[] zip, long size) {
    byte[] copy = zip.clone();
    int cen = centralDirectory(copy);
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(cen + 24, (int) size);
    return copy;
  }

  private static int centralDirectory(byte[] zip) {
    for (int i = 0; i + 4 <= zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
        return i;
      }
    }
    throw new IllegalArgumentException("no central directory");
  }

  /** Flips a bit of the last data byte of a stored entry (found by searching its content). */
  private static byte[] flipLastDataByte(byte[] zip, byte[] content) {
    byte[] copy = zip.clone();
    for (int i = 0; i + content.length <= copy.length; i++) {
      if (Arrays.equals(copy, i, i + content.length, content, 0, content.length)) {
        copy[i + content.length - 1] ^= 0x10;
        return copy;
      }
    }
    throw new IllegalArgumentException("content not stored");
  }

  /** Damages the compressed bytes of the first entry: sets its first block to a reserved type. */
  private static byte[] corruptDeflate(byte[] zip) {
    byte[] copy = zip.clone();
    ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    int nameLength = b.getShort(26) & 0xffff;
    int extraLength = b.getShort(28) & 0xffff;
    int data = 30 + nameLength + extraLength;
    copy[data] = (byte) (copy[data] | 0x06); // BTYPE = 11: reserved, an error in every inflater
    return copy;
  }
}
