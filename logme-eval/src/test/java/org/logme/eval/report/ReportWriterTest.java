package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.logme.api.InvalidParameterException;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;

class ReportWriterTest {

  private static Report benchmark() {
    ResultsTable table = ImageNet10Benchmark.table();
    return Report.of(table).withTitle("ImageNet-10").withBootstrap(Bootstrap.run(table, 100, 1));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesEveryFileIdenticallyOnEveryRun(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    ReportWriter.write(first, benchmark());
    ReportWriter.write(second, benchmark());
    assertThat(names(first)).containsExactly("columns.csv", "report.html", "results.csv",
        "results.json");
    for (String name : names(first)) {
      assertThat(Files.readAllBytes(second.resolve(name))).as(name)
          .isEqualTo(Files.readAllBytes(first.resolve(name)));
    }
  }

  @Test
  void aFailedWriteChangesNoFileAndSaysWhatToDo(@TempDir Path dir) throws Exception {
    // a non-empty directory where report.html should go: refused before anything is written
    Files.createDirectories(dir.resolve(ReportWriter.REPORT_HTML).resolve("keep"));
    Files.writeString(dir.resolve(ReportWriter.RESULTS_JSON), "old");
    assertThatThrownBy(() -> ReportWriter.write(dir, benchmark()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(dir + ": cannot write the report there (" + dir.resolve("report.html")
            + " is a directory); choose a writable directory with --report DIR");
    assertThat(names(dir)).containsExactly("report.html", "results.json");
    assertThat(Files.isDirectory(dir.resolve(ReportWriter.REPORT_HTML).resolve("keep"))).isTrue();
    assertThat(Files.readString(dir.resolve(ReportWriter.RESULTS_JSON))).isEqualTo("old");
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsAClearError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "keep");
    assertThatThrownBy(() -> ReportWriter.write(file.resolve("out"), benchmark()))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageStartingWith(file.resolve("out") + ": cannot write the report there (")
        .hasMessageEndingWith("); choose a writable directory with --report DIR");
    assertThat(Files.readString(file)).isEqualTo("keep");
    assertThat(names(dir)).containsExactly("taken");
  }

  @Test
  void theHtmlIsSelfContainedAndEscapesNames(@TempDir Path dir) throws Exception {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,accuracy,logme\n<b>&x,1,2\ny,2,3\nz,3,1\n"), "t.csv", TableSpec.truth("accuracy"));
    String html = Files.readString(ReportWriter.write(dir, Report.of(table)));
    assertThat(html).contains("&lt;b&gt;&amp;x").doesNotContain("<b>&x")
        .doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
        .doesNotContain("@import").doesNotContain("url(");
    assertThat(html).contains("data-points=\"3\"");
  }

  @Test
  void aReportWithoutGroundTruthShowsTheRanking(@TempDir Path dir) throws Exception {
    ResultsTable table = ResultsTable.parse(new StringReader("model,logme\na,1\nb,2\n"), "t.csv",
        TableSpec.scoresOnly());
    Path page = ReportWriter.write(dir, Report.of(table));
    assertThat(Files.readString(page)).contains("No ground truth").contains("<h3>Ranking</h3>")
        .doesNotContain("<svg").doesNotContain("<input").doesNotContain("<p class=\"scale-switch\"");
    assertThat(Files.readString(dir.resolve(ReportWriter.RESULTS_JSON)))
        .startsWith("{\n  \"schema\": \"logme.correlations/2\",")
        .contains("\"groups\": { },\n  \"mean\": { },");
  }

  @Test
  void aReportWithoutGroundTruthDefinesNoMetric(@TempDir Path dir) throws Exception {
    String scoresOnly = Files.readString(ReportWriter.write(dir.resolve("a"), Report.of(
        ResultsTable.parse(new StringReader("model,logme\na,1\nb,2\n"), "t.csv",
            TableSpec.scoresOnly()))));
    assertThat(scoresOnly).doesNotContain("Definitions").doesNotContain("Weighted Kendall")
        .doesNotContain("Top-1 relative accuracy").doesNotContain("Bootstrap");
    String withStatic = Files.readString(ReportWriter.write(dir.resolve("b"), Report.of(
        ResultsTable.parse(new StringReader("model,logme,params\na,1,5\nb,2,3\n"), "t.csv",
            TableSpec.scoresOnly().withStaticColumns(Set.of("params"))))));
    assertThat(withStatic).contains("<h2>Definitions</h2>\n<p class=\"note definitions\">"
        + "Static baselines use no target data.</p>").doesNotContain("Weighted Kendall τ (");
  }

  @Test
  void theDefinitionsFollowWhatThePageShows(@TempDir Path dir) throws Exception {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,accuracy,logme\nx,1,2\ny,2,3\nz,3,1\n"), "t.csv", TableSpec.truth("accuracy"));
    String plain = Files.readString(ReportWriter.write(dir.resolve("a"), Report.of(table)));
    assertThat(plain).contains("<h2>Definitions</h2>").contains("Weighted Kendall τ (τ<sub>w"
        + "</sub>) is").contains("Top-1 relative accuracy is").contains("scale of the ranks")
        .doesNotContain("Bootstrap intervals").doesNotContain("Static baselines use");
    String bootstrapped = Files.readString(ReportWriter.write(dir.resolve("b"),
        Report.of(table).withBootstrap(Bootstrap.run(table, 20, 1))));
    assertThat(bootstrapped).contains("Bootstrap intervals are " + Bootstrap.PERCENT + "%");
  }

  @Test
  void theRankingListsTheBestModelFirstInTheTruthsOwnDirection(@TempDir Path dir)
      throws Exception {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,mse,logme\nx,0.5,2\ny,0.1,3\nz,0.9,1\nw,,4\n"), "t.csv",
        TableSpec.truth("mse").withLowerIsBetter(Set.of("mse")));
    String html = Files.readString(ReportWriter.write(dir, Report.of(table)));
    String ranking = html.substring(html.indexOf("<h3>Ranking</h3>"));
    assertThat(ranking).contains("Models by mse (lower is better), best first");
    assertThat(ranking.indexOf("<td>y</td>")).isLessThan(ranking.indexOf("<td>x</td>"));
    assertThat(ranking.indexOf("<td>x</td>")).isLessThan(ranking.indexOf("<td>z</td>"));
    assertThat(ranking.indexOf("<td>z</td>")).isLessThan(ranking.indexOf("<td>w</td>"));
  }

  @Test
  void everyPlotComesOnBothScalesBehindOneSwitch(@TempDir Path dir) throws Exception {
    String html = Files.readString(ReportWriter.write(dir, Report.of(
        ReportTables.elevenEstimatorsWithAnOutlier())));
    assertThat(html.split("data-scale=\"values\"", -1)).hasSize(12);
    assertThat(html.split("data-scale=\"ranks\"", -1)).hasSize(12);
    assertThat(html.split("<input type=\"radio\"", -1)).hasSize(3);
    assertThat(html).contains("id=\"scale-values\" checked")
        .contains("<label for=\"scale-values\">values</label><label for=\"scale-ranks\">"
            + "ranks</label>")
        .contains("#scale-ranks:checked ~ section .plots.ranks { display: grid; }");
    // the thousandfold H-score is clipped in the one plot of values that has it
    assertThat(html.split("scale: values, 1 outlier at the edge", -1)).hasSize(2);
    assertThat(html.split("scale: values<", -1)).hasSize(11);
    assertThat(html.split("scale: ranks, 1 = best", -1)).hasSize(12);
  }

  @Test
  void theRankingTableScrollsInItsOwnBoxAndNeverWraps(@TempDir Path dir) throws Exception {
    String html = Files.readString(ReportWriter.write(dir, Report.of(
        ReportTables.elevenEstimatorsWithAnOutlier())));
    assertThat(html).contains("<div class=\"scroll\"><table class=\"ranking\">")
        .contains(".scroll { overflow-x: auto;")
        .contains("table.ranking th, table.ranking td { padding: 4px 6px; white-space: nowrap;")
        .contains("th { white-space: nowrap; }");
    assertThat(html.split("<table", -1).length).isEqualTo(html.split(
        "<div class=\"scroll\"><table", -1).length);
  }

  @Test
  void overlappingPointsAreNamedByGroupAndOnlyAFew(@TempDir Path dir) throws Exception {
    // ten pairs of models with equal scores and accuracies: ten groups of coincident points
    StringBuilder csv = new StringBuilder("model,accuracy,logme\n");
    for (int m = 0; m < 20; m++) {
      csv.append("m").append(m).append(',').append(70 + m / 2).append(',')
          .append(m / 2 * (m / 2 % 3 + 1)).append('\n');
    }
    String html = Files.readString(ReportWriter.write(dir, Report.of(ResultsTable.parse(
        new StringReader(csv.toString()), "t.csv", TableSpec.truth("accuracy")))));
    assertThat(html).contains(">Overlapping points: m0 and m1; m2 and m3; m4 and m5; and 7 more"
        + " groups of 14 points.</p>").contains("title=\"Overlapping points: m0 and m1; m2 and"
        + " m3; m4 and m5; m6 and m7; m8 and m9; m10 and m11; m12 and m13; m14 and m15; m16 and"
        + " m17; m18 and m19.\"");
  }
}
