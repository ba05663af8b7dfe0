package org.logme.io;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.logme.api.InvalidInputException;

/**
 * The parsed header of an {@code .npy} array.
 *
 * @param dtype the element type
 * @param fortranOrder true if the data is stored column-major
 * @param shape the dimensions (empty for a scalar)
 * @param headerBytes the length of the preamble and header, where the data starts
 * @since 0.1
 */
public record NpyHeader(NpyDtype dtype, boolean fortranOrder, long[] shape, long headerBytes) {

  /** @return the number of elements, the product of the shape */
  public long elementCount() {
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    return count;
  }

  /** @return the number of data bytes the header promises */
  public long dataBytes() {
    return elementCount() * dtype.size();
  }

  /** @return the shape as NumPy prints it, e.g. {@code (300, 48)} */
  public String shapeText() {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * Rejects negative dimensions and shapes whose byte size overflows a long.
   *
   * @param origin the file, for messages
   */
  void validate(String origin) {
    long bytes = dtype.size();
    for (long d : shape) {
      if (d < 0) {
        throw new InvalidInputException(origin + ": the header declares a negative dimension in"
            + " shape " + shapeText() + "; the file is corrupt");
      }
      if (d != 0 && bytes > Long.MAX_VALUE / d) {
        throw new InvalidInputException(origin + ": the header declares shape " + shapeText()
            + ", whose size overflows; the file is corrupt");
      }
      bytes *= d;
    }
  }
}
