package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.ResultsTable;

/**
 * End to end: reports rendered by headless Chromium at a width of 1280 pixels. A copy of each
 * page gets {@code check-plots.js}, which counts the points each plot drew and measures every
 * label with the browser's own text metrics: it covers no other label and no point, it reads as
 * its own point's (no other point as near, no leader line through another point) unless the
 * note under the plot names the two as overlapping, points that nearly coincide are named
 * there, and no two leader lines cross. It does so for the plots shown first, then clicks the
 * scale switch and does it again for the plots then shown. It also counts the table cells
 * whose text wraps (every header, every cell of the ranking tables) and measures how far the
 * page overflows sideways. The findings come back through {@code --dump-dom}. Screenshots stay
 * in {@code target/report-e2e/}. Skipped when Chromium is not installed.
 */
class ReportChromiumTest {
  private static final Pattern ATTRIBUTE = Pattern.compile("\\s(data-[a-z-]+)=\"([^\"]*)\"");
  private static final int MAX_SCREENSHOT_HEIGHT = 16000;

  @Test
  void everyPlotDrawsAllItsPointsWithLabelsThatHideNothing() throws Exception {
    ResultsTable table = ImageNet10Benchmark.table();
    Report report = Report.of(table)
        .withTitle("ImageNet-10 benchmark: LogME, LEEP, NCE, H-score and static baselines")
        .withBootstrap(Bootstrap.run(table, 1000, 1));
    Map<String, String> found = check(report, "imagenet10");
    int plots = table.groups().size() * table.columns().size();
    assertThat(found.get("data-problems")).as("problems").isEmpty();
    assertThat(found).containsEntry("data-plots", Integer.toString(2 * plots))
        .containsEntry("data-complete-plots", Integer.toString(2 * plots))
        .containsEntry("data-values-plots", Integer.toString(plots))
        .containsEntry("data-ranks-plots", Integer.toString(plots))
        .containsEntry("data-first-scales", "values")
        .containsEntry("data-switched-scales", "ranks")
        .containsEntry("data-label-overlaps", "0")
        .containsEntry("data-misread-labels", "0")
        .containsEntry("data-hidden-points", "0")
        .containsEntry("data-leader-crossings", "0")
        .containsEntry("data-clipped-points", "0")
        .containsEntry("data-wrapped-cells", "0")
        .containsEntry("data-page-overflow", "0");
  }

  /**
   * Eleven estimators make the ranking table wider than the page: no header and no ranking
   * cell may wrap, and the page itself must not overflow. The thousandfold H-score of one model
   * is drawn at the edge of its plot of values, the other points spread over the plot.
   */
  @Test
  void elevenEstimatorsAndAThousandfoldScoreStayReadable() throws Exception {
    ResultsTable table = ReportTables.elevenEstimatorsWithAnOutlier();
    Map<String, String> found = check(Report.of(table).withTitle("Eleven estimators"),
        "eleven");
    int plots = table.columns().size();
    assertThat(found.get("data-problems")).as("problems").isEmpty();
    assertThat(found).containsEntry("data-plots", Integer.toString(2 * plots))
        .containsEntry("data-complete-plots", Integer.toString(2 * plots))
        .containsEntry("data-clipped-points", "1")
        .containsEntry("data-label-overlaps", "0")
        .containsEntry("data-misread-labels", "0")
        .containsEntry("data-leader-crossings", "0")
        .containsEntry("data-wrapped-cells", "0")
        .containsEntry("data-page-overflow", "0");
  }

  /**
   * Writes the report to {@code target/report-e2e/NAME}, checks a copy in Chromium, takes
   * screenshots of the page as written, and returns the findings.
   */
  private static Map<String, String> check(Report report, String name) throws Exception {
    Path out = Path.of(System.getProperty("basedir", ".")).resolve("target/report-e2e")
        .resolve(name).toAbsolutePath();
    Files.createDirectories(out);
    Optional<HeadlessChromium> chromium = HeadlessChromium.find(out);
    assumeTrue(chromium.isPresent(), HeadlessChromium.INSTALL_HINT);
    Path page = ReportWriter.write(out, report);

    Path check = out.resolve("report-check.html");
    Files.writeString(check, Files.readString(page).replace("</body>",
        "<script>\n" + checkScript() + "</script>\n</body>"));
    Map<String, String> found = bodyAttributes(chromium.get().dumpDom(check));

    int height = Math.min(MAX_SCREENSHOT_HEIGHT, Integer.parseInt(found.get("data-height")));
    Path png = out.resolve("report.png");
    Files.deleteIfExists(png);
    chromium.get().screenshot(page, png, height);
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(png)) {
      assertThat(in.read(head)).isEqualTo(8);
    }
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    chromium.get().screenshot(page, out.resolve("report-top.png"), 1800);
    return found;
  }

  private static String checkScript() throws Exception {
    try (InputStream in = ReportChromiumTest.class.getResourceAsStream("check-plots.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, String> bodyAttributes(String dom) {
    Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
    assertThat(body.find()).as("a <body> in the dumped DOM").isTrue();
    Map<String, String> attributes = new HashMap<>();
    Matcher m = ATTRIBUTE.matcher(body.group(1));
    while (m.find()) {
      attributes.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return attributes;
  }
}
