package org.logme.io;

import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;

/**
 * An engine that computes {@link FeatureStatistics} somewhere other than in this process's own
 * pass over a file, such as a Spark cluster, found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/org.logme.io.StatisticsEngine}) so that its heavy
 * dependencies stay out of everything that does not use it. The estimators then run here, on
 * the statistics, exactly as after a streamed read.
 *
 * @since 0.1
 */
public interface StatisticsEngine {

  /** @return the name users select it by, e.g. {@code spark} */
  String name();

  /**
   * What to compute.
   *
   * @param features the feature column, e.g. {@code table.parquet:features}
   * @param labels the label column, or null
   * @param targets the target column, or null
   * @param multiLabel true if the targets are 0/1 label indicators
   * @param master where to run (the engine's own syntax, e.g. {@code local[*]}), or null for
   *     the engine's default
   */
  record Request(String features, String labels, String targets, boolean multiLabel,
      String master) {
  }

  /**
   * The statistics with the labels or targets they were accumulated with.
   *
   * @param statistics N, the centred moments and the cross scatter with the targets
   * @param labels the class labels (one per row, in an order that need not be the rows' order:
   *     the statistics no longer depend on it), or null
   * @param targets the targets (likewise), or null
   * @param description how they were computed, for the output
   */
  record Result(FeatureStatistics statistics, Labels labels, Targets targets,
      String description) {
  }

  /**
   * @param request what to compute
   * @return the statistics
   * @throws org.logme.api.InvalidInputException if the data are missing or malformed
   * @throws org.logme.api.InvalidParameterException if the request cannot be run
   */
  Result statistics(Request request);
}
