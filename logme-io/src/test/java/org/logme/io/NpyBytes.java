package org.logme.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds {@code .npy} bytes of any version, dtype, byte order and memory order, so that reader
 * tests need no NumPy and no checked-in binaries. Shared with other modules through the
 * test-jar.
 */
public final class NpyBytes {
  private int major = 1;
  private String descr = "<f8";
  private boolean fortran;
  private String shape;
  private double[] values = new double[0];
  private String headerOverride;

  /** @return a builder for a float64, C-order, version 1.0 array */
  public static NpyBytes array() {
    return new NpyBytes();
  }

  /** @return this, with the format version set */
  public NpyBytes version(int value) {
    this.major = value;
    return this;
  }

  /** @return this, with the dtype descriptor set (e.g. {@code >i4}) */
  public NpyBytes dtype(String value) {
    this.descr = value;
    return this;
  }

  /** @return this, stored column-major (values are still given row-major) */
  public NpyBytes fortran() {
    this.fortran = true;
    return this;
  }

  /** @return this, with a 2-D shape and row-major values */
  public NpyBytes matrix(int rows, int cols, double... rowMajor) {
    this.shape = "(" + rows + ", " + cols + ")";
    this.values = fortran ? toColumnMajor(rows, cols, rowMajor) : rowMajor;
    return this;
  }

  /** @return this, with a 1-D shape */
  public NpyBytes vector(double... v) {
    this.shape = "(" + v.length + ",)";
    this.values = v;
    return this;
  }

  /** @return this, with the shape text as written (values unchanged) */
  public NpyBytes shapeText(String value) {
    this.shape = value;
    return this;
  }

  /** @return this, with the whole header dictionary replaced */
  public NpyBytes header(String dict) {
    this.headerOverride = dict;
    return this;
  }

  private static double[] toColumnMajor(int rows, int cols, double[] rowMajor) {
    double[] out = new double[rowMajor.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j * rows + i] = rowMajor[i * cols + j];
      }
    }
    return out;
  }

  /** @return the file's bytes */
  public byte[] bytes() {
    String dict = headerOverride != null ? headerOverride
        : "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
        + ", 'shape': " + shape + ", }";
    int prefix = major == 1 ? 10 : 12;
    int padding = (64 - (prefix + dict.length() + 1) % 64) % 64;
    byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(NpyReader.MAGIC);
    out.write(major);
    out.write(0);
    ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      len.putShort((short) text.length);
    } else {
      len.putInt(text.length);
    }
    out.writeBytes(len.array());
    out.writeBytes(text);
    out.writeBytes(data());
    return out.toByteArray();
  }

  private byte[] data() {
    if (values.length == 0) {
      return new byte[0];
    }
    ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    int size = Integer.parseInt(descr.substring(2));
    ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
    char kind = descr.charAt(1);
    for (double v : values) {
      switch (kind) {
        case 'f' -> {
          if (size == 4) {
            b.putFloat((float) v);
          } else if (size == 8) {
            b.putDouble(v);
          } else {
            b.putShort(floatToHalf((float) v));
          }
        }
        case 'i', 'u' -> {
          long l = (long) v;
          switch (size) {
            case 1 -> b.put((byte) l);
            case 2 -> b.putShort((short) l);
            case 4 -> b.putInt((int) l);
            default -> b.putLong(l);
          }
        }
        case 'b' -> b.put((byte) (v != 0 ? 1 : 0));
        default -> throw new IllegalArgumentException(descr);
      }
    }
    return b.array();
  }

  /** Exact for values representable in binary16 (the tests use such values). */
  private static short floatToHalf(float f) {
    int bits = Float.floatToIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
    int mantissa = (bits >>> 13) & 0x3ff;
    if (f == 0) {
      return (short) sign;
    }
    if (exponent <= 0) {
      // subnormal half
      int m = (int) Math.round(Math.abs(f) / 0x1p-24);
      return (short) (sign | m);
    }
    return (short) (sign | exponent << 10 | mantissa);
  }

  /** Writes the bytes to a file. */
  public Path writeTo(Path path) throws IOException {
    Files.write(path, bytes());
    return path;
  }

  /**
   * Writes an .npz archive of named arrays ({@code name, bytes, name, bytes, ...}): deflated as
   * by {@code numpy.savez_compressed}, or stored as by {@code numpy.savez}.
   */
  public static Path npz(Path path, boolean compressed, Object... namesAndBytes)
      throws IOException {
    return Files.write(path, npzBytes(compressed, namesAndBytes));
  }

  /** @return the bytes of an .npz archive of named arrays ({@code name, bytes, ...}) */
  public static byte[] npzBytes(boolean compressed, Object... namesAndBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setMethod(compressed ? ZipOutputStream.DEFLATED : ZipOutputStream.STORED);
      for (int i = 0; i < namesAndBytes.length; i += 2) {
        byte[] data = (byte[]) namesAndBytes[i + 1];
        ZipEntry entry = new ZipEntry(namesAndBytes[i] + ".npy");
        if (!compressed) {
          CRC32 crc = new CRC32();
          crc.update(data);
          entry.setSize(data.length);
          entry.setCompressedSize(data.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
