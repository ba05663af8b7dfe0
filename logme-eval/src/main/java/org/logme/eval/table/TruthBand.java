package org.logme.eval.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logme.eval.stats.Statistic;

/**
 * How much a column's agreement with the ground truth depends on how the ground truth was made:
 * the weighted Kendall τ (mean over groups) of every column against each variant of the truth,
 * such as a probe trained at C = 0.1, 1 and 10 and with C chosen by cross-validation. The
 * spread between the lowest and highest value is the ground-truth sensitivity band: an
 * estimator that beats another by less than the band has not been shown to be better.
 * <pre>
 *   TruthBand band = TruthBand.compute(table, probeVariants);   // probe.csv of a zoo
 *   band.get("logme", "c10");    // τ_w of LogME against the probe at C = 10
 *   band.range("logme");         // [lowest, highest] over the variants
 * </pre>
 *
 * @since 0.2
 */
public final class TruthBand {
  private final List<String> variants;
  private final Map<String, List<Statistic>> byColumn;

  private TruthBand(List<String> variants, Map<String, List<Statistic>> byColumn) {
    this.variants = List.copyOf(variants);
    this.byColumn = byColumn;
  }

  /**
   * @param table the scores (its own truth is not used)
   * @param variants one column per variant of the truth, one row per model
   * @return τ_w of every column of {@code table} against every variant
   */
  public static TruthBand compute(ResultsTable table, StaticFacts variants) {
    Map<String, List<Statistic>> byColumn = new LinkedHashMap<>();
    table.columns().forEach(c -> byColumn.put(c.name(), new ArrayList<>()));
    for (String variant : variants.columns()) {
      CorrelationTable correlations = CorrelationTable.compute(
          table.withTruth(variant, variants, variant));
      for (ScoreColumn column : table.columns()) {
        byColumn.get(column.name()).add(correlations.mean(column.name(), Metric.WEIGHTED_TAU));
      }
    }
    return new TruthBand(variants.columns(), byColumn);
  }

  /** @return the variants' names, in file order */
  public List<String> variants() {
    return variants;
  }

  /** @return the columns, in table order */
  public List<String> columns() {
    return List.copyOf(byColumn.keySet());
  }

  /**
   * @param column a column of the table
   * @param variant a variant of the truth
   * @return τ_w of the column against that variant
   */
  public Statistic get(String column, String variant) {
    return byColumn.get(column).get(variants.indexOf(variant));
  }

  /**
   * @param column a column of the table
   * @return the lowest and highest defined τ_w over the variants, if any is defined
   */
  public Optional<double[]> range(String column) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Statistic s : byColumn.get(column)) {
      if (s.defined()) {
        low = Math.min(low, s.value());
        high = Math.max(high, s.value());
      }
    }
    return low > high ? Optional.empty() : Optional.of(new double[] {low, high});
  }
}
