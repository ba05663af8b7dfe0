package org.logme.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Reads {@code .npy} arrays (NumPy format versions 1.0, 2.0 and 3.0).
 *
 * <p>The header is checked before any data is allocated: the dimensions must be non-negative,
 * their byte size must not overflow and must equal the bytes actually present, and the array
 * must fit in one Java array. Only 1-D and 2-D arrays are accepted.
 *
 * @since 0.1
 */
public final class NpyReader {
  /** The magic string every {@code .npy} file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** Longest header accepted; numpy writes a few hundred bytes. */
  static final int MAX_HEADER_BYTES = 1 << 20;
  private static final int CHUNK_BYTES = 1 << 20;

  private NpyReader() {
  }

  /**
   * @param path an {@code .npy} file
   * @return the array
   * @throws InvalidInputException if the file is missing, unreadable or not a valid array
   */
  public static NdArray read(Path path) {
    String origin = path.toString();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return read(in, Files.size(path), origin);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(origin + ": no such file");
    } catch (IOException e) {
      throw new InvalidInputException(origin + ": cannot read the file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads one array from a stream.
   *
   * @param in the stream, positioned at the magic string
   * @param available the number of bytes the array occupies in the stream, or -1 if unknown
   *     (then the stream must end right after the data)
   * @param origin the file, for messages
   * @return the array
   * @throws IOException if the stream fails
   */
  public static NdArray read(InputStream in, long available, String origin) throws IOException {
    NpyHeader header = readHeader(in, available, origin);
    return readData(in, header, available, origin);
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
  public static NpyHeader readHeader(InputStream in, long available, String origin)
      throws IOException {
    byte[] preamble = in.readNBytes(8);
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

  private static boolean startsWithMagic(byte[] preamble) {
    for (int i = 0; i < MAGIC.length; i++) {
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

  private static NdArray readData(InputStream in, NpyHeader header, long available, String origin)
      throws IOException {
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
    long count = header.elementCount();
    if (count > Matrix.MAX_ELEMENTS) {
      throw new InvalidInputException(origin + ": shape " + header.shapeText() + " holds " + count
          + " elements, more than one in-memory array can hold (" + Matrix.MAX_ELEMENTS
          + "); reduce N or D");
    }
    int rows = (int) shape[0];
    int cols = shape.length == 2 ? (int) shape[1] : 1;
    double[] data = new double[(int) count];
    NpyDtype dtype = header.dtype();
    int itemSize = dtype.size();
    boolean transposed = header.fortranOrder() && shape.length == 2;
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, Math.max(itemSize, expected))];
    ByteBuffer buffer = ByteBuffer.wrap(chunk).order(dtype.order());
    long index = 0;
    while (index < count) {
      int items = (int) Math.min(chunk.length / itemSize, count - index);
      int got = in.readNBytes(chunk, 0, items * itemSize);
      if (got < items * itemSize) {
        throw new InvalidInputException(origin + ": truncated: the data ends after "
            + (index * itemSize + got) + " of " + expected + " bytes");
      }
      buffer.clear();
      for (int k = 0; k < items; k++, index++) {
        double value = dtype.read(buffer);
        if (transposed) {
          // column-major on disk: element index = column * rows + row
          int column = (int) (index / rows);
          int row = (int) (index % rows);
          data[row * cols + column] = value;
        } else {
          data[(int) index] = value;
        }
      }
    }
    if (available < 0 && in.read() != -1) {
      throw new InvalidInputException(origin + ": unexpected bytes follow the data of shape "
          + header.shapeText() + "; the entry is corrupt");
    }
    int[] dims = shape.length == 1 ? new int[] {rows} : new int[] {rows, cols};
    return new NdArray(dims, data, dtype, origin);
  }
}
