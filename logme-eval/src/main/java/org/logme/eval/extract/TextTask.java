package org.logme.eval.extract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.eval.table.Csv;

/**
 * A labelled text task: texts and their classes, as read from a CSV file with a text column and
 * a label column (other columns are ignored).
 *
 * <p>Labels may be strings or integers. Class ids are the positions of the labels in sorted
 * order — numerically when every label is an integer, otherwise as strings — which is what
 * {@code numpy.unique(labels, return_inverse=True)} gives a Python user.
 *
 * @param origin the file, for messages
 * @param texts the texts, in file order
 * @param labels the class id of each text
 * @param classes the original label of each class id
 * @since 0.2
 */
public record TextTask(String origin, List<String> texts, int[] labels, List<String> classes) {
  /** The largest CSV file read (256 MiB, about two million short texts). */
  public static final long MAX_BYTES = 256L << 20;

  /**
   * Copies the lists, so that the record is immutable.
   *
   * @param origin the file, for messages
   * @param texts the texts, in file order
   * @param labels the class id of each text
   * @param classes the original label of each class id
   */
  public TextTask {
    texts = List.copyOf(texts);
    labels = labels.clone();
    classes = List.copyOf(classes);
  }

  /**
   * @param csv a UTF-8 CSV file with a header line
   * @param textColumn the column holding the texts
   * @param labelColumn the column holding the labels
   * @return the task
   * @throws InvalidInputException if a column is missing, a text or label is empty, or there
   *     are fewer than two classes
   */
  public static TextTask read(Path csv, String textColumn, String labelColumn) {
    return of(Csv.read(csv, MAX_BYTES, "a text task may have (about two million short texts)"),
        csv.toString(), textColumn, labelColumn);
  }

  /**
   * @param in CSV text with a header line
   * @param origin where it comes from, for messages
   * @param textColumn the column holding the texts
   * @param labelColumn the column holding the labels
   * @return the task
   * @throws InvalidInputException as {@link #read}
   */
  public static TextTask parse(java.io.Reader in, String origin, String textColumn,
      String labelColumn) {
    return of(Csv.read(in, origin), origin, textColumn, labelColumn);
  }

  private static TextTask of(List<Csv.Row> rows, String csv, String textColumn,
      String labelColumn) {
    if (rows.isEmpty()) {
      throw new InvalidInputException(csv + ": empty file; expected a header line with the"
          + " columns '" + textColumn + "' and '" + labelColumn + "'");
    }
    List<String> header = rows.get(0).cells();
    int text = column(csv, header, textColumn, "--text-column");
    int label = column(csv, header, labelColumn, "--label-column");
    List<String> texts = new ArrayList<>();
    List<String> rawLabels = new ArrayList<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() != header.size()) {
        throw new InvalidInputException(csv + " line " + row.line() + ": " + row.cells().size()
            + " fields, but the header has " + header.size() + " (quote fields that hold"
            + " commas: \"a, b\")");
      }
      String t = row.cells().get(text);
      String l = row.cells().get(label);
      if (t.isBlank()) {
        throw new InvalidInputException(csv + " line " + row.line() + ": the text ('"
            + textColumn + "') is empty; every row needs a text: fill it or remove the row");
      }
      if (l.isBlank()) {
        throw new InvalidInputException(csv + " line " + row.line() + ": the label ('"
            + labelColumn + "') is empty; every row needs a label: fill it or remove the row");
      }
      texts.add(t);
      rawLabels.add(l.strip());
    }
    if (texts.size() < 2) {
      throw new InvalidInputException(csv + ": " + texts.size() + " text"
          + (texts.size() == 1 ? "" : "s") + "; a task needs at least two");
    }
    List<String> classes = sortedClasses(rawLabels);
    if (classes.size() < 2) {
      throw new InvalidInputException(csv + ": every row has the label '" + classes.get(0)
          + "' (column '" + labelColumn + "'); a task needs at least two classes — is it the"
          + " right column?");
    }
    Map<String, Integer> ids = new TreeMap<>();
    for (int i = 0; i < classes.size(); i++) {
      ids.put(classes.get(i), i);
    }
    int[] labels = rawLabels.stream().mapToInt(ids::get).toArray();
    return new TextTask(csv, texts, labels, classes);
  }

  private static int column(String csv, List<String> header, String name, String option) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidInputException(csv + ": no column '" + name + "'; the columns are: "
          + String.join(", ", header) + " (choose with " + option + " NAME)");
    }
    return index;
  }

  /** Numeric order if every label is an integer, string order otherwise. */
  private static List<String> sortedClasses(List<String> labels) {
    boolean numeric = labels.stream().allMatch(TextTask::isInteger);
    Comparator<String> order = numeric ? Comparator.comparingLong(Long::parseLong)
        : Comparator.naturalOrder();
    TreeSet<String> distinct = new TreeSet<>(order);
    distinct.addAll(labels);
    return new ArrayList<>(distinct);
  }

  private static boolean isInteger(String s) {
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** @return the number of texts */
  public int size() {
    return texts.size();
  }

  /**
   * A stratified sample: each class keeps its share of the n texts (largest remainders, at
   * least one per class when n allows), chosen with {@link Random} seeded by {@code seed}, and
   * the texts stay in file order.
   *
   * @param n how many texts to keep
   * @param seed the sampling seed
   * @return the sample, or this task if it has at most n texts
   * @throws InvalidParameterException if n is smaller than the number of classes
   */
  public TextTask limit(int n, long seed) {
    if (n >= size()) {
      return this;
    }
    if (n < classes.size()) {
      throw new InvalidParameterException("--limit " + n + " is smaller than the " + classes.size()
          + " classes of " + origin + "; keep at least one text per class");
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < size(); i++) {
      byClass.get(labels[i]).add(i);
    }
    int[] quota = new int[classes.size()];
    double[] remainder = new double[classes.size()];
    int given = 0;
    for (int c = 0; c < quota.length; c++) {
      double share = (double) n * byClass.get(c).size() / size();
      quota[c] = Math.max(1, (int) Math.floor(share));
      remainder[c] = share - Math.floor(share);
      given += quota[c];
    }
    List<Integer> byRemainder = new ArrayList<>();
    for (int c = 0; c < quota.length; c++) {
      byRemainder.add(c);
    }
    byRemainder.sort(Comparator.comparingDouble((Integer c) -> -remainder[c])
        .thenComparingInt(c -> c));
    for (int i = 0; given < n; i = (i + 1) % quota.length) {
      int c = byRemainder.get(i);
      if (quota[c] < byClass.get(c).size()) {
        quota[c]++;
        given++;
      }
    }
    for (int i = quota.length - 1; given > n; i = (i + quota.length - 1) % quota.length) {
      int c = byRemainder.get(i);
      if (quota[c] > 1) {
        quota[c]--;
        given--;
      }
    }
    Random random = new Random(seed);
    TreeSet<Integer> kept = new TreeSet<>();
    for (int c = 0; c < quota.length; c++) {
      List<Integer> members = new ArrayList<>(byClass.get(c));
      Collections.shuffle(members, random);
      kept.addAll(members.subList(0, quota[c]));
    }
    List<String> texts = new ArrayList<>();
    int[] labels = new int[kept.size()];
    int k = 0;
    for (int i : kept) {
      texts.add(this.texts.get(i));
      labels[k++] = this.labels[i];
    }
    return new TextTask(origin + " (stratified sample of " + n + ", seed " + seed + ")", texts,
        labels, classes);
  }

  /** @return the SHA-256 of the texts (in order), which keys cached features */
  public String textsHash() {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String text : texts) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
