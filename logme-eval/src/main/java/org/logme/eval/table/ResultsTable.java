package org.logme.eval.table;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.logme.api.InvalidInputException;
import org.logme.eval.stats.Ties;

/**
 * Scores of many models by several estimators and static baselines, with an optional ground
 * truth (for example fine-tuned accuracy), split into groups (for example target datasets).
 * The order of groups, models and columns is the order of first appearance, so every output
 * derived from a table is stable.
 *
 * <p>Read from CSV with {@link #read}, or assembled with {@link #builder}.
 *
 * @since 0.1
 */
public final class ResultsTable {
  /** The name of the single group of a table without a group column. */
  public static final String ALL = "all";

  private final String origin;
  private final String truthName;
  private final boolean truthHigherIsBetter;
  private final Ties ties;
  private final String groupColumn;
  private final List<ScoreColumn> columns;
  private final List<Group> groups;
  private final List<String> notes;

  ResultsTable(String origin, String truthName, boolean truthHigherIsBetter, Ties ties,
      String groupColumn, List<ScoreColumn> columns, List<Group> groups, List<String> notes) {
    this.origin = origin;
    this.truthName = truthName;
    this.truthHigherIsBetter = truthHigherIsBetter;
    this.ties = ties;
    this.groupColumn = groupColumn;
    this.columns = List.copyOf(columns);
    this.groups = List.copyOf(groups);
    this.notes = List.copyOf(notes);
  }

  /**
   * Reads a CSV file: a header line, then one line per model (per group). An empty cell is a
   * missing value: a model without a ground truth is left out of the correlations, a missing
   * score makes that column's metrics undefined in the group.
   *
   * @param csv the file
   * @param spec which columns hold what
   * @return the table
   * @throws InvalidInputException if the file is missing or malformed; the message names the
   *     line and column
   */
  public static ResultsTable read(Path csv, TableSpec spec) {
    return ResultsTableReader.parse(Csv.read(csv), csv.toString(), spec);
  }

  /**
   * @param in CSV text
   * @param origin its name, for messages
   * @param spec which columns hold what
   * @return the table
   * @throws InvalidInputException if malformed
   */
  public static ResultsTable parse(Reader in, String origin, TableSpec spec) {
    return ResultsTableReader.parse(Csv.read(in, origin), origin, spec);
  }

  /**
   * @param origin where the values come from, for messages
   * @param truthName the ground truth's name, or null if there is none
   * @param columns the score columns
   * @return a builder
   */
  public static Builder builder(String origin, String truthName, List<ScoreColumn> columns) {
    return new Builder(origin, truthName, columns);
  }

  /** @return where the table came from (a file name), for messages */
  public String origin() {
    return origin;
  }

  /** @return the name of the ground truth (for example {@code accuracy}), if there is one */
  public Optional<String> truthName() {
    return Optional.ofNullable(truthName);
  }

  /**
   * @return true if a higher ground truth is better (accuracy), false for an error such as MSE
   *     or regret, whose negation is then correlated with the scores
   */
  public boolean truthHigherIsBetter() {
    return truthHigherIsBetter;
  }

  /** @return which model a tie at the top score picks, for the model-selection metrics */
  public Ties ties() {
    return ties;
  }

  /**
   * @param rule which model a tie at the top score picks
   * @return a copy with that rule
   */
  public ResultsTable withTies(Ties rule) {
    return new ResultsTable(origin, truthName, truthHigherIsBetter, rule, groupColumn, columns,
        groups, notes);
  }

  /**
   * @return what the reader left out or assumed, each worth one notice (for example a column of
   *     text that was ignored); empty normally
   */
  public List<String> notes() {
    return notes;
  }

  /** @return the name of the group column, if the table had one */
  public Optional<String> groupColumn() {
    return Optional.ofNullable(groupColumn);
  }

  /** @return the score columns: estimators and static baselines, in table order */
  public List<ScoreColumn> columns() {
    return columns;
  }

