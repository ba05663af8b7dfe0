package org.logme.spark;

import java.util.function.Supplier;
import org.logme.api.InvalidInputException;
import org.logme.api.LogmeException;

/**
 * Turns a failed Spark job back into the error that failed it: a task's
 * {@link InvalidInputException} (a NaN, a ragged row) reaches the driver wrapped in a
 * {@code SparkException}, whose message holds the executor's stack; the user should see the
 * message logme wrote, as on one machine. A missing table is reported as bad input too.
 */
final class SparkErrors {
  private SparkErrors() {
  }

  /**
   * @param job the Spark work
   * @param <T> its result
   * @return the result
   * @throws LogmeException the logme error that failed a task, unwrapped
   */
  static <T> T unwrapped(Supplier<T> job) {
    try {
      return job.get();
    } catch (LogmeException e) {
      throw e;
    } catch (Exception e) {
      // SparkException is checked, yet Scala code throws it through Java signatures
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LogmeException logme) {
          throw logme;
        }
      }
      String marker = InvalidInputException.class.getName() + ": ";
      String message = String.valueOf(e.getMessage());
      int at = message.indexOf(marker);
      if (at >= 0) {
        String text = message.substring(at + marker.length());
        int end = text.indexOf('\n');
        throw new InvalidInputException(end < 0 ? text : text.substring(0, end), e);
      }
      if (e.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
        throw new InvalidInputException(message.lines().findFirst().orElse(message), e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(message, e);
    }
  }
}
