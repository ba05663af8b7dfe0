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
 * End to end: the shipped benchmark's report rendered by headless Chromium. A copy of the page
 * gets {@code check-plots.js}, which counts the points each plot drew and measures every label
 * with the browser's own text metrics: it covers no other label and no point, it reads as its
 * own point's (no other point as near, no leader line through another point), and points whose
 * circles overlap are named under the plot. The findings come back through {@code --dump-dom}. A screenshot of the whole page stays in
 * {@code target/report-e2e/report.png}. Skipped when Chromium is not installed.
 */
class ReportChromiumTest {
  private static final Pattern ATTRIBUTE = Pattern.compile("\\s(data-[a-z-]+)=\"([^\"]*)\"");
  private static final int MAX_SCREENSHOT_HEIGHT = 16000;

  @Test
  void everyPlotDrawsAllItsPointsWithLabelsThatHideNothing() throws Exception {
    Path out = Path.of(System.getProperty("basedir", ".")).resolve("target/report-e2e")
        .toAbsolutePath();
    Files.createDirectories(out);
    Optional<HeadlessChromium> chromium = HeadlessChromium.find(out);
    assumeTrue(chromium.isPresent(), HeadlessChromium.INSTALL_HINT);

    ResultsTable table = ImageNet10Benchmark.table();
    Report report = Report.of(table)
        .withTitle("ImageNet-10 benchmark: LogME, LEEP, NCE, H-score and static baselines")
        .withBootstrap(Bootstrap.run(table, 1000, 1));
    Path page = ReportWriter.write(out, report);

    Path check = out.resolve("report-check.html");
    Files.writeString(check, Files.readString(page).replace("</body>",
        "<script>\n" + checkScript() + "</script>\n</body>"));
    Map<String, String> found = bodyAttributes(chromium.get().dumpDom(check));
    int plots = table.groups().size() * table.columns().size();
    assertThat(found.get("data-problems")).as("problems").isEmpty();
    assertThat(found).containsEntry("data-plots", Integer.toString(plots))
        .containsEntry("data-complete-plots", Integer.toString(plots))
        .containsEntry("data-label-overlaps", "0")
        .containsEntry("data-misread-labels", "0")
        .containsEntry("data-hidden-points", "0");

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
