package org.logme.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidInputException;

/**
 * An open {@code .npy} array whose elements are read sequentially, in file order, and widened
 * to double: the whole array ({@link NpyReader}) or row block by row block (streaming). The
 * header is parsed and checked on opening, before any data is allocated: the dimensions must be
 * non-negative, their byte size must not overflow and must equal the bytes present, and the
 * array must be 1-D or 2-D.
 *
 * @since 0.1
 */
public final class NpyStream implements ArraySource {
  /** The magic string every {@code .npy} file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** Longest header accepted; numpy writes a few hundred bytes. */
  static final int MAX_HEADER_BYTES = 1 << 20;
  private static final int CHUNK_BYTES = 1 << 20;

  /** Elements per block when reordering a Fortran-order array. */
  private static final int REORDER_BLOCK = 1 << 16;

  private final InputStream in;
  private final Closeable owner;
  private EndCheck endCheck = () -> { };
  private final NpyHeader header;
  private final String origin;
  private final boolean lengthKnown;
  private final byte[] chunk;
  private final ByteBuffer buffer;
  private final float[] floats;
  private long elementsRead;

  private NpyStream(InputStream in, Closeable owner, NpyHeader header, String origin,
      boolean lengthKnown) {
    this.in = in;
    this.owner = owner;
    this.header = header;
    this.origin = origin;
    this.lengthKnown = lengthKnown;
    int itemSize = header.dtype().size();
    this.chunk = new byte[(int) Math.max(itemSize,
        Math.min(CHUNK_BYTES - CHUNK_BYTES % 8, header.dataBytes()))];
    this.buffer = ByteBuffer.wrap(chunk).order(header.dtype().order());
    this.floats = header.dtype().kind() == 'f' && itemSize == 4 ? new float[chunk.length / 4]
        : null;
  }

  /**
   * Reads and checks the header of an array.
   *
   * @param in the stream, positioned at the magic string
   * @param available the bytes the array occupies in the stream, or -1 if unknown (then the
   *     stream must end right after the data)
   * @param origin the file, for messages
   * @param owner closed with this stream (may be null)
   * @return the open array
   * @throws IOException if the stream fails
   * @throws InvalidInputException if the array is malformed or unsupported
   */
  static NpyStream open(InputStream in, long available, String origin, Closeable owner)
      throws IOException {
    NpyHeader header = readHeader(in, available, origin);
    long[] shape = header.shape();
    if (shape.length == 0 || shape.length > 2) {
      throw new InvalidInputException(origin + ": the array has shape " + header.shapeText()
          + "; logme reads 1-D arrays (labels) and 2-D arrays [N, D] (features), so "
          + (shape.length == 0 ? "wrap the scalar in an array"
          : "reshape it first, e.g. x.reshape(len(x), -1)"));
    }
    long expected = header.dataBytes();
    if (available >= 0) {
      long present = available - header.headerBytes();
      if (present < expected) {
        throw new InvalidInputException(origin + ": truncated: shape " + header.shapeText()
            + " of " + header.dtype().numpyName() + " needs " + expected + " bytes of data but"
            + " the file holds " + present + "; re-save or re-copy the file");
      }
      if (present > expected) {
        throw new InvalidInputException(origin + ": " + (present - expected) + " unexpected bytes"
            + " follow the data of shape " + header.shapeText() + "; the file is corrupt or holds"
            + " more than one array");
      }
    }
    for (long d : shape) {
      if (d > Integer.MAX_VALUE) {
        throw new InvalidInputException(origin + ": dimension " + d + " of shape "
            + header.shapeText() + " is too large to index");
      }
    }
    return new NpyStream(in, owner, header, origin, available >= 0);
  }

