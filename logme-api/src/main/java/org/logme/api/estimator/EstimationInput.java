package org.logme.api.estimator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.logme.api.InvalidInputException;
import org.logme.api.data.FeatureStatistics;
import org.logme.api.data.Features;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.data.Targets;

/**
 * Everything known about one model on one target task: any subset of features, labels or
 * targets, and the source model's predictions. Built with {@link #builder()}, which checks that
 * all parts describe the same N samples.
 *
 * @since 0.1
 */
public final class EstimationInput {
  private final Features features;
  private final FeatureStatistics featureStatistics;
  private final Labels labels;
  private final Targets targets;
  private final SourceProbabilities sourceProbabilities;
  private final SourceLabels sourceLabels;
  private final LabelEmbeddings labelEmbeddings;
  private final Supplier<Features> featuresOnRequest;

  private EstimationInput(Builder b) {
    this.features = b.features;
    this.featureStatistics = b.featureStatistics;
    this.labels = b.labels;
    this.targets = b.targets;
    this.sourceProbabilities = b.sourceProbabilities;
    this.sourceLabels = b.sourceLabels;
    this.labelEmbeddings = b.labelEmbeddings;
    this.featuresOnRequest = b.featuresOnRequest;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the features, if given */
  public Optional<Features> features() {
    return Optional.ofNullable(features);
  }

  /**
   * @return sufficient statistics of the features with the labels or targets, if given (an
   *     alternative to {@link #features()} for estimators that accept it)
   */
  public Optional<FeatureStatistics> featureStatistics() {
    return Optional.ofNullable(featureStatistics);
  }

  /**
   * The streamed features' rows, read into memory when called, if the caller allows it: an
   * estimator that accepts {@link #featureStatistics()} but finds them insufficient for one
   * input (H-score on rank-deficient features, whose kept directions only the rows decide)
   * may fall back to the rows instead of failing. Absent when the features are in memory, or
   * when the caller asked for streaming only.
   *
   * @return a reader of the rows (reading them once, however often it is called), if allowed
   * @since 0.2
   */
  public Optional<Supplier<Features>> featuresOnRequest() {
    return Optional.ofNullable(featuresOnRequest);
  }

  /** @return the class labels, if given */
  public Optional<Labels> labels() {
    return Optional.ofNullable(labels);
  }

  /** @return the regression or multi-label targets, if given */
  public Optional<Targets> targets() {
    return Optional.ofNullable(targets);
  }

  /** @return the source model's probabilities, if given */
  public Optional<SourceProbabilities> sourceProbabilities() {
    return Optional.ofNullable(sourceProbabilities);
  }

  /** @return the source model's hard labels, if given */
  public Optional<SourceLabels> sourceLabels() {
    return Optional.ofNullable(sourceLabels);
  }

  /**
   * @return the embeddings of the target class names, if given
   * @since 0.2
   */
  public Optional<LabelEmbeddings> labelEmbeddings() {
    return Optional.ofNullable(labelEmbeddings);
  }

  /**
   * A copy of this input with other features (for a feature transform); everything else is
   * shared.
   *
   * @param replacement the new features, same N
   * @return the input with those features and without feature statistics
   * @throws InvalidInputException if the row count differs
   * @since 0.2
   */
  public EstimationInput withFeatures(Features replacement) {
    return builder().features(replacement).labels(labels).targets(targets)
        .sourceProbabilities(sourceProbabilities).sourceLabels(sourceLabels)
        .labelEmbeddings(labelEmbeddings).build();
  }

  /**
   * @return the kinds of input present; {@link InputKind#FEATURES} means the features are in
   *     memory (see {@link #featureStatistics()} for the streamed alternative)
   */
  public Set<InputKind> present() {
    Set<InputKind> kinds = EnumSet.noneOf(InputKind.class);
    if (features != null) {
      kinds.add(InputKind.FEATURES);
    }
    if (labels != null) {
      kinds.add(InputKind.LABELS);
    }
    if (targets != null) {
      kinds.add(InputKind.TARGETS);
    }
    if (sourceProbabilities != null) {
      kinds.add(InputKind.SOURCE_PROBABILITIES);
    }
    if (sourceLabels != null) {
      kinds.add(InputKind.SOURCE_LABELS);
    }
    if (labelEmbeddings != null) {
      kinds.add(InputKind.LABEL_EMBEDDINGS);
    }
    return kinds;
  }

  /**
   * Assembles an {@link EstimationInput}.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Features features;
    private FeatureStatistics featureStatistics;
    private Labels labels;
    private Targets targets;
    private SourceProbabilities sourceProbabilities;
    private SourceLabels sourceLabels;
    private LabelEmbeddings labelEmbeddings;
    private Supplier<Features> featuresOnRequest;

    private Builder() {
    }

    /**
     * @param value the features
     * @return this builder
     */
    public Builder features(Features value) {
      this.features = value;
      return this;
    }

    /**
     * @param value sufficient statistics of the features, computed with the labels or targets
     *     given to this builder
     * @return this builder
     */
    public Builder featureStatistics(FeatureStatistics value) {
      this.featureStatistics = value;
      return this;
    }

    /**
     * @param value reads the rows of the streamed {@link #featureStatistics} into memory, for
     *     an estimator that finds the statistics insufficient (see
     *     {@link EstimationInput#featuresOnRequest()}); should read them at most once
     * @return this builder
     * @since 0.2
     */
    public Builder featuresOnRequest(Supplier<Features> value) {
      this.featuresOnRequest = value;
      return this;
    }

    /**
     * @param value the class labels
     * @return this builder
     */
    public Builder labels(Labels value) {
      this.labels = value;
      return this;
    }

    /**
     * @param value regression or multi-label targets
     * @return this builder
     */
    public Builder targets(Targets value) {
      this.targets = value;
      return this;
    }

    /**
     * @param value the source model's probabilities
     * @return this builder
     */
    public Builder sourceProbabilities(SourceProbabilities value) {
      this.sourceProbabilities = value;
      return this;
    }

    /**
     * @param value the source model's hard labels
     * @return this builder
     */
    public Builder sourceLabels(SourceLabels value) {
      this.sourceLabels = value;
      return this;
    }

    /**
     * @param value embeddings of the target class names (row r embeds class id r)
     * @return this builder
     * @since 0.2
     */
    public Builder labelEmbeddings(LabelEmbeddings value) {
      this.labelEmbeddings = value;
      return this;
    }

    /**
     * @return the input
     * @throws InvalidInputException if both labels and targets are set, if the parts
     *     disagree on the number of samples, or if a class id has no label embedding
     */
    public EstimationInput build() {
      if (labels != null && targets != null) {
        throw new InvalidInputException("both class labels (" + labels.origin()
            + ") and targets (" + targets.origin() + ") were given; give one of them");
      }
      List<String> parts = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      if (features != null) {
        parts.add("features (" + features.origin() + ")");
        counts.add(features.sampleCount());
      }
      if (featureStatistics != null) {
        parts.add("features (" + featureStatistics.origin() + ")");
        counts.add(featureStatistics.sampleCount());
        int columns = featureStatistics.crossProducts().cols();
        int expected = labels != null ? labels.classCount()
            : targets != null ? targets.outputCount() : -1;
        if (columns != expected) {
          throw new IllegalArgumentException("feature statistics with " + columns + " target"
              + " columns do not belong to the labels or targets given");
        }
      }
      if (labels != null) {
        parts.add("labels (" + labels.origin() + ")");
        counts.add(labels.sampleCount());
      }
      if (targets != null) {
        parts.add("targets (" + targets.origin() + ")");
        counts.add(targets.sampleCount());
      }
      if (sourceProbabilities != null) {
        parts.add("source probabilities (" + sourceProbabilities.origin() + ")");
        counts.add(sourceProbabilities.sampleCount());
      }
      if (sourceLabels != null) {
        parts.add("source labels (" + sourceLabels.origin() + ")");
        counts.add(sourceLabels.sampleCount());
      }
      for (int i = 1; i < counts.size(); i++) {
        if (!counts.get(i).equals(counts.get(0))) {
          boolean transposed = features != null && features.dimension() == counts.get(i)
              && i > 0 && parts.get(0).startsWith("features");
          throw new InvalidInputException("row counts disagree: " + parts.get(0) + " has "
              + counts.get(0) + " rows but " + parts.get(i) + " has " + counts.get(i) + " rows"
              + "; every input must have one row per target sample, in the same order"
              + (transposed ? " (the features have " + features.dimension() + " columns, as"
              + " many as there are targets: are they transposed? Save F.T)" : ""));
        }
      }
      if (labelEmbeddings != null && labels != null) {
        labelEmbeddings.requireCovers(labels);
      }
      return new EstimationInput(this);
    }
  }
}
