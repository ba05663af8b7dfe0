package org.logme.probe;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A model's probe accuracies: at every C of the grid, and with C chosen per outer fold by inner
 * cross-validation. Each is the mean over the outer folds of the fraction of test samples
 * classified correctly (as scikit-learn's {@code cross_val_score(...).mean()}).
 *
 * @param byC the accuracy at each C, by C
 * @param nested the accuracy with C chosen by inner cross-validation
 * @param chosen the C chosen for each outer fold
 * @since 0.2
 */
public record ProbeAccuracy(SortedMap<Double, Double> byC, double nested, List<Double> chosen) {

  /**
   * Copies the arguments, so that the record is immutable.
   *
   * @param byC the accuracy at each C, by C
   * @param nested the accuracy with C chosen by inner cross-validation
   * @param chosen the C chosen for each outer fold
   */
  public ProbeAccuracy {
    byC = Collections.unmodifiableSortedMap(new TreeMap<>(byC));
    chosen = List.copyOf(chosen);
  }

  /**
   * @param c a C of the grid
   * @return the accuracy at that C
   * @throws NoSuchElementException if C is not in the grid
   */
  public double at(double c) {
    Double value = byC.get(c);
    if (value == null) {
      throw new NoSuchElementException("C = " + c + " is not in the probe's grid " + byC.keySet());
    }
    return value;
  }

  /**
   * @return every variant by its column name: {@code c0.1}, {@code c1}, {@code c10} and
   *     {@code cv} (nested), in that order
   */
  public Map<String, Double> variants() {
    Map<String, Double> out = new java.util.LinkedHashMap<>();
    byC.forEach((c, accuracy) -> out.put(columnName(c), accuracy));
    out.put(NESTED, nested);
    return out;
  }

  /** The column name of the nested-CV accuracy. */
  public static final String NESTED = "cv";

  /**
   * @param c a value of C
   * @return its column name, {@code c0.1} for 0.1
   */
  public static String columnName(double c) {
    return "c" + ProbeSettings.c(c);
  }
}
