package org.logme.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.io.StatisticsEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine} and {@code --master}: where {@code score} computes the features' statistics.
 * {@code local} (the default) reads the files in this process; another engine ({@code spark})
 * is a {@link StatisticsEngine} found by ServiceLoader, so that its dependencies are loaded only
 * when it is asked for. The estimators run here either way.
 */
final class EngineOptions {
  /** The engine of this process. */
  static final String LOCAL = "local";

  @Option(names = "--engine", paramLabel = "local|spark", defaultValue = LOCAL,
      description = "Where to compute the features' statistics: local (default; this process)"
          + " or spark (Apache Spark: --features TABLE.parquet:COLUMN --labels"
          + " TABLE.parquet:COLUMN; local mode unless --master or spark-submit says otherwise).")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "The Spark master for --engine spark, e.g. local[4], spark://host:7077,"
          + " yarn (default: the one spark-submit set, else local[*]).")
  String master;

  /** @return true if another engine than this process computes the statistics */
  boolean distributed() {
    if (master != null && LOCAL.equals(engine)) {
      throw new InvalidParameterException("--master applies to --engine spark");
    }
    return !LOCAL.equals(engine);
  }

  /** The input an engine computed, with how (for the output). */
  record Computed(EstimationInput input, FeatureStatistics statistics, String description) {
  }

  /**
   * @param estimators the estimators that will run on the statistics
   * @param request what to compute
   * @return the statistics as the estimators' input
   * @throws InvalidParameterException if the engine is unknown or not installed, or an estimator
   *     needs the features themselves
   */
  Computed compute(List<TransferabilityEstimator> estimators, StatisticsEngine.Request request) {
    for (TransferabilityEstimator e : estimators) {
      if (!e.acceptsFeatureStatistics()) {
        throw new InvalidParameterException("estimator '" + e.name() + "' needs the features"
            + " themselves, which --engine " + engine + " does not bring to this machine;"
            + " estimators that run on statistics: logme, hscore, hscore-shrinkage");
      }
    }
    StatisticsEngine.Result r = find().statistics(request);
    EstimationInput input = EstimationInput.builder().featureStatistics(r.statistics())
        .labels(r.labels()).targets(r.targets()).build();
    return new Computed(input, r.statistics(), r.description());
  }

  private StatisticsEngine find() {
    List<String> names = new ArrayList<>(List.of(LOCAL));
    try {
      for (StatisticsEngine candidate : ServiceLoader.load(StatisticsEngine.class,
          EngineOptions.class.getClassLoader())) {
        if (candidate.name().equals(engine)) {
          return candidate;
        }
        names.add(candidate.name());
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw new InvalidParameterException("--engine " + engine + ": the engine's module is on"
          + " the class path but its dependencies are not (" + e.getMessage() + "); run through"
          + " ./logme, which adds Spark's jars, or spark-submit");
    }
    if (engine.equals("spark")) {
      throw new InvalidParameterException("--engine spark: the logme-spark module is not"
          + " installed; build it with 'mvn -B package -DskipTests -pl logme-spark -am' and run"
          + " through ./logme (it adds logme-spark and Spark's jars to the class path)");
    }
    throw new InvalidParameterException("unknown --engine '" + engine + "'; available: "
        + String.join(", ", names));
  }
}
