package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;

class ScatterPlotTest {
  private static final double WIDTH = ScatterPlot.RIGHT - ScatterPlot.LEFT;
  private static final double[] AREA = {ScatterPlot.LEFT + 1, ScatterPlot.TOP + 1,
      ScatterPlot.RIGHT - 1, ScatterPlot.BOTTOM - 1};

  private static ScatterPlot.Series hscoreWithAnOutlier() {
    return ReportTables.series(ReportTables.elevenEstimatorsWithAnOutlier()).stream()
        .filter(s -> s.xName().endsWith("/hscore")).findFirst().orElseThrow();
  }

  @Test
  void aThousandfoldScoreIsDrawnAtTheEdgeWithAnArrowAndItsValue() {
    ScatterPlot.Series series = hscoreWithAnOutlier();
    int outlier = series.models().indexOf(ReportTables.OUTLIER);
    double value = series.x()[outlier];
    assertThat(value).isGreaterThan(900 * Arrays.stream(series.x()).min().orElseThrow());
    ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, series, ScatterPlot.Scale.VALUES);

    assertThat(drawn.px()[outlier]).isBetween(ScatterPlot.RIGHT - 2 * ScatterPlot.RADIUS,
        ScatterPlot.RIGHT - ScatterPlot.RADIUS);
    double[] others = java.util.stream.IntStream.range(0, series.models().size())
        .filter(i -> i != outlier).mapToDouble(i -> drawn.px()[i]).toArray();
    assertThat(Arrays.stream(others).max().orElseThrow() - Arrays.stream(others).min()
        .orElseThrow()).as("the spread of the other points").isGreaterThan(0.7 * WIDTH);
    assertThat(drawn.svg()).contains("scale: values, 1 outlier at the edge")
        .contains(" clipped\" cx=\"" + String.format(Locale.ROOT, "%.1f", drawn.px()[outlier]))
        .contains(">" + ReportTables.OUTLIER + " → " + Formats.value(value) + "</text>");
    assertThat(drawn.svg().split(" clipped\"", -1)).hasSize(2);
  }

  @Test
  void theRankScaleHasNoOutliersAndSaysSo() {
    ScatterPlot.Series series = hscoreWithAnOutlier();
    ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, series, ScatterPlot.Scale.RANKS);
    assertThat(drawn.svg()).contains("data-scale=\"ranks\"").contains("scale: ranks, 1 = best")
        .contains(">rank by all/hscore</text>").doesNotContain("clipped");
    double step = WIDTH / series.models().size();
    double[] sorted = drawn.px().clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      assertThat(sorted[i] - sorted[i - 1]).isCloseTo(step, within(1e-9));
    }
  }

  @Test
  void ranksPutTheBestAtTheTopRightAndShareTies() {
    ScatterPlot.Series series = new ScatterPlot.Series("score", "accuracy",
        List.of("a", "b", "c", "d"), new double[] {3, 1, 1, 0}, new double[] {10, 40, 20, 30},
        true, true);
    ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, series, ScatterPlot.Scale.RANKS);
    double[] px = drawn.px();
    double[] py = drawn.py();
    assertThat(px[0]).as("a scores best").isGreaterThan(Math.max(px[1], px[3]));
    assertThat(px[1]).as("b and c tie").isEqualTo(px[2]);
    assertThat(px[1]).isCloseTo((px[0] + px[3]) / 2, within(1e-9));
    assertThat(py[1]).as("b is the most accurate, at the top").isLessThan(py[3]);
    assertThat(py[3]).isLessThan(py[2]);
    assertThat(py[2]).isLessThan(py[0]);
    assertThat(ScatterPlot.bestFirst(new double[] {3, 1, 1, 0}, false))
        .containsExactly(4, 2.5, 2.5, 1);
  }

  @Test
  void aFewModerateOrManyFarValuesAreNotClipped() {
    // Aircraft: mnasnet1_0 is far below the others, but they still span more than a quarter
    double[] aircraft = {82.7, 88.8, 86.6, 85.6, 85.3, 85.4, 84.6, 85.1, 82.6, 72.8};
    assertThat(Axis.robust(aircraft).clips()).isFalse();
    double[] three = {1, 1.001, 1.002, 1.003, 1.004, 1.005, 1.006, 5, 6, 7};
    assertThat(Axis.robust(three).clips()).as("3 of 10 are not a few outliers").isFalse();
    double[] one = {1, 1.001, 1.002, 1.003, 1.004, 1.005, 1.006, 1.007, 1.008, 1000};
    Axis axis = Axis.robust(one);
    assertThat(axis.clips()).isTrue();
    assertThat(axis.side(1000)).isEqualTo(1);
    assertThat(axis.side(1)).isZero();
    assertThat(axis.max).isLessThan(1.01);
    assertThat(Axis.robust(new double[] {-1000, 1, 1.001, 1.002, 1.003, 1.004, 1.005, 1.006,
        1.007, 1.008}).side(-1000)).isEqualTo(-1);
  }

  @Test
  void rankAxesTickEveryRankUpToTwelveThenNiceSteps() {
    assertThat(Axis.ranks(10).ticks()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0,
        9.0, 10.0);
    assertThat(Axis.ranks(40).ticks()).containsExactly(1.0, 10.0, 20.0, 30.0, 40.0);
    assertThat(Axis.ranks(10).fraction(1)).isGreaterThan(Axis.ranks(10).fraction(2));
    assertThat(Axis.ranks(10).label(3)).isEqualTo("3");
  }

  /** What a reader cannot tell apart in a plot, its note names. */
  @Test
  void everyLabelReadsAsItsOwnPointUnlessTheNoteNamesThePair() {
    for (ScatterPlot.Series series : ReportTables.series(ImageNet10Benchmark.table())) {
      for (ScatterPlot.Scale scale : ScatterPlot.Scale.values()) {
        ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, series, scale);
        Map<String, Integer> named = new HashMap<>();
        for (int g = 0; g < drawn.overlaps().size(); g++) {
          for (String model : drawn.overlaps().get(g)) {
            named.put(model, g);
          }
        }
        List<String> models = series.models();
        for (int i = 0; i < models.size(); i++) {
          for (int j = 0; j < models.size(); j++) {
            boolean together = named.containsKey(models.get(i))
                && named.get(models.get(i)).equals(named.get(models.get(j)));
            if (i != j && !together) {
              assertThat(LabelLayout.coincident(drawn.px(), drawn.py(), i, j,
                  ScatterPlot.RADIUS)).isFalse();
              assertThat(LabelLayout.readsAs(drawn.boxes()[i], drawn.px(), drawn.py(), i, j,
                  ScatterPlot.RADIUS)).as("%s (%s): the label of %s reads as %s's",
                  series.xName(), scale, models.get(i), models.get(j)).isFalse();
            }
          }
        }
      }
    }
  }

  @Test
  void touchingPointsThatTheLabelsTellApartAreNotListed() {
    double[] px = {150, 158};
    double[] py = {100, 100};
    List<String> models = List.of("left", "right");
    assertThat(LabelLayout.touching(px, py, 0, 1, ScatterPlot.RADIUS)).isTrue();
    LabelLayout.Box[] boxes = LabelLayout.place(px, py, models, ScatterPlot.RADIUS, 11, AREA);
    assertThat(ScatterPlot.overlaps(px, py, boxes, models)).isEmpty();

    double[] near = {150, 151};
    boxes = LabelLayout.place(near, py, models, ScatterPlot.RADIUS, 11, AREA);
    assertThat(ScatterPlot.overlaps(near, py, boxes, models))
        .containsExactly(List.of("left", "right"));
  }

  @Test
  void theOverlapNoteNamesAFewGroupsAndCountsTheRest() {
    assertThat(ScatterPlot.overlapNote(List.of())).isEmpty();
    assertThat(ScatterPlot.overlapNote(List.of(List.of("a", "b"), List.of("c", "d", "e"))))
        .isEqualTo("<p class=\"note overlaps\">Overlapping points: a and b; c, d and e.</p>\n");
    List<List<String>> five = List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"),
        List.of("g", "h"), List.of("i", "j", "k"));
    assertThat(ScatterPlot.overlapNote(five)).isEqualTo("<p class=\"note overlaps\" title=\""
        + "Overlapping points: a and b; c and d; e and f; g and h; i, j and k.\">Overlapping"
        + " points: a and b; c and d; e and f; and 2 more groups of 5 points.</p>\n");
    List<String> nine = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
    assertThat(ScatterPlot.overlapNote(List.of(nine))).isEqualTo("<p class=\"note overlaps\""
        + " title=\"Overlapping points: m1, m2, m3, m4, m5, m6, m7, m8 and m9.\">Overlapping"
        + " points: m1, m2, m3, m4, m5, m6 and 3 more.</p>\n");
  }
}
