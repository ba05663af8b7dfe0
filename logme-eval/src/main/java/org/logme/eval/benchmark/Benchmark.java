package org.logme.eval.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.logme.eval.table.Group;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.StaticFacts;
import org.logme.eval.table.TableSpec;

/**
 * A published benchmark table shipped in the jar: per target dataset (or group) and
 * pre-trained model, the ground truth and, where the source published them, estimator scores,
 * with where it comes from ({@code provenance.json} beside {@code table.csv}: repository,
 * files and commits, licence, the protocol of the ground truth — fine-tuning or linear probe,
 * image size — and its known defects).
 *
 * @since 0.1
 */
public final class Benchmark {
  private final String name;
  private final JsonNode provenance;

  Benchmark(String name, JsonNode provenance) {
    this.name = name;
    this.provenance = provenance;
  }

  /** @return the name {@code logme benchmarks} knows it by */
  public String name() {
    return name;
  }

  /** @return one line: what the table holds */
  public String title() {
    return provenance.path("title").asText();
  }

  /** @return the unit of the ground truth: {@code percent} or {@code fraction} */
  public String accuracyUnit() {
    return provenance.path("accuracy").asText();
  }

  /** @return the whole provenance record, as shipped */
  public JsonNode provenance() {
    return provenance;
  }

  /** @return the score columns the source published (empty for a ground-truth-only table) */
  public List<String> estimators() {
    return table().columns().stream().filter(c -> !c.isStatic()).map(c -> c.name()).toList();
  }

  /**
   * @return the table: grouped as the source groups it (usually by target dataset), ground
   *     truth {@code accuracy}, the published scores, and static baselines (ImageNet top-1,
   *     parameters) where they are known for its models
   */
  public ResultsTable table() {
    JsonNode spec = provenance.path("spec");
    TableSpec tableSpec = TableSpec.truth(spec.path("truth").asText())
        .withGroup(spec.path("group").asText())
        .withModelColumn(spec.path("model").asText())
        .withIgnored(strings(spec.path("ignored")));
    if (spec.has("columns")) {
      tableSpec = tableSpec.withColumns(List.copyOf(strings(spec.path("columns"))));
    }
    ResultsTable table;
    try (Reader in = open(tablePath())) {
      table = ResultsTable.parse(in, name, tableSpec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String facts = spec.path("facts").isTextual() ? spec.path("facts").asText() : null;
    if (facts != null) {
      try (Reader in = open(facts)) {
        table = table.withStaticColumns(StaticFacts.parse(in, facts));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return table;
  }

  /**
   * @return the ground truth by model and dataset key, for the tables keyed by the names the
   *     torchvision tables share ({@code model_key}, {@code dataset_key}), in percent; empty for
   *     the others
   */
  Map<String, Double> accuracyByKey() {
    if (!provenance.path("spec").path("model").asText().equals("model_key")) {
      return Map.of();
    }
    double scale = accuracyUnit().equals("fraction") ? 100 : 1;
    Map<String, Double> byKey = new LinkedHashMap<>();
    for (Group g : table().groups()) {
      for (int m = 0; m < g.size(); m++) {
        int index = m;
        g.truth(m).ifPresent(v -> byKey.put(key(g.models().get(index), g.name()), v * scale));
      }
    }
    return byKey;
  }

  static String key(String model, String dataset) {
    return model + " on " + dataset;
  }

  private String tablePath() {
    String table = provenance.path("table").asText("table.csv");
    return table.startsWith("/") ? table : Benchmarks.ROOT + name + "/" + table;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static Reader open(String resource) {
    InputStream in = Benchmark.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("resource " + resource + " is missing from the jar");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /**
   * @return the provenance as readable lines: title, source (repository, files, commits),
   *     licence, protocol, known defects and notes
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(name + ": " + title());
    JsonNode source = provenance.path("source");
    lines.add("source: " + source.path("repository").asText());
    source.path("files").forEach(f -> lines.add("  file: " + f.asText()));
    source.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("repository") && !e.getKey().equals("files")
          && !e.getValue().isNull()) {
        lines.add("  " + e.getKey() + ": " + e.getValue().asText());
      }
    });
    lines.add("licence: " + provenance.path("licence").asText());
    lines.add("ground truth unit: " + accuracyUnit());
    JsonNode protocol = provenance.path("protocol");
    if (protocol.isObject()) {
      protocol.fields().forEachRemaining(e -> lines.add("protocol, " + e.getKey() + ": "
          + e.getValue().asText()));
    } else {
      lines.add("protocol: " + protocol.asText());
    }
    provenance.path("known_defects").forEach(d -> lines.add("known defect: " + d.asText()));
    Optional.ofNullable(provenance.get("notes")).ifPresent(n -> lines.add("note: "
        + n.asText()));
    return lines;
  }
}
