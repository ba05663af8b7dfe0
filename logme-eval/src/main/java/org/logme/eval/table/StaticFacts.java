package org.logme.eval.table;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.logme.api.InvalidInputException;

/**
 * Facts about pre-trained models that need no target data, one row per model (for example
 * {@code model,imagenet_top1,params}). Joined to a {@link ResultsTable} by model name with
 * {@link ResultsTable#withStaticColumns}, each fact becomes a static-baseline column: ranking
 * the models by it alone is the baseline an estimator should beat.
 *
 * @since 0.1
 */
public final class StaticFacts {
  private final String origin;
  private final List<String> columns;
  private final Map<String, double[]> byModel;

  private StaticFacts(String origin, List<String> columns, Map<String, double[]> byModel) {
    this.origin = origin;
    this.columns = List.copyOf(columns);
    this.byModel = byModel;
  }

  /**
   * @param csv a CSV file with a {@code model} column and one numeric column per fact
   * @return the facts
   * @throws InvalidInputException if the file is missing or malformed (line and column named)
   */
  public static StaticFacts read(Path csv) {
    return of(Csv.read(csv), csv.toString());
  }

  /**
   * @param in CSV text with a {@code model} column and one numeric column per fact
   * @param origin its name, for messages
   * @return the facts
   * @throws InvalidInputException if malformed
   */
  public static StaticFacts parse(Reader in, String origin) {
    return of(Csv.read(in, origin), origin);
  }

  private static StaticFacts of(List<Csv.Row> rows, String origin) {
    if (rows.isEmpty()) {
      throw new InvalidInputException(origin + ": the file is empty; it needs a header line"
          + " (model,<one column per fact>) and one line per model");
    }
    List<String> names = rows.get(0).cells();
    int model = names.indexOf(TableSpec.DEFAULT_MODEL_COLUMN);
    if (model < 0) {
      throw new InvalidInputException(origin + ": no column 'model' (the model names); the"
          + " columns present are: " + String.join(", ", names));
    }
    List<String> columns = new ArrayList<>(names);
    columns.remove(model);
    if (columns.isEmpty()) {
      throw new InvalidInputException(origin + ": no fact columns besides 'model'");
    }
    Map<String, double[]> byModel = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      List<String> cells = row.cells();
      if (cells.size() != names.size()) {
        throw new InvalidInputException(origin + ", line " + row.line() + ": " + cells.size()
            + " cells, but the header has " + names.size() + " columns");
      }
      String name = cells.get(model);
      if (name.isEmpty()) {
        throw new InvalidInputException(ResultsTableReader.where(origin, row, model, names)
            + ": empty; every line needs a model name");
      }
      Integer previous = lines.putIfAbsent(name, row.line());
      if (previous != null) {
        throw new InvalidInputException(origin + ", line " + row.line() + ": model '" + name
            + "' appears twice (lines " + previous + " and " + row.line() + ")");
      }
      double[] values = new double[columns.size()];
      int k = 0;
      for (int c = 0; c < names.size(); c++) {
        if (c != model) {
          values[k++] = Numbers.parse(cells.get(c), ResultsTableReader.where(origin, row, c,
              names));
        }
      }
      byModel.put(name, values);
    }
    return new StaticFacts(origin, columns, byModel);
  }

  /** @return where the facts came from, for messages */
  public String origin() {
    return origin;
  }

  /** @return the fact names, in file order */
  public List<String> columns() {
    return columns;
  }

  /** @return the model names, in file order */
  public List<String> models() {
    return List.copyOf(byModel.keySet());
  }

  /**
   * @param model a model name
   * @return its facts, parallel to {@link #columns()}, or empty if the model is not listed
   */
  public Optional<double[]> values(String model) {
    double[] v = byModel.get(model);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }
}
