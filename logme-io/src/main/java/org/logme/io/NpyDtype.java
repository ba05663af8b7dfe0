package org.logme.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.logme.api.InvalidInputException;

/**
 * A NumPy scalar type as written in an {@code .npy} header's {@code descr}, for example
 * {@code <f4} (little-endian float32) or {@code |b1} (bool).
 *
 * @param kind {@code 'f'} float, {@code 'i'} signed integer, {@code 'u'} unsigned integer or
 *     {@code 'b'} boolean
 * @param size bytes per element
 * @param order the byte order of multi-byte elements
 * @param descr the descriptor as written in the file
 * @since 0.1
 */
public record NpyDtype(char kind, int size, ByteOrder order, String descr) {

  /**
   * @param descr a descriptor such as {@code <f8}
   * @param origin the file, for messages
   * @return the dtype
   * @throws InvalidInputException for descriptors this reader does not support
   */
  public static NpyDtype parse(String descr, String origin) {
    if (descr.length() >= 2 && descr.charAt(1) == 'O') {
      throw new InvalidInputException(origin + ": the array holds Python objects (dtype '"
          + descr + "'), which can only be read by unpickling, and logme never unpickles;"
          + " save a numeric array instead, e.g. np.save(path, x.astype(np.float32))");
    }
    if (descr.length() >= 2 && (descr.charAt(1) == 'U' || descr.charAt(1) == 'S')) {
      throw new InvalidInputException(origin + ": the array holds strings (dtype '" + descr
          + "'); logme reads numbers. For class labels given as names, save integer ids:"
          + " names, ids = np.unique(y, return_inverse=True); np.save(path, ids)");
    }
    if (descr.length() < 3) {
      throw unsupported(descr, origin);
    }
    char byteOrder = descr.charAt(0);
    char kind = descr.charAt(1);
    int size;
    try {
      size = Integer.parseInt(descr.substring(2));
    } catch (NumberFormatException e) {
      throw unsupported(descr, origin);
    }
    boolean known = switch (kind) {
      case 'f' -> size == 2 || size == 4 || size == 8;
      case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
      case 'b' -> size == 1;
      default -> false;
    };
    if (!known) {
      throw unsupported(descr, origin);
    }
    ByteOrder order = switch (byteOrder) {
      case '<', '|' -> ByteOrder.LITTLE_ENDIAN;
      case '>' -> ByteOrder.BIG_ENDIAN;
      case '=' -> ByteOrder.nativeOrder();
      default -> throw unsupported(descr, origin);
    };
    if (byteOrder == '|' && size != 1) {
      throw unsupported(descr, origin);
    }
    return new NpyDtype(kind, size, order, descr);
  }

  private static InvalidInputException unsupported(String descr, String origin) {
    return new InvalidInputException(origin + ": unsupported dtype '" + descr + "'; logme reads"
        + " bool, int8-int64, uint8-uint64, float16, float32 and float64 arrays"
        + " (convert with x.astype(np.float32))");
  }

  /**
   * Reads one element at the buffer's position and widens it to double. The buffer's byte
   * order must already be {@link #order()}.
   *
   * @param buffer the source
   * @return the value
   */
  double read(ByteBuffer buffer) {
    return switch (kind) {
      case 'f' -> switch (size) {
        case 2 -> halfToDouble(buffer.getShort());
        case 4 -> buffer.getFloat();
        default -> buffer.getDouble();
      };
      case 'i' -> switch (size) {
        case 1 -> buffer.get();
        case 2 -> buffer.getShort();
        case 4 -> buffer.getInt();
        default -> buffer.getLong();
      };
      case 'u' -> switch (size) {
        case 1 -> Byte.toUnsignedInt(buffer.get());
        case 2 -> Short.toUnsignedInt(buffer.getShort());
        case 4 -> Integer.toUnsignedLong(buffer.getInt());
        default -> unsignedLongToDouble(buffer.getLong());
      };
      default -> buffer.get() != 0 ? 1.0 : 0.0;
    };
  }

  private static double unsignedLongToDouble(long v) {
    double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1);
  }

  /** IEEE 754 binary16 to double (subnormals, infinities and NaN included). */
  static double halfToDouble(short bits) {
    int h = bits & 0xffff;
    int sign = (h >>> 15) != 0 ? -1 : 1;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0) {
      return sign * mantissa * 0x1p-24;
    }
    if (exponent == 31) {
      return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    return sign * (1 + mantissa / 1024.0) * Math.scalb(1.0, exponent - 15);
  }

  /** @return the NumPy name, for example {@code float32} */
  public String numpyName() {
    return switch (kind) {
      case 'f' -> "float" + size * 8;
      case 'i' -> "int" + size * 8;
      case 'u' -> "uint" + size * 8;
      default -> "bool";
    };
  }
}
