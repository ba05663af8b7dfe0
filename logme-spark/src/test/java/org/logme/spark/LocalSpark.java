package org.logme.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.logme.api.linalg.Matrix;

/** One local Spark session for all tests (two cores, no UI, loopback only), and tables. */
final class LocalSpark {
  static final SparkSession SPARK = SparkSessions.getOrCreate("local[2]");

  private LocalSpark() {
  }

  /**
   * @param features N×D features, stored as array&lt;float&gt; if asFloat else array&lt;double&gt;
   * @param labels N class ids (or null)
   * @param targets N×K targets as array&lt;double&gt; (or null)
   * @param partitions how many partitions
   * @return a table with columns features and label or target
   */
  static Dataset<Row> table(Matrix features, double[] labels, Matrix targets, boolean asFloat,
      int partitions) {
    DataType element = asFloat ? DataTypes.FloatType : DataTypes.DoubleType;
    StructType schema = new StructType().add("features", DataTypes.createArrayType(element, false));
    schema = labels != null ? schema.add("label", DataTypes.LongType)
        : schema.add("target", DataTypes.createArrayType(DataTypes.DoubleType, false));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < features.rows(); i++) {
      List<Object> f = new ArrayList<>();
      for (double v : features.row(i)) {
        f.add(asFloat ? (Object) (float) v : (Object) v);
      }
      Object y;
      if (labels != null) {
        y = (long) labels[i];
      } else {
        List<Object> t = new ArrayList<>();
        for (double v : targets.row(i)) {
          t.add(v);
        }
        y = t;
      }
      rows.add(RowFactory.create(f, y));
    }
    return SPARK.createDataFrame(rows, schema).repartition(partitions);
  }
}
