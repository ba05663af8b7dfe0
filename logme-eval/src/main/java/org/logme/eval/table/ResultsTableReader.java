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
  private ResultsTableReader() {
  }

  static ResultsTable parse(List<Csv.Row> rows, String origin, TableSpec spec) {
    if (rows.isEmpty()) {
      throw new InvalidInputException(origin + ": the file is empty; it needs a header line ("
          + spec.modelColumn() + (spec.truthColumn() == null ? "" : "," + spec.truthColumn())
          + ",<one column per estimator>) and one line per model");
    }
    Csv.Row header = rows.get(0);
    List<String> names = header.cells();
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
    List<ScoreColumn> columns = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      String name = names.get(c);
      if (!special.contains(c) && !spec.ignored().contains(name)) {
        columns.add(spec.staticColumns().contains(name) ? ScoreColumn.staticBaseline(name)
            : ScoreColumn.estimator(name));
        positions.add(c);
      }
    }
    if (columns.isEmpty()) {
      throw new InvalidInputException(origin + ": no score columns; besides " + names
          + " add one column per estimator or baseline");
    }

    ResultsTable.Builder builder = ResultsTable.builder(origin, spec.truthColumn(), columns)
        .groupColumn(spec.groupColumn());
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
    if (seen.isEmpty()) {
      throw new InvalidInputException(origin + ": the header has no lines below it; add one"
          + " line per model");
    }
    for (Map.Entry<String, Map<String, Integer>> g : seen.entrySet()) {
      if (g.getValue().size() < 2) {
        Map.Entry<String, Integer> only = g.getValue().entrySet().iterator().next();
        throw new InvalidInputException(origin + ", line " + only.getValue() + ": "
            + (groupColumn < 0 ? "the table" : "group '" + g.getKey() + "'")
            + " has only one model ('" + only.getKey() + "'); comparing rankings needs at"
            + " least two models per group");
      }
    }
    return builder.build();
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
