package org.logme.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;
import org.logme.api.InvalidInputException;

/**
 * Reads the values of one column of a row: a feature vector from an {@code array<float|double|
 * int|long|...>} column or a Spark ML / MLlib {@code Vector} column, a label from an integer or
 * string column, a target from a numeric column or a numeric array column.
 *
 * @param column the column's name
 * @param kind what the column holds
 * @param origin the table and column, for messages
 */
record ColumnValues(String column, Kind kind, String origin) implements Serializable {

  /** The shapes of column this reader understands. */
  enum Kind {
    /** {@code array<numeric>}. */
    NUMERIC_ARRAY,
    /** A Spark ML ({@code org.apache.spark.ml.linalg}) or MLlib vector. */
    VECTOR,
    /** A single number. */
    NUMBER,
    /** A string (labels only). */
    STRING
  }

  /**
   * @param schema the table's schema
   * @param column a column name
   * @param origin the table, for messages
   * @return a reader of the column
   * @throws InvalidInputException if the column is missing or of a type logme cannot read
   */
  static ColumnValues of(StructType schema, String column, String origin) {
    String where = origin + ":" + column;
    StructField field;
    try {
      field = schema.apply(column);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(origin + ": no column '" + column + "'; the table has: "
          + String.join(", ", schema.fieldNames()));
    }
    DataType type = field.dataType();
    if (type instanceof ArrayType array && array.elementType() instanceof NumericType) {
      return new ColumnValues(column, Kind.NUMERIC_ARRAY, where);
    }
    if (type instanceof UserDefinedType<?> udt && udt.userClass().getName().endsWith(
        "linalg.Vector")) {
      return new ColumnValues(column, Kind.VECTOR, where);
    }
    if (type instanceof NumericType) {
      return new ColumnValues(column, Kind.NUMBER, where);
    }
    if (type instanceof StringType) {
      return new ColumnValues(column, Kind.STRING, where);
    }
    throw new InvalidInputException(where + ": the column has type " + type.simpleString()
        + "; logme reads array<float|double|...> and ML Vector columns as features, integer or"
        + " string columns as labels and numeric columns as targets");
  }

  /** @return true if each row holds a vector (features, or several targets) */
  boolean vectors() {
    return kind == Kind.NUMERIC_ARRAY || kind == Kind.VECTOR;
  }

  /**
   * Copies the row's vector into {@code dst[offset ..]}, widened to double.
   *
   * @param row a row
   * @param index the column's position in the row
   * @param dst where to put the values
   * @param offset where the row's values start
   * @param dimension D: the vector must have exactly this length
   * @param rowLabel the row, for messages (e.g. "row 17 of partition 3")
   */
  void vector(Row row, int index, double[] dst, int offset, int dimension, String rowLabel) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(origin + ": " + rowLabel + " is null; drop or fill the"
          + " rows without features first");
    }
    if (kind == Kind.VECTOR) {
      double[] values = vectorValues(row.get(index));
      requireLength(values.length, dimension, rowLabel);
      System.arraycopy(values, 0, dst, offset, dimension);
      return;
    }
    List<Object> list = row.getList(index);
    requireLength(list.size(), dimension, rowLabel);
    for (int j = 0; j < dimension; j++) {
      Object v = list.get(j);
      if (v == null) {
        throw new InvalidInputException(origin + ": " + rowLabel + " holds a null at position "
            + j + "; features must be numbers");
      }
      dst[offset + j] = ((Number) v).doubleValue();
    }
  }

  /** @return the length of the row's vector */
  int length(Row row, int index, String rowLabel) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(origin + ": " + rowLabel + " is null");
    }
    return kind == Kind.VECTOR ? vectorValues(row.get(index)).length : row.getList(index).size();
  }

  private void requireLength(int length, int dimension, String rowLabel) {
    if (length != dimension) {
      throw new InvalidInputException(origin + ": " + rowLabel + " has " + length
          + " values but the first row has " + dimension + "; every row needs the same number");
    }
  }

  private static double[] vectorValues(Object value) {
    if (value instanceof org.apache.spark.ml.linalg.Vector v) {
      return v.toArray();
    }
    if (value instanceof org.apache.spark.mllib.linalg.Vector v) {
      return v.toArray();
    }
    throw new IllegalStateException("not a vector: " + value.getClass());
  }

  /**
   * @param row a row
   * @param index the column's position
   * @param rowLabel the row, for messages
   * @return the row's number
   */
  double number(Row row, int index, String rowLabel) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(origin + ": " + rowLabel + " is null; drop the rows"
          + " without a value first");
    }
    return ((Number) row.get(index)).doubleValue();
  }

  /**
   * A label as a key: a string, or an integer class id (an integral floating value counts).
   *
   * @param row a row
   * @param index the column's position
   * @param rowLabel the row, for messages
   * @return a {@link String} or a {@link Long}
   */
  Object label(Row row, int index, String rowLabel) {
    if (row.isNullAt(index)) {
      throw new InvalidInputException(origin + ": " + rowLabel + " has no label (null); drop"
          + " the unlabelled rows first");
    }
    Object v = row.get(index);
    if (v instanceof String s) {
      return s;
    }
    if (kind != Kind.NUMBER) {
      throw new InvalidInputException(origin + ": labels must be integers or strings");
    }
    double d = ((Number) v).doubleValue();
    if (!Double.isFinite(d) || d != Math.rint(d)) {
      throw new InvalidInputException(origin + ": " + rowLabel + " has label " + v + ", not an"
          + " integer class id; for continuous targets use --targets (regression)");
    }
    if (d < 0) {
      throw new InvalidInputException(origin + ": " + rowLabel + " has label " + (long) d
          + "; labels must be non-negative integers (a negative label often marks an unlabelled"
          + " sample: drop those rows first)");
    }
    return (long) d;
  }
}
