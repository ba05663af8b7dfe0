package org.logme.io;

import org.logme.api.InvalidInputException;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.data.Targets;

/**
 * Reads the validated input types from array files named as on the command line
 * ({@code F.npy}, {@code bundle.npz:name}; see {@link ArrayFiles}). The file spec becomes the
 * origin named in every message.
 *
 * @since 0.1
 */
public final class InputFiles {
  private InputFiles() {
  }

  /**
   * Reads only the header of an array file (to decide how to read the rest).
   *
   * @param spec the array file
   * @return its header
   */
  public static NpyHeader header(String spec) {
    try (NpyStream stream = ArrayFiles.open(spec)) {
      return stream.header();
    } catch (java.io.IOException e) {
      throw NpyStream.readFailure(spec, e);
    }
  }

  /**
   * @param spec the array file
   * @return N×D features
   * @throws InvalidInputException for a 1-D array (see {@link #requireTwoDimensional})
   */
  public static Features features(String spec) {
    NdArray array = ArrayFiles.load(spec);
    requireTwoDimensional(array.shape(), spec);
    return new Features(array.asMatrix(), spec);
  }

  /**
   * Features are [N, D]: a 1-D array of N values is more often labels or scores given by
   * mistake than one feature per sample, so it is refused with the way to say the latter.
   *
   * @param shape the array's shape
   * @param spec the array file
   * @throws InvalidInputException if the shape is not 2-D
   */
  public static void requireTwoDimensional(long[] shape, String spec) {
    if (shape.length != 2) {
      throw new InvalidInputException(spec + ": features must be a 2-D array [N, D], but this"
          + " one has shape (" + java.util.Arrays.stream(shape).mapToObj(Long::toString)
          .collect(java.util.stream.Collectors.joining(", ")) + (shape.length == 1 ? ",)" : ")")
          + "; if each sample really has one feature, save it as [N, 1] (x.reshape(-1, 1))");
    }
  }

  private static void requireTwoDimensional(int[] shape, String spec) {
    requireTwoDimensional(java.util.Arrays.stream(shape).asLongStream().toArray(), spec);
  }

  /**
   * @param spec the array file, 1-D (or N×1)
   * @return the class labels
   */
  public static Labels labels(String spec) {
    return Labels.of(ArrayFiles.load(spec).asVector("labels"), spec);
  }

  /**
   * @param spec the array file, N×K (or 1-D for one output)
   * @param multiLabel true for 0/1 label indicators, false for real-valued regression targets
   * @return the targets
   */
  public static Targets targets(String spec, boolean multiLabel) {
    NdArray array = ArrayFiles.load(spec);
    return multiLabel ? Targets.multiLabel(array.asMatrix(), spec)
        : Targets.regression(array.asMatrix(), spec);
  }

  /**
   * @param spec the array file, N×Cs
   * @return the source model's probabilities
   */
  public static SourceProbabilities sourceProbabilities(String spec) {
    return new SourceProbabilities(ArrayFiles.load(spec).asMatrix(), spec);
  }

  /**
   * @param spec the array file, 1-D
   * @return the source model's hard labels
   */
  public static SourceLabels sourceLabels(String spec) {
    return SourceLabels.of(ArrayFiles.load(spec).asVector("source labels"), spec);
  }
}
