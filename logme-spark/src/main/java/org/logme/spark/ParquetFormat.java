package org.logme.spark;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.logme.api.InvalidInputException;
import org.logme.io.ArrayFormat;
import org.logme.io.ArraySource;
import org.logme.io.NpyDtype;

/**
 * {@code table.parquet:COLUMN} for the single-machine commands: a Parquet file, or a directory of
 * part files as Spark writes them, read by Spark's own Parquet reader in this process (local
 * mode) and streamed to the caller row by row ({@code toLocalIterator}), so the features are
 * never all in memory. A feature column is {@code array<numeric>} or an ML {@code Vector}; a
 * label or target column is numeric. Each read of the same table returns its rows in the same
 * order (Spark plans the same splits), so features and labels read separately stay aligned.
 *
 * @since 0.1
 */
public final class ParquetFormat implements ArrayFormat {

  /** Creates the format (a Spark session is started on first use). */
  public ParquetFormat() {
  }

  @Override
  public String name() {
    return "Parquet";
  }

  @Override
  public List<String> extensions() {
    return List.of(".parquet");
  }

  @Override
  public ArraySource open(Path file, String name) {
    if (name == null) {
      throw new InvalidInputException(file + ": name the column as " + file + ":COLUMN");
    }
    TableColumn spec = new TableColumn(file.toString(), name);
    return SparkErrors.unwrapped(() -> {
      SparkSession spark = SparkSessions.getOrCreate(null);
      Dataset<Row> table = spec.read(spark);
      ColumnValues values = ColumnValues.of(table.schema(), name, file.toString());
      if (values.kind() == ColumnValues.Kind.STRING) {
        throw new InvalidInputException(values.origin() + ": a string column; string labels are"
            + " read by --engine spark, or map them to integer ids first");
      }
      Dataset<Row> column = table.select(name);
      long rows = column.count();
      if (rows > Integer.MAX_VALUE) {
        throw new InvalidInputException(values.origin() + ": " + rows + " rows, too many to"
            + " index; use --engine spark");
      }
      List<Row> first = column.limit(1).collectAsList();
      long[] shape = !values.vectors() ? new long[] {rows} : new long[] {rows,
          first.isEmpty() ? 0 : values.length(first.get(0), 0, "row 0")};
      DataType type = table.schema().apply(name).dataType();
      return new ColumnSource(values, column, shape, dtype(type instanceof ArrayType a
          ? a.elementType() : type));
    });
  }

  private static NpyDtype dtype(DataType type) {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    if (type.equals(DataTypes.FloatType)) {
      return new NpyDtype('f', 4, le, "<f4");
    }
    if (type.equals(DataTypes.IntegerType)) {
      return new NpyDtype('i', 4, le, "<i4");
    }
    if (type.equals(DataTypes.LongType)) {
      return new NpyDtype('i', 8, le, "<i8");
    }
    if (type.equals(DataTypes.ShortType)) {
      return new NpyDtype('i', 2, le, "<i2");
    }
    if (type.equals(DataTypes.ByteType)) {
      return new NpyDtype('i', 1, le, "|i1");
    }
    return new NpyDtype('f', 8, le, "<f8");
  }

  /** One column, streamed row by row from the executors of the local session. */
  private static final class ColumnSource implements ArraySource {
    private final ColumnValues values;
    private final Dataset<Row> column;
    private final long[] shape;
    private final NpyDtype dtype;
    private Iterator<Row> rows;
    private double[] pending;
    private int pendingAt;
    private long rowIndex;

    ColumnSource(ColumnValues values, Dataset<Row> column, long[] shape, NpyDtype dtype) {
      this.values = values;
      this.column = column;
      this.shape = shape;
      this.dtype = dtype;
    }

    @Override
    public String origin() {
      return values.origin();
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
    public void readElements(double[] dst, int offset, int count) throws IOException {
      SparkErrors.unwrapped(() -> {
        if (rows == null) {
          rows = column.toLocalIterator();
        }
        int d = cols();
        for (int done = 0; done < count; ) {
          if (pending == null || pendingAt == pending.length) {
            if (!rows.hasNext()) {
              throw new InvalidInputException(origin() + ": the table ended after " + rowIndex
                  + " rows; it changed while it was read");
            }
            Row row = rows.next();
            String label = "row " + rowIndex;
            pending = new double[d];
            if (values.vectors()) {
              values.vector(row, 0, pending, 0, d, label);
            } else {
              pending[0] = values.number(row, 0, label);
            }
            pendingAt = 0;
            rowIndex++;
          }
          int take = Math.min(count - done, pending.length - pendingAt);
          System.arraycopy(pending, pendingAt, dst, offset + done, take);
          pendingAt += take;
          done += take;
        }
        return null;
      });
    }

    @Override
    public void close() {
      rows = null;
    }
  }
}
