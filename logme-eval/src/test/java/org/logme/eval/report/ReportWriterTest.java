package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        .doesNotContain("<svg");
    assertThat(Files.readString(dir.resolve(ReportWriter.RESULTS_JSON)))
        .startsWith("{\n  \"schema\": \"logme.correlations/2\",")
        .contains("\"groups\": { },\n  \"mean\": { },");
  }
}
