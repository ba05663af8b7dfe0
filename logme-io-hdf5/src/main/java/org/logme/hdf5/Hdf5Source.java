package org.logme.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.logme.api.InvalidInputException;
import org.logme.io.ArraySource;
import org.logme.io.NpyDtype;

/**
 * One HDF5 dataset, read sequentially in row-major order a slab of whole rows at a time
 * ({@link Dataset#getData(long[], int[])}), so memory holds one slab, not the dataset. jhdf
 * decompresses only the chunks a slab touches.
 */
final class Hdf5Source implements ArraySource {
  /** Elements per slab read from the file. */
  static final int SLAB_ELEMENTS = 1 << 20;

  private final HdfFile file;
  private final Dataset dataset;
  private final String origin;
  private final long[] shape;
  private final NpyDtype dtype;
  private double[] slab = new double[0];
  private int slabAt;
  private long nextRow;

  Hdf5Source(HdfFile file, Dataset dataset, String origin) {
    this.file = file;
    this.dataset = dataset;
    this.origin = origin;
    long[] dims = dataset.getDimensionsAsLong();
    if (dataset.isScalar() || dims.length == 0 || dims.length > 2) {
      throw new InvalidInputException(origin + ": the dataset has shape " + Arrays.toString(dims)
          + "; logme reads 1-D datasets (labels) and 2-D datasets [N, D] (features), so"
          + " reshape it first, e.g. x.reshape(len(x), -1)");
    }
    for (long d : dims) {
      if (d > Integer.MAX_VALUE) {
        throw new InvalidInputException(origin + ": dimension " + d + " is too large to index");
      }
    }
    this.shape = dims;
    this.dtype = dtype(dataset.getJavaType(), origin);
  }

  private static NpyDtype dtype(Class<?> type, String origin) {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    if (type == double.class) {
      return new NpyDtype('f', 8, le, "<f8");
    }
    if (type == float.class) {
      return new NpyDtype('f', 4, le, "<f4");
    }
    if (type == long.class) {
      return new NpyDtype('i', 8, le, "<i8");
    }
    if (type == int.class) {
      return new NpyDtype('i', 4, le, "<i4");
    }
    if (type == short.class) {
      return new NpyDtype('i', 2, le, "<i2");
    }
    if (type == byte.class) {
      return new NpyDtype('i', 1, le, "|i1");
    }
    throw new InvalidInputException(origin + ": unsupported element type " + type.getSimpleName()
        + "; logme reads numeric datasets (float16/32/64, integers)");
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public NpyDtype dtype() {
    return dtype;
  }

  @Override
  public boolean rowMajor() {
    return true;
  }

  @Override
  public void readElements(double[] dst, int offset, int count) {
    int done = 0;
    while (done < count) {
      if (slabAt == slab.length) {
        readSlab();
      }
      int take = Math.min(count - done, slab.length - slabAt);
      System.arraycopy(slab, slabAt, dst, offset + done, take);
      slabAt += take;
      done += take;
    }
  }

  private void readSlab() {
    int cols = cols();
    if (nextRow >= shape[0]) {
      throw new InvalidInputException(origin + ": read past the end of the dataset");
    }
    int rows = (int) Math.min(shape[0] - nextRow, Math.max(1, SLAB_ELEMENTS / Math.max(1, cols)));
    Object data;
    try {
      data = shape.length == 2
          ? dataset.getData(new long[] {nextRow, 0}, new int[] {rows, cols})
          : dataset.getData(new long[] {nextRow}, new int[] {rows});
    } catch (HdfException e) {
      throw new InvalidInputException(origin + ": cannot read rows " + nextRow + " to "
          + (nextRow + rows) + " (" + e.getMessage() + "); the file is corrupt", e);
    }
    double[] values = new double[rows * cols];
    if (shape.length == 2) {
      for (int i = 0; i < rows; i++) {
        copy(Array.get(data, i), values, i * cols, cols);
      }
    } else {
      copy(data, values, 0, rows);
    }
    slab = values;
    slabAt = 0;
    nextRow += rows;
  }

  private static void copy(Object row, double[] dst, int at, int n) {
    if (row instanceof double[] d) {
      System.arraycopy(d, 0, dst, at, n);
    } else if (row instanceof float[] f) {
      for (int j = 0; j < n; j++) {
        dst[at + j] = f[j];
      }
    } else if (row instanceof long[] l) {
      for (int j = 0; j < n; j++) {
        dst[at + j] = l[j];
      }
    } else if (row instanceof int[] v) {
      for (int j = 0; j < n; j++) {
        dst[at + j] = v[j];
      }
    } else if (row instanceof short[] s) {
      for (int j = 0; j < n; j++) {
        dst[at + j] = s[j];
      }
    } else if (row instanceof byte[] b) {
      for (int j = 0; j < n; j++) {
        dst[at + j] = b[j];
      }
    } else {
      throw new IllegalStateException("unexpected slab type " + row.getClass());
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
