package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.ablation.Ablations;
import org.logme.eval.ablation.LeaveOut;
import org.logme.eval.ablation.LeaveOutResult;
import org.logme.eval.ablation.RemoveLargest;
import org.logme.eval.ablation.RemoveLargestResult;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.ResultsTable;

/** The ablations in the three renderings: text, JSON and the HTML page. */
class AblationReportTest {
  private static final ResultsTable TABLE = ImageNet10Benchmark.table();
  private static final LeaveOutResult ONE = LeaveOut.run(TABLE, 1, 1000, 1);
  private static final RemoveLargestResult LARGEST = RemoveLargest.run(TABLE, "params", -1);

  @Test
  void theTextTablesShowTheSpreadAndTheCurve() {
    String leave = AblationTables.leaveOut(ONE);
    assertThat(leave).startsWith("Leave 1 model out (all 10 subsets)")
        .contains("static baselines (no target data):");
    double min = ONE.distribution("logme").min();
    assertThat(leave.lines().filter(l -> l.startsWith("logme ")).findFirst().orElseThrow())
        .contains(String.format(java.util.Locale.ROOT, "%.4f", min))
        .contains("without " + ONE.largestChange("logme").orElseThrow().removed().get(0));
    String curve = AblationTables.removeLargest(LARGEST);
    assertThat(curve).contains("m=0", "m=7", "1. resnet152 (60192808)");
  }

  @Test
  void theJsonCarriesEveryNumberOfTheText() throws Exception {
    JsonNode node = new ObjectMapper().readTree(CorrelationJson.ablationsNode(
        new Ablations(List.of(ONE), LARGEST)).toString());
    JsonNode logme = node.at("/leave_out/0/weighted_tau/logme");
    assertThat(node.at("/leave_out/0/k").asInt()).isEqualTo(1);
    assertThat(node.at("/leave_out/0/exhaustive").asBoolean()).isTrue();
    assertThat(logme.get("min").asDouble()).isEqualTo(ONE.distribution("logme").min());
    assertThat(logme.get("median").asDouble()).isEqualTo(ONE.distribution("logme").median());
    assertThat(logme.get("best_share").asDouble()).isEqualTo(ONE.bestShare("logme"));
    assertThat(node.at("/remove_largest/order/0/model").asText()).isEqualTo("resnet152");
    assertThat(node.at("/remove_largest/weighted_tau/logme").size()).isEqualTo(8);
    assertThat(node.at("/remove_largest/weighted_tau/logme/3").asDouble())
        .isEqualTo(LARGEST.curve("logme")[3]);
  }

  @Test
  void thePageShowsTheAblationsOnlyWhenComputed(@TempDir Path dir) throws Exception {
    String plain = Files.readString(ReportWriter.write(dir.resolve("a"), Report.of(TABLE)));
    assertThat(plain).doesNotContain("How much the comparison depends")
        .doesNotContain("Leave-k-out removes");
    Report full = Report.of(TABLE).withBootstrap(Bootstrap.run(TABLE, 50, 1))
        .withAblations(new Ablations(List.of(ONE), LARGEST));
    String html = Files.readString(ReportWriter.write(dir.resolve("b"), full));
    assertThat(html).contains("<h3>Leave 1 model out</h3>", "<h3>Removing the largest models</h3>",
        "<h3>Win rates</h3>", "Leave-k-out removes each set", "Removing the largest models"
            + " orders the models");
    // one box per column, one curve per column, one interval per pair of columns
    int columns = TABLE.columns().size();
    assertThat(html.split("<rect class=\"box\"", -1)).hasSize(columns + 1);
    assertThat(html.split("<polyline class=\"curve", -1)).hasSize(columns + 1);
    assertThat(html.split(" vs ", -1).length - 1).isGreaterThanOrEqualTo(
        columns * (columns - 1) / 2);
    JsonNode results = new ObjectMapper().readTree(dir.resolve("b")
        .resolve(ReportWriter.RESULTS_JSON).toFile());
    assertThat(results.at("/ablations/leave_out/0/k").asInt()).isEqualTo(1);
    assertThat(results.at("/bootstrap/win_rate/logme/leep/groups").asInt()).isEqualTo(8);
  }
}
