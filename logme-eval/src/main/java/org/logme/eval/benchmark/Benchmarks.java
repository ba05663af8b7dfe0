package org.logme.eval.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.logme.api.UnknownPluginException;

/**
 * The published benchmark tables shipped in the jar, by name (listed in
 * {@code org/logme/eval/benchmarks/index.txt}), and where two of them disagree about the same
 * model on the same dataset.
 *
 * <pre>
 *   Benchmark table = Benchmarks.get("stable-transfer-architectures");
 *   CorrelationTable correlations = CorrelationTable.compute(table.table());
 * </pre>
 *
 * @since 0.1
 */
public final class Benchmarks {
  /** Where the tables are, one directory each. */
  static final String ROOT = "/org/logme/eval/benchmarks/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Benchmarks() {
  }

  /** Read once, on first use. */
  private static final class Catalog {
    static final Map<String, Benchmark> ALL = load();
  }

  private static Map<String, Benchmark> load() {
    Map<String, Benchmark> all = new LinkedHashMap<>();
    try (BufferedReader index = new BufferedReader(Benchmark.open(ROOT + "index.txt"))) {
      for (String line = index.readLine(); line != null; line = index.readLine()) {
        String name = line.strip();
        if (!name.isEmpty()) {
          try (Reader in = Benchmark.open(ROOT + name + "/provenance.json")) {
            all.put(name, new Benchmark(name, JSON.readTree(in)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** @return every table, in the order of the index */
  public static List<Benchmark> all() {
    return List.copyOf(Catalog.ALL.values());
  }

  /**
   * @param name a table's name
   * @return the table
   * @throws UnknownPluginException if there is none by that name (the message lists them)
   */
  public static Benchmark get(String name) {
    Benchmark b = Catalog.ALL.get(name);
    if (b == null) {
      throw new UnknownPluginException("benchmark table", name, Catalog.ALL.keySet());
    }
    return b;
  }

  /**
   * A cell two tables give different values: the same model fine-tuned on the same dataset,
   * in percent.
   *
   * @param model the model's key
   * @param dataset the dataset's key
   * @param value this table's value
   * @param other the other table
   * @param otherValue its value
   */
  public record Disagreement(String model, String dataset, double value, String other,
      double otherValue) {
  }

  /**
   * Every cell of a table that another table, naming models and datasets with the same keys,
   * gives another value (by more than 1e-9 percentage points): both are shown, never merged.
   *
   * @param benchmark a table
   * @return the disagreements, by other table, then in this table's order
   */
  public static List<Disagreement> disagreements(Benchmark benchmark) {
    Map<String, Double> mine = benchmark.accuracyByKey();
    List<Disagreement> out = new ArrayList<>();
    if (mine.isEmpty()) {
      return out;
    }
    for (Benchmark other : all()) {
      if (other == benchmark) {
        continue;
      }
      Map<String, Double> theirs = other.accuracyByKey();
      mine.forEach((key, value) -> {
        Double their = theirs.get(key);
        if (their != null && Math.abs(their - value) > 1e-9) {
          String[] parts = key.split(" on ", 2);
          out.add(new Disagreement(parts[0], parts[1], value, other.name(), their));
        }
      });
    }
    return out;
  }
}
