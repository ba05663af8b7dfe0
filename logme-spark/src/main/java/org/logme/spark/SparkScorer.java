package org.logme.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.logme.api.InvalidParameterException;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Scores models whose features live in a Spark table with any estimator that works from
 * sufficient statistics ({@link TransferabilityEstimator#acceptsFeatureStatistics()}): LogME,
 * H-score, the shrinkage H-score. The statistics are computed on the cluster by
 * {@link SparkStatistics}; the estimators run on the driver, where they cost O(D³) whatever N.
 * A zoo (one feature column per model) is summarised in a single pass over the table.
 *
 * <pre>{@code
 *   SparkScorer scorer = new SparkScorer(List.of(logme), backend);
 *   Map<String, Map<String, EstimateResult>> byModel =
 *       scorer.scoreLabelled(table, List.of("resnet50", "vit_b16"), "label");
 * }</pre>
 *
 * @since 0.1
 */
public final class SparkScorer {
  private final List<TransferabilityEstimator> estimators;
  private final LinearAlgebraBackend backend;

  /**
   * @param estimators the estimators, each accepting feature statistics
   * @param backend the linear algebra for the driver's part
   * @throws InvalidParameterException if an estimator needs the features themselves
   */
  public SparkScorer(List<TransferabilityEstimator> estimators, LinearAlgebraBackend backend) {
    for (TransferabilityEstimator e : estimators) {
      if (!e.acceptsFeatureStatistics()) {
        throw new InvalidParameterException("estimator '" + e.name() + "' needs the features"
            + " themselves, not their statistics, so it cannot run on Spark; estimators that"
            + " can: logme, hscore, hscore-shrinkage");
      }
    }
    this.estimators = List.copyOf(estimators);
    this.backend = backend;
  }

  /**
   * @param table the table
   * @param featureColumns one feature column per model
   * @param labelColumn the class labels
   * @return by model (feature column), the result of each estimator by name
   */
  public Map<String, Map<String, EstimateResult>> scoreLabelled(Dataset<Row> table,
      List<String> featureColumns, String labelColumn) {
    return score(SparkStatistics.ofLabels(table, featureColumns, labelColumn, "table"));
  }

  /**
   * @param table the table
   * @param featureColumns one feature column per model
   * @param targetColumn the real-valued targets
   * @return by model (feature column), the result of each estimator by name
   */
  public Map<String, Map<String, EstimateResult>> scoreTargets(Dataset<Row> table,
      List<String> featureColumns, String targetColumn) {
    return score(SparkStatistics.ofTargets(table, featureColumns, targetColumn, false, "table"));
  }

  private Map<String, Map<String, EstimateResult>> score(SparkStatistics.Result statistics) {
    Map<String, Map<String, EstimateResult>> out = new LinkedHashMap<>();
    for (String model : statistics.statistics().keySet()) {
      Map<String, EstimateResult> results = new LinkedHashMap<>();
      for (TransferabilityEstimator e : estimators) {
        results.put(e.name(), e.estimate(statistics.input(model), backend));
      }
      out.put(model, results);
    }
    return out;
  }
}