  /** @return the parsed header */
  public NpyHeader header() {
    return header;
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public long[] shape() {
    return header.shape().clone();
  }

  @Override
  public NpyDtype dtype() {
    return header.dtype();
  }

  /** Row-major unless a 2-D array is stored in Fortran order. */
  @Override
  public boolean rowMajor() {
    return !header.fortranOrder() || header.shape().length < 2;
  }

  @Override
  public String shapeText() {
    return header.shapeText();
  }

  /**
   * Wraps raw little- or big-endian data that another container holds (a safetensors tensor):
   * the elements start at the stream's position and there are exactly as many as the header
   * describes.
   *
   * @param in the stream, positioned at the first element
   * @param header the element type and shape (headerBytes unused)
   * @param origin the file and tensor, for messages
   * @param owner closed with this stream (may be null)
   * @return the open array
   */
  static NpyStream ofRawData(java.io.InputStream in, NpyHeader header, String origin,
      Closeable owner) {
    return new NpyStream(in, owner, header, origin, true);
  }

  /**
   * Reads the next elements in file order (rows for C order, columns for Fortran order).
   *
   * @param dst where to put them
   * @param offset the first index of dst to fill
   * @param count how many elements to read
   * @throws IOException if the stream fails
   * @throws InvalidInputException if the data ends early
   */
  @Override
  public void readElements(double[] dst, int offset, int count) throws IOException {
    NpyDtype dtype = header.dtype();
    int itemSize = dtype.size();
    int done = 0;
    while (done < count) {
      int items = Math.min(chunk.length / itemSize, count - done);
      int bytes = items * itemSize;
      int got = in.readNBytes(chunk, 0, bytes);
      if (got < bytes) {
        throw new InvalidInputException(origin + ": truncated: the data ends after "
            + ((elementsRead + done) * itemSize + got) + " of " + header.dataBytes() + " bytes");
      }
      buffer.clear();
      int at = offset + done;
      if (floats != null) {
        buffer.asFloatBuffer().get(floats, 0, items);
        for (int k = 0; k < items; k++) {
          dst[at + k] = floats[k];
        }
      } else if (dtype.kind() == 'f' && itemSize == 8) {
        buffer.asDoubleBuffer().get(dst, at, items);
      } else {
        for (int k = 0; k < items; k++) {
          dst[at + k] = dtype.read(buffer);
        }
      }
      done += items;
    }
    elementsRead += count;
  }

  /**
   * Reads the whole array (it must not have been read from yet). Allocates only the result
   * (and a small buffer), after checking that it fits in one Java array and in the heap.
   *
   * @return the array, row-major whatever the order on disk
   * @throws IOException if the stream fails
   */
  @Override
  public NdArray readAll() throws IOException {
    long count = header.elementCount();
    ArrayFiles.requireLoadable(this, count, Runtime.getRuntime().maxMemory());
    int rows = rows();
    int cols = cols();
    double[] data = new double[(int) count];
    if (header.fortranOrder() && header.shape().length == 2 && rows > 1 && cols > 1) {
      // column-major on disk: the k-th element read is (k % rows, k / rows); reordered block by
      // block so that no second array of the whole size is needed
      double[] block = new double[(int) Math.min(count, REORDER_BLOCK)];
      for (long k = 0; k < count; ) {
        int n = (int) Math.min(block.length, count - k);
        readElements(block, 0, n);
        for (int i = 0; i < n; i++, k++) {
          data[(int) (k % rows) * cols + (int) (k / rows)] = block[i];
        }
      }
    } else {
      readElements(data, 0, data.length);
    }
    finish();
    int[] dims = header.shape().length == 1 ? new int[] {rows} : new int[] {rows, cols};
    return new NdArray(dims, data, header.dtype(), origin);
  }

  /**
   * Refuses an allocation that cannot succeed: more bytes than the whole Java heap.
   *
   * @param bytes the bytes to allocate
   * @param maxHeap the heap's limit ({@link Runtime#maxMemory()})
   * @throws InvalidInputException if bytes exceed maxHeap
   */
  void requireHeap(long bytes, long maxHeap) {
    ArrayFiles.requireLoadable(this, bytes / Double.BYTES, maxHeap);
  }

  /** @return bytes in MiB or GiB, for messages */
  static String megabytes(long bytes) {
    return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / 0x1p30)
        : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 0x1p20);
  }

  /**
   * Checks that nothing follows the data where the length was unknown (archive entries).
   *
   * @throws IOException if the stream fails
   */
  @Override
  public void finish() throws IOException {
    if (!lengthKnown && in.read() != -1) {
      throw new InvalidInputException(origin + ": unexpected bytes follow the data of shape "
          + header.shapeText() + "; the entry is corrupt");
    }
    endCheck.verify();
  }

  /** A check run once all data has been read, such as an archive entry's checksum. */
  @FunctionalInterface
  interface EndCheck {
    /**
     * @throws IOException if the stream fails
     * @throws InvalidInputException if the check fails
     */
    void verify() throws IOException;
  }

  /**
   * @param check run by {@link #finish()} after the data has been read
   * @return this stream
   */
  NpyStream onFinish(EndCheck check) {
    this.endCheck = check;
    return this;
  }

  /**
   * The error for a failed read: a corrupt archive entry (the inflater's complaint) or an I/O
   * failure.
   *
   * @param spec the file, for messages
   * @param e the failure
   * @return the exception to throw
   */
  static InvalidInputException readFailure(String spec, IOException e) {
    if (e instanceof java.util.zip.ZipException) {
      return new InvalidInputException(spec + ": the archive entry is corrupt (" + reason(e)
          + "); re-create or re-copy the archive", e);
    }
    return new InvalidInputException(spec + ": cannot read the file (" + reason(e) + ")", e);
  }

  /**
   * Refuses what is not a regular file, with what it is instead.
   *
   * @param path the file named by the user
   * @param kind what it should be, e.g. "an .npy file"
   * @throws InvalidInputException if it is missing, a directory, a pipe or a device
   */
  static void requireRegularFile(java.nio.file.Path path, String kind) {
    if (java.nio.file.Files.isRegularFile(path)) {
      return;
    }
    if (java.nio.file.Files.isDirectory(path)) {
      throw new InvalidInputException(path + ": is a directory, not " + kind);
    }
    if (java.nio.file.Files.exists(path)) {
      throw new InvalidInputException(path + ": not a regular file (a pipe or a device?);"
          + " save the array to a file and name that");
    }
    throw new InvalidInputException(path + ": no such file");
  }

  /** @return the exception's message, or its kind where it has none */
  static String reason(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      if (owner != null) {
        owner.close();
      }
    }
  }

  /**
   * Reads and checks the preamble and header.
   *
   * @param in the stream, positioned at the magic string
   * @param available bytes available, or -1 if unknown
   * @param origin the file, for messages
   * @return the header
   * @throws IOException if the stream fails
   */
  static NpyHeader readHeader(InputStream in, long available, String origin) throws IOException {
    byte[] preamble = in.readNBytes(8);
    if (preamble.length == 0) {
      throw new InvalidInputException(origin + ": the file is empty (0 bytes), not a NumPy .npy"
          + " array; re-save or re-copy it");
    }
    if (preamble.length < 8 && startsWithMagic(preamble)) {
      throw new InvalidInputException(origin + ": truncated: the file ends after "
          + preamble.length + " bytes, inside the .npy preamble; re-save or re-copy it");
    }
    if (preamble.length < 8 || !startsWithMagic(preamble)) {
      String hint = preamble.length >= 2 && preamble[0] == 'P' && preamble[1] == 'K'
          ? "; it is a zip archive: if it is an .npz file, give it the .npz extension"
          : "; save arrays with numpy.save";
      throw new InvalidInputException(origin + ": not a NumPy .npy file (it does not start with"
          + " the \\x93NUMPY magic string)" + hint);
    }
    int major = preamble[6] & 0xff;
    int minor = preamble[7] & 0xff;
    long headerLength;
    int prefix;
    if (major == 1) {
      byte[] len = readFully(in, 2, origin, "the header length");
      headerLength = (len[0] & 0xff) | (len[1] & 0xff) << 8;
      prefix = 10;
    } else if (major == 2 || major == 3) {
      byte[] len = readFully(in, 4, origin, "the header length");
      headerLength = (len[0] & 0xffL) | (len[1] & 0xffL) << 8 | (len[2] & 0xffL) << 16
          | (len[3] & 0xffL) << 24;
      prefix = 12;
    } else {
      throw new InvalidInputException(origin + ": .npy format version " + major + "." + minor
          + " is not supported (versions 1.0, 2.0 and 3.0 are)");
    }
    if (headerLength > MAX_HEADER_BYTES
        || (available >= 0 && prefix + headerLength > available)) {
      throw new InvalidInputException(origin + ": the header claims to be " + headerLength
          + " bytes long, " + (headerLength > MAX_HEADER_BYTES ? "more than the "
          + MAX_HEADER_BYTES + " bytes accepted" : "past the end of the " + available
          + "-byte file") + "; the file is truncated or corrupt");
    }
    byte[] raw = readFully(in, (int) headerLength, origin, "the header");
    String text = new String(raw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)
        .strip();
    Map<String, Object> dict = HeaderParser.parse(text, origin);
    Object descr = dict.get("descr");
    Object fortran = dict.get("fortran_order");
    Object shape = dict.get("shape");
    if (!(descr instanceof String d) || !(fortran instanceof Boolean f)
        || !(shape instanceof List<?> s)) {
      throw new InvalidInputException(origin + ": the .npy header lacks 'descr', 'fortran_order'"
          + " or 'shape': " + text);
    }
    long[] dims = s.stream().mapToLong(x -> (Long) x).toArray();
    NpyHeader header = new NpyHeader(NpyDtype.parse(d, origin), f, dims, prefix + headerLength);
    header.validate(origin);
    return header;
  }

  /** @return true if the bytes start with the magic string, or are a prefix of it */
  private static boolean startsWithMagic(byte[] preamble) {
    for (int i = 0; i < Math.min(MAGIC.length, preamble.length); i++) {
      if (preamble[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] readFully(InputStream in, int n, String origin, String what)
      throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new InvalidInputException(origin + ": the file ends inside " + what
          + "; it is truncated");
    }
    return bytes;
  }
}
