package org.logme.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.logme.api.linalg.Matrix;

/**
 * Writes a matrix as a little-endian, C-order {@code .npy} file (format 1.0) of float32 or
 * float64, as {@code numpy.save} would. The file is written to a temporary sibling and renamed,
 * so a failure never leaves a partial file behind.
 *
 * @since 0.1
 */
public final class NpyWriter {
  private NpyWriter() {
  }

  /** Element types the writer produces. */
  public enum Type {
    /** {@code <f4} */
    FLOAT32("<f4", 4),
    /** {@code <f8} */
    FLOAT64("<f8", 8),
    /** {@code <i8}: values must be integers (class ids, fold ids) */
    INT64("<i8", 8);

    private final String descr;
    private final int size;

    Type(String descr, int size) {
      this.descr = descr;
      this.size = size;
    }

    void put(ByteBuffer buffer, double v) {
      switch (this) {
        case FLOAT32 -> buffer.putFloat((float) v);
        case FLOAT64 -> buffer.putDouble(v);
        case INT64 -> {
          if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
            throw new IllegalArgumentException("an int64 array cannot hold " + v);
          }
          buffer.putLong((long) v);
        }
      }
    }
  }

  /**
   * @param path the file to create or replace
   * @param matrix the values
   * @param type the element type on disk
   * @param oneDimensional write shape {@code (n,)} instead of {@code (n, 1)} (needs one column)
   * @throws IOException if writing fails (the target is then left untouched)
   */
  public static void write(Path path, Matrix matrix, Type type, boolean oneDimensional)
      throws IOException {
    if (oneDimensional && matrix.cols() != 1) {
      throw new IllegalArgumentException("a 1-D array needs one column, got " + matrix);
    }
    String shape = oneDimensional ? "(" + matrix.rows() + ",)"
        : "(" + matrix.rows() + ", " + matrix.cols() + ")";
    AtomicFiles.write(path, out -> {
      out.write(header("{'descr': '" + type.descr + "', 'fortran_order': False, 'shape': "
          + shape + ", }"));
      ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
      for (double v : matrix.data()) {
        if (buffer.remaining() < type.size) {
          out.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        type.put(buffer, v);
      }
      out.write(buffer.array(), 0, buffer.position());
    });
  }

  /** Produces the rows of a matrix one at a time, in order. */
  @FunctionalInterface
  public interface RowSource {
    /**
     * @param row the row index, from 0 up
     * @param values where to put the row's values (length: the number of columns)
     */
    void fill(int row, double[] values);
  }

  /**
   * Writes a matrix row by row without holding it in memory (for data larger than the heap).
   *
   * @param path the file to create or replace
   * @param rows the number of rows
   * @param cols the number of columns
   * @param type the element type on disk
   * @param source produces each row in order
   * @throws IOException if writing fails (the target is then left untouched)
   */
  public static void writeRows(Path path, int rows, int cols, Type type, RowSource source)
      throws IOException {
    AtomicFiles.write(path, out -> {
      out.write(header("{'descr': '" + type.descr + "', 'fortran_order': False, 'shape': ("
          + rows + ", " + cols + "), }"));
      double[] row = new double[cols];
      ByteBuffer buffer = ByteBuffer.allocate(cols * type.size).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < rows; i++) {
        source.fill(i, row);
        buffer.clear();
        for (double v : row) {
          type.put(buffer, v);
        }
        out.write(buffer.array(), 0, buffer.position());
      }
    });
  }

  /** The magic, version 1.0, and the header padded with spaces to a multiple of 64 bytes. */
  private static byte[] header(String dict) {
    int unpadded = NpyReader.MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String text = dict + " ".repeat(padding) + "\n";
    byte[] textBytes = text.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(10 + textBytes.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(NpyReader.MAGIC).put((byte) 1).put((byte) 0).putShort((short) textBytes.length)
        .put(textBytes);
    return out.array();
  }
}
