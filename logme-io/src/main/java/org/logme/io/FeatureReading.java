package org.logme.io;

import java.util.Collection;
import java.util.function.Supplier;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.Targets;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;

/**
 * Reads a feature file the cheapest way the requested estimators allow: streamed into
 * {@link FeatureStatistics} (memory independent of N) when every estimator that uses features
 * accepts them, or loaded whole. The choice and its reason are reported.
 *
 * @since 0.1
 */
public final class FeatureReading {
  private FeatureReading() {
  }

  /** How to read the features. */
  public enum Mode {
    /** Stream when every estimator allows it and N ≥ D; otherwise load. */
    AUTO,
    /** Always stream; an error when it is not possible. */
    STREAM,
    /** Always load into memory. */
    MEMORY
  }

  /**
   * The features, read one way or the other.
   *
   * @param features the features in memory, or null
   * @param statistics the streamed statistics, or null
   * @param description how they were read and why, for the output
   * @param rowsOnRequest with streamed statistics in {@link Mode#AUTO}: reads the rows if an
   *     estimator finds the statistics insufficient (see
   *     {@link EstimationInput#featuresOnRequest()}); otherwise null
   */
  public record Loaded(Features features, FeatureStatistics statistics, String description,
      Supplier<Features> rowsOnRequest) {
    /**
     * @param builder an input under construction
     * @return the builder, with these features added
     */
    public EstimationInput.Builder addTo(EstimationInput.Builder builder) {
      return statistics != null
          ? builder.featureStatistics(statistics).featuresOnRequest(rowsOnRequest)
          : builder.features(features);
    }
  }

  /**
   * @param spec the feature file ({@code F.npy}, {@code bundle.npz:NAME})
   * @param labels the class labels, or null
   * @param targets the targets, or null
   * @param estimators the estimators that will use the features
   * @param mode how to read them
   * @param backend the linear algebra for the streamed statistics
   * @return the features or their statistics
   * @throws InvalidParameterException if {@link Mode#STREAM} is asked for but not possible
   */
  public static Loaded read(String spec, Labels labels, Targets targets,
      Collection<TransferabilityEstimator> estimators, Mode mode,
      LinearAlgebraBackend backend) {
    InputFiles.Layout layout = InputFiles.layout(spec);
    String obstacle = obstacle(layout, labels != null || targets != null, estimators, mode);
    if (mode == Mode.STREAM && obstacle != null) {
      throw new InvalidParameterException("the features cannot be streamed: " + obstacle
          + "; read them into memory instead");
    }
    if (mode != Mode.MEMORY && obstacle == null) {
      FeatureStatistics statistics = labels != null
          ? StreamingStatistics.read(spec, labels, backend)
          : StreamingStatistics.read(spec, targets, backend);
      return new Loaded(null, statistics, "streamed: centred statistics (N, mean, scatter, cross"
          + " scatter) of blocks of " + StreamingStatistics.blockRows((int) layout.shape()[1])
          + " rows, merged pairwise", mode == Mode.AUTO ? readOnce(spec) : null);
    }
    return new Loaded(InputFiles.features(spec), null, "loaded into memory"
        + (obstacle == null ? "" : " (" + obstacle + ")"), null);
  }

  /** @return a reader of the features' rows that reads them on its first call only */
  private static Supplier<Features> readOnce(String spec) {
    return new Supplier<>() {
      private Features rows;

      @Override
      public synchronized Features get() {
        if (rows == null) {
          rows = InputFiles.features(spec);
        }
        return rows;
      }
    };
  }

  /** @return why the features cannot (or, in auto mode, should not) be streamed, or null */
  private static String obstacle(InputFiles.Layout layout, boolean haveTargets,
      Collection<TransferabilityEstimator> estimators, Mode mode) {
    if (!haveTargets) {
      return "streaming needs the labels or targets";
    }
    for (TransferabilityEstimator e : estimators) {
      boolean usesFeatures = e.acceptedInputs().stream()
          .anyMatch(set -> set.contains(InputKind.FEATURES));
      if (usesFeatures && !e.acceptsFeatureStatistics()) {
        return "estimator '" + e.name() + "' needs the features themselves";
      }
    }
    if (!layout.streamable()) {
      return layout.shape().length != 2 ? "the features are not a 2-D array"
          : "the feature array is stored in Fortran (column-major) order, which cannot be read"
          + " row by row";
    }
    if (mode == Mode.AUTO && layout.shape()[0] < layout.shape()[1]) {
      return "N < D: the N×N decomposition of in-memory features is cheaper";
    }
    return null;
  }
}