  /**
   * @param name a column name
   * @return its index in {@link #columns()}
   * @throws IllegalArgumentException if there is no such column
   */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column '" + name + "' in " + origin);
  }

  /** @return the groups, in table order */
  public List<Group> groups() {
    return groups;
  }

  /**
   * The same scores judged against another ground truth.
   *
   * @param name the new truth's name
   * @param facts where its values are
   * @param column the column of {@code facts} that holds them
   * @return a copy whose truth is that column; models without a row in {@code facts} have none
   */
  public ResultsTable withTruth(String name, StaticFacts facts, String column) {
    return withTruth(name, true, facts, column);
  }

  /**
   * The same scores judged against another ground truth, of either direction.
   *
   * @param name the new truth's name
   * @param higherIsBetter false for an error such as MSE
   * @param facts where its values are
   * @param column the column of {@code facts} that holds them
   * @return a copy whose truth is that column; models without a row in {@code facts} have none
   */
  public ResultsTable withTruth(String name, boolean higherIsBetter, StaticFacts facts,
      String column) {
    int c = facts.columns().indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException("no column '" + column + "' in " + facts.origin());
    }
    List<Group> regrouped = new ArrayList<>();
    for (Group g : groups) {
      double[] truth = new double[g.size()];
      for (int m = 0; m < g.size(); m++) {
        truth[m] = facts.values(g.models().get(m)).map(v -> v[c]).orElse(Double.NaN);
      }
      regrouped.add(g.withTruth(truth));
    }
    return new ResultsTable(origin, name, higherIsBetter, ties, groupColumn, columns, regrouped,
        notes);
  }

  /**
   * Adds static-baseline columns from per-model facts, joined by model name.
   *
   * @param facts facts such as ImageNet accuracy or parameter count, one row per model
   * @return a new table with one more column per fact
   * @throws InvalidInputException if a model of the table has no facts, or a fact's name is
   *     already a column
   */
  public ResultsTable withStaticColumns(StaticFacts facts) {
    List<ScoreColumn> all = new ArrayList<>(columns);
    for (String name : facts.columns()) {
      if (columns.stream().anyMatch(c -> c.name().equals(name)) || name.equals(truthName)) {
        throw new InvalidInputException(facts.origin() + ": column '" + name + "' is already a"
            + " column of " + origin + "; rename one of them");
      }
      all.add(ScoreColumn.staticBaseline(name));
    }
    List<Group> joined = new ArrayList<>();
    for (Group g : groups) {
      double[][] extra = new double[facts.columns().size()][g.size()];
      for (int m = 0; m < g.size(); m++) {
        String model = g.models().get(m);
        double[] values = facts.values(model).orElseThrow(() -> new InvalidInputException(
            facts.origin() + ": no row for model '" + model + "' (group '" + g.name() + "' of "
            + origin + "); it lists " + String.join(", ", facts.models())
            + ". Add the model or fix its name"));
        for (int c = 0; c < values.length; c++) {
          extra[c][m] = values[c];
        }
      }
      joined.add(g.withColumns(extra));
    }
    return new ResultsTable(origin, truthName, truthHigherIsBetter, ties, groupColumn, all, joined,
        notes);
  }

  /**
   * @param column the ground truth or a score column
   * @return a copy in which that column is lower-is-better
   * @throws IllegalArgumentException if there is no such column
   */
  public ResultsTable withLowerIsBetter(String column) {
    if (column.equals(truthName)) {
      return new ResultsTable(origin, truthName, false, ties, groupColumn, columns, groups,
          notes);
    }
    int index = columnIndex(column);
    List<ScoreColumn> changed = new ArrayList<>(columns);
    ScoreColumn c = columns.get(index);
    changed.set(index, new ScoreColumn(c.name(), c.kind(), false, c.setDependent()));
    return new ResultsTable(origin, truthName, truthHigherIsBetter, ties, groupColumn, changed,
        groups, notes);
  }

  /**
   * The table without some models, in every group: the basis of the ablations (how the
   * correlations change when models leave the candidate set). Scores are kept as they are, so
   * a set-dependent column keeps the values it had over the full set.
   *
   * @param models model names; names the table does not have are ignored
   * @return a copy without those rows (a group may be left with fewer than two models, where
   *     every metric is then undefined)
   * @since 0.2
   */
  public ResultsTable withoutModels(java.util.Set<String> models) {
    if (models.isEmpty()) {
      return this;
    }
    return new ResultsTable(origin, truthName, truthHigherIsBetter, ties, groupColumn, columns,
        groups.stream().map(g -> g.without(models)).toList(), notes);
  }

  /**
   * Adds the score columns of another table, joined by group and model name: a user's own
   * scores beside a published ground truth.
   *
   * @param scores a table of scores (its ground truth, if any, is ignored) with the same groups
   *     and model names, or with one group when this table has one
   * @return a new table with the other's columns appended (missing where the other has no
   *     value)
   * @throws InvalidInputException if a column name is taken, or the other table names a group
   *     or model this one does not have (the message lists those it has)
   */
  public ResultsTable withScores(ResultsTable scores) {
    List<ScoreColumn> all = new ArrayList<>(columns);
    for (ScoreColumn c : scores.columns()) {
      if (columns.stream().anyMatch(mine -> mine.name().equals(c.name()))
          || c.name().equals(truthName)) {
        throw new InvalidInputException(scores.origin() + ": column '" + c.name() + "' is already"
            + " a column of " + origin + "; rename it");
      }
      all.add(c);
    }
    boolean oneGroup = scores.groups().size() == 1 && groups.size() == 1;
    for (Group theirs : scores.groups()) {
      Group mine = groups.stream().filter(g -> oneGroup || g.name().equals(theirs.name()))
          .findFirst().orElseThrow(() -> new InvalidInputException(scores.origin() + ": group '"
              + theirs.name() + "' is not a group of " + origin + "; its groups are: "
              + String.join(", ", groups.stream().map(Group::name).toList())));
      for (String model : theirs.models()) {
        if (!mine.models().contains(model)) {
          throw new InvalidInputException(scores.origin() + ": model '" + model + "' (group '"
              + theirs.name() + "') is not in " + origin + "; its models there are: "
              + String.join(", ", mine.models()));
        }
      }
    }
    List<Group> joined = new ArrayList<>();
    for (Group g : groups) {
      Optional<Group> theirs = scores.groups().stream().filter(s -> oneGroup
          || s.name().equals(g.name())).findFirst();
      double[][] extra = new double[scores.columns().size()][g.size()];
      for (double[] column : extra) {
        Arrays.fill(column, Double.NaN);
      }
      theirs.ifPresent(t -> {
        for (int m = 0; m < t.size(); m++) {
          int at = g.models().indexOf(t.models().get(m));
          for (int c = 0; c < extra.length; c++) {
            extra[c][at] = t.score(c, m).orElse(Double.NaN);
          }
        }
      });
      joined.add(g.withColumns(extra));
    }
    return new ResultsTable(origin, truthName, truthHigherIsBetter, ties, groupColumn, all, joined,
        notes);
  }

  /**
   * Assembles a {@link ResultsTable} row by row.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String origin;
    private final String truthName;
    private final List<ScoreColumn> columns;
    private final Map<String, List<String>> models = new LinkedHashMap<>();
    private final Map<String, List<Double>> truth = new LinkedHashMap<>();
    private final Map<String, List<double[]>> scores = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String groupColumn;
    private boolean truthHigherIsBetter = true;
    private Ties ties = Ties.AVERAGE;

    private Builder(String origin, String truthName, List<ScoreColumn> columns) {
      this.origin = origin;
      this.truthName = truthName;
      this.columns = List.copyOf(columns);
      long distinct = columns.stream().map(ScoreColumn::name).distinct().count();
      if (distinct != columns.size()) {
        throw new IllegalArgumentException("duplicate column names in " + columns);
      }
    }

    /**
     * @param name the name of the column the groups came from
     * @return this builder
     */
    public Builder groupColumn(String name) {
      this.groupColumn = name;
      return this;
    }

    /**
     * @param value false if the ground truth is an error (lower is better); true by default
     * @return this builder
     */
    public Builder truthHigherIsBetter(boolean value) {
      this.truthHigherIsBetter = value;
      return this;
    }

    /**
     * @param rule which model a tie at the top score picks ({@link Ties#AVERAGE} by default)
     * @return this builder
     */
    public Builder ties(Ties rule) {
      this.ties = rule;
      return this;
    }

    /**
     * @param note something the user should know about how the table was read
     * @return this builder
     */
    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    /**
     * @param group the group, {@link ResultsTable#ALL} if there is only one
     * @param model the model name, unique within the group
     * @param truthValue its ground truth; empty if unknown
     * @param values its score per column name; a column left out is missing for this model
     * @return this builder
     * @throws InvalidInputException if the model is already in the group, a value is not
     *     finite, or a column is unknown
     */
    public Builder add(String group, String model, OptionalDouble truthValue,
        Map<String, Double> values) {
      List<String> names = models.computeIfAbsent(group, g -> new ArrayList<>());
      if (names.contains(model)) {
        throw new InvalidInputException(origin + ": model '" + model + "' appears twice in group '"
            + group + "'; model names must be unique within a group");
      }
      if (truthValue.isPresent() && truthName == null) {
        throw new IllegalArgumentException("this table has no ground truth");
      }
      double[] row = new double[columns.size()];
      Arrays.fill(row, Double.NaN);
      for (Map.Entry<String, Double> e : values.entrySet()) {
        int c = indexOf(e.getKey());
        double v = e.getValue();
        if (!Double.isFinite(v)) {
          throw new InvalidInputException(origin + ": the '" + e.getKey() + "' score of model '"
              + model + "' is " + v + "; scores must be finite");
        }
        row[c] = v;
      }
      double t = truthValue.orElse(Double.NaN);
      if (truthValue.isPresent() && !Double.isFinite(t)) {
        throw new InvalidInputException(origin + ": the " + truthName + " of model '" + model
            + "' is " + t + "; it must be finite");
      }
      names.add(model);
      truth.computeIfAbsent(group, g -> new ArrayList<>()).add(t);
      scores.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
      return this;
    }

    private int indexOf(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).name().equals(column)) {
          return i;
        }
      }
      throw new IllegalArgumentException("unknown column '" + column + "'");
    }

    /** @return the table */
    public ResultsTable build() {
      List<Group> groups = new ArrayList<>();
      for (String name : models.keySet()) {
        List<double[]> rows = scores.get(name);
        double[][] byColumn = new double[columns.size()][rows.size()];
        for (int m = 0; m < rows.size(); m++) {
          for (int c = 0; c < columns.size(); c++) {
            byColumn[c][m] = rows.get(m)[c];
          }
        }
        double[] t = truthName == null ? null
            : truth.get(name).stream().mapToDouble(Double::doubleValue).toArray();
        groups.add(new Group(name, models.get(name), t, byColumn));
      }
      return new ResultsTable(origin, truthName, truthHigherIsBetter, ties, groupColumn, columns,
          groups, notes);
    }
  }
}
