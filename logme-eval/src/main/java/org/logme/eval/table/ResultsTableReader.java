package org.logme.eval.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.logme.api.InvalidInputException;

/** Builds a {@link ResultsTable} from parsed CSV rows, validating every cell. */
final class ResultsTableReader {
  /** The header prefix that marks a static-baseline column. */
  static final String STATIC_PREFIX = "static:";

  private ResultsTableReader() {
  }

  static ResultsTable parse(List<Csv.Row> rows, String origin, TableSpec spec) {
    if (rows.isEmpty()) {
      throw new InvalidInputException(origin + ": the file is empty; it needs a header line ("
          + spec.modelColumn() + (spec.truthColumn() == null ? "" : "," + spec.truthColumn())
          + ",<one column per estimator>) and one line per model");
    }
    Csv.Row header = rows.get(0);
    // "static:NAME" marks a static baseline in the header (as results.csv writes it)
    Set<String> markedStatic = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (String cell : header.cells()) {
      boolean marked = cell.startsWith(STATIC_PREFIX);
      String name = marked ? cell.substring(STATIC_PREFIX.length()) : cell;
      if (marked) {
        markedStatic.add(name);
      }
      names.add(name);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < names.size(); c++) {
      String name = names.get(c);
      if (name.isEmpty()) {
        throw new InvalidInputException(origin + ", line " + header.line() + ", column "
            + (c + 1) + ": the header has an empty column name; name every column");
      }
      Integer previous = index.put(name, c);
      if (previous != null) {
        throw new InvalidInputException(origin + ", line " + header.line() + ": column '" + name
            + "' appears twice (columns " + (previous + 1) + " and " + (c + 1)
            + "); column names must be unique");
      }
    }
    int modelColumn = require(index, spec.modelColumn(), "the model names", origin, names);
    int truthColumn = spec.truthColumn() == null ? -1
        : require(index, spec.truthColumn(), "the ground truth", origin, names);
    int groupColumn = spec.groupColumn() == null ? -1
        : require(index, spec.groupColumn(), "the groups", origin, names);
    for (String name : spec.staticColumns()) {
      require(index, name, "a static baseline", origin, names);
    }
    for (String name : spec.ignored()) {
      require(index, name, "a column to ignore", origin, names);
    }
    for (String name : spec.lowerIsBetter()) {
      require(index, name, "a lower-is-better column", origin, names);
    }
    for (String name : spec.keptColumns().orElse(List.of())) {
      require(index, name, "a score column to keep", origin, names);
    }

    Set<Integer> special = new HashSet<>();
    for (int c : new int[] {modelColumn, truthColumn, groupColumn}) {
      if (c >= 0 && !special.add(c)) {
        throw new InvalidInputException(origin + ": column '" + names.get(c) + "' is given for"
            + " two roles (model names, ground truth, groups); give each role its own column");
      }
    }
    for (String name : union(spec.staticColumns(), spec.ignored())) {
      if (special.contains(index.get(name))) {
        throw new InvalidInputException(origin + ": column '" + name + "' holds the model names,"
            + " the ground truth or the groups; it cannot also be a baseline or ignored");
      }
    }
    List<String> notes = new ArrayList<>();
    Map<Integer, String> textColumns = textColumns(rows, names);
    List<Integer> candidates = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      if (!special.contains(c) && !spec.ignored().contains(names.get(c))) {
        candidates.add(c);
      }
    }
    if (spec.keptColumns().isPresent()) {
      candidates = spec.keptColumns().get().stream().map(index::get)
          .filter(c -> !special.contains(c)).toList();
    }
    List<ScoreColumn> columns = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int c : candidates) {
      String name = names.get(c);
      boolean isStatic = spec.staticColumns().contains(name) || markedStatic.contains(name);
      boolean named = isStatic || spec.lowerIsBetter().contains(name)
          || spec.keptColumns().isPresent();
      if (textColumns.containsKey(c) && !named) {
        // a column of words is no estimator: leave it out, with one notice
        notes.add("column '" + name + "' holds text (" + textColumns.get(c) + "), not scores;"
            + " it is left out" + (spec.groupColumn() == null ? " (if it names the groups, say"
            + " so with --group " + name + ")" : ""));
        continue;
      }
      columns.add(new ScoreColumn(name, isStatic ? ColumnKind.STATIC_BASELINE
          : ColumnKind.ESTIMATOR,
          !spec.lowerIsBetter().contains(name)));
      positions.add(c);
    }
    if (columns.isEmpty()) {
      throw new InvalidInputException(origin + ": no score columns; besides " + names
          + " add one column per estimator or baseline" + (notes.isEmpty() ? ""
          : " (" + String.join("; ", notes) + ")"));
    }
    if (spec.truthColumn() != null && textColumns.containsKey(truthColumn)) {
      throw new InvalidInputException(origin + ": the ground-truth column '" + spec.truthColumn()
          + "' holds text (" + textColumns.get(truthColumn) + "); --truth names the column of"
          + " fine-tuned accuracies (or another number per model)");
    }

    ResultsTable.Builder builder = ResultsTable.builder(origin, spec.truthColumn(), columns)
        .groupColumn(spec.groupColumn())
        .truthHigherIsBetter(spec.truthColumn() == null
            || !spec.lowerIsBetter().contains(spec.truthColumn()))
        .ties(spec.ties());
    notes.forEach(builder::note);
    Set<String> skippedGroups = new TreeSet<>(spec.skippedGroups());
    Map<String, Map<String, Integer>> seen = new LinkedHashMap<>(); // group -> model -> line
    for (Csv.Row row : rows.subList(1, rows.size())) {
      List<String> cells = row.cells();
      if (cells.size() != names.size()) {
        throw new InvalidInputException(origin + ", line " + row.line() + ": " + cells.size()
            + " cells, but the header has " + names.size() + " columns; every line needs one"
            + " cell per column (leave a cell empty for a missing score)");
      }
      String model = nonEmpty(cells, modelColumn, row, origin, names, "a model name");
      String group = groupColumn < 0 ? ResultsTable.ALL
          : nonEmpty(cells, groupColumn, row, origin, names, "a group name");
      if (spec.skippedGroups().contains(group)) {
        skippedGroups.remove(group);
        continue;
      }
      Integer previous = seen.computeIfAbsent(group, g -> new LinkedHashMap<>())
          .putIfAbsent(model, row.line());
      if (previous != null) {
        throw new InvalidInputException(origin + ", line " + row.line() + ": model '" + model
            + "' appears twice" + (groupColumn < 0 ? "" : " in group '" + group + "'")
            + " (lines " + previous + " and " + row.line() + "); keep one line per model"
            + (groupColumn < 0 ? ", or name the group column" : ""));
      }
      OptionalDouble truth = OptionalDouble.empty();
      if (truthColumn >= 0 && !cells.get(truthColumn).isEmpty()) {
        truth = OptionalDouble.of(Numbers.parse(cells.get(truthColumn),
            where(origin, row, truthColumn, names)));
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (int k = 0; k < columns.size(); k++) {
        int c = positions.get(k);
        if (!cells.get(c).isEmpty()) {
          values.put(columns.get(k).name(), Numbers.parse(cells.get(c), where(origin, row, c,
              names)));
        }
      }
      builder.add(group, model, truth, values);
    }
    if (!skippedGroups.isEmpty()) {
      throw new InvalidInputException(origin + ": no group " + String.join(", ", skippedGroups)
          + " to skip; the groups are: " + String.join(", ", seen.keySet()));
    }
    if (seen.isEmpty()) {
      throw new InvalidInputException(origin + ": the header has no lines below it; add one"
          + " line per model");
    }
    // a group with one model has nothing to rank: its values are undefined, with the reason;
    // a table in which no group has two models has nothing to report at all
    if (seen.values().stream().allMatch(models -> models.size() < 2)) {
      Map.Entry<String, Map<String, Integer>> g = seen.entrySet().iterator().next();
      Map.Entry<String, Integer> only = g.getValue().entrySet().iterator().next();
      throw new InvalidInputException(origin + ", line " + only.getValue() + ": "
          + (groupColumn < 0 ? "the table" : "every group") + " has only one model ('"
          + only.getKey() + "'" + (groupColumn < 0 ? "" : " in '" + g.getKey() + "'")
          + "); comparing rankings needs at least two models per group");
    }
    return builder.build();
  }

  /**
   * The columns of text: every non-empty cell is a word, not a number (the columns of model
   * names and groups are among them, naturally), each with its first cell and line, for the
   * notice. A column of numbers with one malformed cell is not one: that cell is an error.
   */
  private static Map<Integer, String> textColumns(List<Csv.Row> rows, List<String> names) {
    Map<Integer, String> first = new LinkedHashMap<>();
    Set<Integer> numeric = new HashSet<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      List<String> cells = row.cells();
      for (int c = 0; c < Math.min(cells.size(), names.size()); c++) {
        String cell = cells.get(c);
        if (cell.isEmpty()) {
          continue;
        }
        if (Numbers.isText(cell)) {
          first.putIfAbsent(c, "'" + cell + "' on line " + row.line());
        } else {
          numeric.add(c);
        }
      }
    }
    first.keySet().removeAll(numeric);
    return first;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static int require(Map<String, Integer> index, String name, String role,
      String origin, List<String> names) {
    Integer c = index.get(name);
    if (c == null) {
      throw new InvalidInputException(origin + ": no column '" + name + "' (" + role
          + "); the columns present are: " + String.join(", ", names));
    }
    return c;
  }

  private static String nonEmpty(List<String> cells, int c, Csv.Row row, String origin,
      List<String> names, String what) {
    String cell = cells.get(c);
    if (cell.isEmpty()) {
      throw new InvalidInputException(where(origin, row, c, names) + ": empty; " + what
          + " is required on every line");
    }
    return cell;
  }

  static String where(String origin, Csv.Row row, int column, List<String> names) {
    return origin + ", line " + row.line() + ", column " + (column + 1) + " ('"
        + names.get(column) + "')";
  }
}
