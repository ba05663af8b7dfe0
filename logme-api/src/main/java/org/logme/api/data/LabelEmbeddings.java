package org.logme.api.data;

import java.util.List;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Embeddings of the target class names by one or more text encoders (EMMS's "label
 * embeddings"): for each of K encoders a matrix with one row per class id and E columns, every
 * encoder with the same E. Row r is the embedding of class id r, the id as it appears in the
 * labels before any remapping, so a matrix may have more rows than the classes present.
 *
 * @since 0.2
 */
public final class LabelEmbeddings {
  private static final String REMEDY =
      "Label embeddings must be finite: re-embed the class names.";

  private final List<Matrix> encoders;
  private final List<String> names;
  private final String origin;

  private LabelEmbeddings(List<Matrix> encoders, List<String> names, String origin) {
    this.encoders = encoders;
    this.names = names;
    this.origin = origin;
  }

  /**
   * @param encoders one matrix per encoder, rows = class ids, E columns each (shared, not copied)
   * @param names the encoders' names, parallel to {@code encoders} (for messages and results)
   * @param origin where the embeddings came from, used in messages
   * @return the embeddings
   * @throws InvalidInputException if there is no encoder, a matrix is empty or holds a
   *     non-finite value, or the encoders disagree on the number of rows or columns
   */
  public static LabelEmbeddings of(List<Matrix> encoders, List<String> names, String origin) {
    if (encoders.isEmpty()) {
      throw new InvalidInputException(origin + ": no label embeddings given; give at least one"
          + " [C, E] matrix (one row per class id)");
    }
    if (names.size() != encoders.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + encoders.size()
          + " encoders");
    }
    Matrix first = encoders.get(0);
    for (int k = 0; k < encoders.size(); k++) {
      Matrix m = encoders.get(k);
      String where = encoders.size() == 1 ? origin : origin + " (" + names.get(k) + ")";
      Checks.requireNonEmpty(m, where);
      Checks.requireFinite(m, where, REMEDY);
      if (m.rows() != first.rows() || m.cols() != first.cols()) {
        throw new InvalidInputException(where + ": shape (" + m.rows() + ", " + m.cols()
            + ") differs from " + names.get(0) + "'s (" + first.rows() + ", " + first.cols()
            + "); every encoder must embed the same classes with the same dimension (EMMS"
            + " combines them linearly), so leave out the encoders of another dimension");
      }
    }
    return new LabelEmbeddings(List.copyOf(encoders), List.copyOf(names), origin);
  }

  /**
   * @param embedding one encoder's C×E matrix, rows = class ids
   * @param origin where it came from (also the encoder's name)
   * @return the embeddings of one encoder
   * @throws InvalidInputException as {@link #of(List, List, String)}
   */
  public static LabelEmbeddings of(Matrix embedding, String origin) {
    return of(List.of(embedding), List.of(origin), origin);
  }

  /** @return K, the number of encoders */
  public int encoderCount() {
    return encoders.size();
  }

  /** @return the number of rows: class ids 0 .. rows − 1 have an embedding */
  public int rows() {
    return encoders.get(0).rows();
  }

  /** @return E, the embedding dimension */
  public int dimension() {
    return encoders.get(0).cols();
  }

  /**
   * @param k an encoder index, 0..K−1
   * @return its matrix (shared: do not modify)
   */
  public Matrix encoder(int k) {
    return encoders.get(k);
  }

  /** @return the encoders' names, in order */
  public List<String> names() {
    return names;
  }

  /** @return where the embeddings came from */
  public String origin() {
    return origin;
  }

  /**
   * Checks that every class of a labelling has an embedding.
   *
   * @param labels the labels the embeddings will be used with
   * @throws InvalidInputException naming the first class id without a row
   */
  public void requireCovers(Labels labels) {
    long largest = labels.classId(labels.classCount() - 1);
    if (largest >= rows()) {
      throw new InvalidInputException(origin + ": " + rows() + " rows of label embeddings, but "
          + labels.origin() + " has class id " + largest + "; row r must embed class id r, so"
          + " give one row per class id 0.." + largest);
    }
  }
}
