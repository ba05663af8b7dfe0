import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/** The same synthetic features as .npy (float32) and as a Spark-written Parquet table. */
public class Gen {
  public static void main(String[] a) throws IOException {
    long n = Long.parseLong(a[0]);
    int d = Integer.parseInt(a[1]), c = Integer.parseInt(a[2]);
    String out = a[3];
    new java.io.File(out).mkdirs();
    npy(out + "/features.npy", "<f4", "(" + n + ", " + d + ")", out, n, d, c, true);
    npy(out + "/labels.npy", "<i8", "(" + n + ",)", out, n, d, c, false);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("gen")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.range(0, n, 1, 8).selectExpr("cast(id % " + c + " as int) as label",
        "transform(sequence(0, " + (d - 1) + "), j -> cast(sin(id * 0.37D + j * 1.3D) * 3.0D"
        + " + cos(id * j * 0.001D) + if(id % " + c + " = j % " + c + ", 2.0D, 0.0D) as float))"
        + " as features").write().mode("overwrite").option("compression", "snappy")
        .parquet(out + "/X.parquet");
    spark.stop();
  }

  static void npy(String path, String descr, String shape, String out, long n, int d, int c,
      boolean features) throws IOException {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
        new FileOutputStream(path), 1 << 20))) {
      o.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      o.write(header.length() & 0xff);
      o.write(header.length() >> 8);
      o.write(header.getBytes(StandardCharsets.ISO_8859_1));
      ByteBuffer b = ByteBuffer.allocate(8 * Math.max(d, 1)).order(ByteOrder.LITTLE_ENDIAN);
      for (long id = 0; id < n; id++) {
        b.clear();
        if (features) {
          for (int j = 0; j < d; j++) {
            b.putFloat((float) (Math.sin(id * 0.37D + j * 1.3D) * 3.0D
                + Math.cos((double) (id * j) * 0.001D) + (id % c == j % c ? 2.0D : 0.0D)));
          }
        } else {
          b.putLong(id % c);
        }
        o.write(b.array(), 0, b.position());
      }
    }
  }
}
