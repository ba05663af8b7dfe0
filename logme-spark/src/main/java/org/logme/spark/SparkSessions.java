package org.logme.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session logme runs on: the one already active (under {@code spark-submit}, or in a
 * user's program), else a new one. A new session takes the master given, else the one
 * {@code spark-submit} configured ({@code spark.master}), else {@code local[*]}. In local mode
 * the driver binds to 127.0.0.1 (by default it binds to the first non-loopback address, which
 * may not accept connections) and the web UI is off.
 *
 * @since 0.1
 */
public final class SparkSessions {
  /** The master when none is configured: every core of this machine. */
  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {
  }

  /**
   * @param master a Spark master URL ({@code local[2]}, {@code spark://host:7077},
   *     {@code yarn}, ...), or null for the configured one or {@link #DEFAULT_MASTER}
   * @return the session
   */
  public static SparkSession getOrCreate(String master) {
    SparkSession active = SparkSession.getActiveSession().isDefined()
        ? SparkSession.getActiveSession().get()
        : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
        : null;
    if (active != null && (master == null || master.equals(active.sparkContext().master()))) {
      return active;
    }
    SparkConf configured = new SparkConf();
    String chosen = master != null ? master : configured.get("spark.master", DEFAULT_MASTER);
    SparkSession.Builder builder = SparkSession.builder().appName("logme").master(chosen);
    if (chosen.startsWith("local")) {
      builder.config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "8");
    }
    return builder.getOrCreate();
  }
}
