package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;

class CorrelationJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of("weighted_tau", "kendall_tau_b", "spearman",
      "pearson", "top1_relative_accuracy", "regret");

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void hasExactlyTheDocumentedShape() throws Exception {
    JsonNode root = JSON.readTree(CorrelationJson.correlations(
        CorrelationTable.compute(ImageNet10Benchmark.table())));
    assertThat(names(root)).containsExactly("schema", "truth", "ties", "columns", "groups",
        "mean");
    assertThat(root.get("schema").asText()).isEqualTo("logme.correlations/2");
    assertThat(root.at("/truth/name").asText()).isEqualTo("accuracy");
    assertThat(root.at("/truth/higher_is_better").asBoolean()).isTrue();
    assertThat(root.get("ties").asText()).isEqualTo("average");
    assertThat(root.at("/columns/params/kind").asText()).isEqualTo("static");
    assertThat(root.at("/columns/logme/kind").asText()).isEqualTo("estimator");
    assertThat(names(root.get("groups"))).containsExactly("Aircraft", "Caltech101", "CIFAR10",
        "CIFAR100", "Cars", "DTD", "Pet", "SUN397");
    List<String> withModels = new ArrayList<>(KEYS);
    withModels.add("models");
    for (JsonNode group : root.get("groups")) {
      assertThat(names(group)).containsExactly("hscore", "leep", "logme", "nce",
          "imagenet_top1", "params");
      group.forEach(column -> assertThat(names(column)).isEqualTo(withModels));
      group.forEach(column -> assertThat(column.get("models").asInt()).isEqualTo(10));
    }
    assertThat(names(root.get("mean"))).containsExactly("hscore", "leep", "logme", "nce",
        "imagenet_top1", "params");
    List<String> withGroups = new ArrayList<>(KEYS);
    withGroups.add("groups");
    root.get("mean").forEach(column -> assertThat(names(column)).isEqualTo(withGroups));
    root.get("mean").forEach(column -> assertThat(column.get("groups").asInt()).isEqualTo(8));
    assertThat(root.at("/groups/Aircraft/logme/weighted_tau").asDouble())
        .isEqualTo(0.5445061644763582);
    assertThat(root.at("/groups/Cars/logme/weighted_tau").asDouble())
        .isEqualTo(0.6540976200771027);
    assertThat(root.at("/groups/CIFAR10/logme/weighted_tau").asDouble())
        .isEqualTo(0.7846427033798395);
  }

  @Test
  void anUndefinedValueIsNullAndAnUngroupedTableIsGroupAll() throws Exception {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,accuracy,flat,good\na,1,5,1\nb,2,5,2\nc,3,5,3\n"), "t.csv",
        TableSpec.truth("accuracy"));
    String text = CorrelationJson.correlations(CorrelationTable.compute(table));
    JsonNode root = JSON.readTree(text);
    assertThat(names(root.get("groups"))).containsExactly("all");
    assertThat(root.at("/groups/all/flat/weighted_tau").isNull()).isTrue();
    assertThat(root.at("/mean/flat/spearman").isNull()).isTrue();
    assertThat(root.at("/mean/flat/groups").asInt()).isZero();
    assertThat(root.at("/groups/all/flat/regret").asDouble()).isEqualTo(1.0);
    assertThat(root.at("/groups/all/good/weighted_tau").asDouble()).isEqualTo(1.0);
    assertThat(text).doesNotContain("NaN").startsWith("{\n  \"schema\": \"logme.correlations/2\",")
        .contains("\"groups\": {\n    \"all\": {").endsWith("}\n");
  }

  @Test
  void theResultsDocumentAddsReasonsColumnsRankingAndBootstrap() throws Exception {
    ResultsTable table = ImageNet10Benchmark.table();
    Report report = Report.of(table).withBootstrap(Bootstrap.run(table, 50, 3))
        .withWarnings(List.of("a warning"));
    String first = CorrelationJson.results(report);
    assertThat(CorrelationJson.results(report)).isEqualTo(first);
    JsonNode root = JSON.readTree(first);
    assertThat(names(root)).containsExactly("schema", "truth", "ties", "columns", "groups",
        "mean", "undefined", "ranking", "bootstrap", "notes", "warnings");
    assertThat(root.at("/columns/params/kind").asText()).isEqualTo("static");
    assertThat(root.at("/columns/logme/kind").asText()).isEqualTo("estimator");
    assertThat(root.at("/ranking/Aircraft/logme/0/model").asText()).isEqualTo("inception_v3");
    assertThat(root.at("/ranking/Aircraft/logme/0/rank").asInt()).isEqualTo(1);
    assertThat(root.at("/bootstrap/resamples").asInt()).isEqualTo(50);
    assertThat(root.at("/bootstrap/weighted_tau_interval/Cars/logme/low").isNumber()).isTrue();
    assertThat(root.at("/bootstrap/share_higher_weighted_tau/Cars/logme/leep").isNumber())
        .isTrue();
    assertThat(root.at("/warnings/0").asText()).isEqualTo("a warning");
  }
}
