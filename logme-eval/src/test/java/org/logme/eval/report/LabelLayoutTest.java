package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;

class LabelLayoutTest {
  private static final double RADIUS = 4.5;
  private static final double FONT = 11;
  private static final double[] AREA = {59, 11, 349, 235};

  /** The pixel positions of the H-score plot of Aircraft: a tight cluster at the right edge. */
  private static final double[] PX = {78.1, 296.6, 329.6, 328.0, 329.9, 122.6, 267.3, 326.5,
      163.3, 175.4};
  private static final double[] PY = {99.9, 25.6, 52.4, 64.6, 68.2, 67.0, 77.9, 76.7, 98.6,
      220.4};
  private static final List<String> NAMES = List.of("googlenet", "inception_v3", "resnet50",
      "resnet101", "resnet152", "densenet121", "densenet169", "densenet201", "mobilenet_v2",
      "mnasnet1_0");

  @Test
  void labelsCoverNoPointAndNoOtherLabelAndStayInside() {
    LabelLayout.Box[] boxes = LabelLayout.place(PX, PY, NAMES, RADIUS, FONT, AREA);
    for (int i = 0; i < boxes.length; i++) {
      LabelLayout.Box b = boxes[i];
      assertThat(b.x()).isGreaterThanOrEqualTo(AREA[0]);
      assertThat(b.y()).isGreaterThanOrEqualTo(AREA[1]);
      assertThat(b.x() + b.width()).isLessThanOrEqualTo(AREA[2]);
      assertThat(b.y() + b.height()).isLessThanOrEqualTo(AREA[3]);
      for (int j = 0; j < boxes.length; j++) {
        assertThat(b.overlap(PX[j] - RADIUS, PY[j] - RADIUS, 2 * RADIUS, 2 * RADIUS))
            .as("label %s over point %s", NAMES.get(i), NAMES.get(j)).isZero();
        if (i != j) {
          LabelLayout.Box o = boxes[j];
          assertThat(b.overlap(o.x(), o.y(), o.width(), o.height()))
              .as("label %s over label %s", NAMES.get(i), NAMES.get(j)).isZero();
        }
      }
    }
  }

  @Test
  void noLeaderLineCrossesAnotherLabel() {
    LabelLayout.Box[] boxes = LabelLayout.place(PX, PY, NAMES, RADIUS, FONT, AREA);
    for (int i = 0; i < boxes.length; i++) {
      LabelLayout.Box b = boxes[i];
      if (!b.leader()) {
        continue;
      }
      double ex = Math.max(b.x(), Math.min(PX[i], b.x() + b.width()));
      double ey = Math.max(b.y(), Math.min(PY[i], b.y() + b.height()));
      for (int j = 0; j < boxes.length; j++) {
        LabelLayout.Box o = boxes[j];
        if (i != j) {
          assertThat(LabelLayout.segmentHitsBox(PX[i], PY[i], ex, ey, o.x(), o.y(),
              o.x() + o.width(), o.y() + o.height()))
              .as("leader of %s through label %s", NAMES.get(i), NAMES.get(j)).isFalse();
        }
      }
    }
  }

  @Test
  void everyLabelWithoutALeaderIsNearestToItsOwnPoint() {
    LabelLayout.Box[] boxes = LabelLayout.place(PX, PY, NAMES, RADIUS, FONT, AREA);
    for (int i = 0; i < boxes.length; i++) {
      if (boxes[i].leader()) {
        continue;
      }
      double own = boxes[i].distance(PX[i], PY[i]);
      for (int j = 0; j < boxes.length; j++) {
        boolean overlapping = Math.hypot(PX[i] - PX[j], PY[i] - PY[j]) < 2 * RADIUS;
        if (j != i && !overlapping) {
          assertThat(boxes[i].distance(PX[j], PY[j])).as("label %s near %s", NAMES.get(i),
              NAMES.get(j)).isGreaterThan(own + 1);
        }
      }
    }
  }

  /**
   * ImageNet-10 is dense: clusters of near-equal scores need leader lines in many of its 96
   * plots (8 groups, 6 columns, 2 scales). No two of them may cross.
   */
  @Test
  void noTwoLeaderLinesCrossInAnyImageNet10Plot() {
    int leaders = 0;
    for (ScatterPlot.Series series : ReportTables.series(ImageNet10Benchmark.table())) {
      for (ScatterPlot.Scale scale : ScatterPlot.Scale.values()) {
        ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, series, scale);
        LabelLayout.Box[] boxes = drawn.boxes();
        for (int i = 0; i < boxes.length; i++) {
          leaders += boxes[i].leader() ? 1 : 0;
          for (int j = i + 1; j < boxes.length; j++) {
            if (boxes[i].leader() && boxes[j].leader()) {
              double[] a = boxes[i].anchor(drawn.px()[i], drawn.py()[i]);
              double[] b = boxes[j].anchor(drawn.px()[j], drawn.py()[j]);
              assertThat(LabelLayout.segmentsCross(drawn.px()[i], drawn.py()[i], a[0], a[1],
                  drawn.px()[j], drawn.py()[j], b[0], b[1]))
                  .as("%s (%s): the leaders of %s and %s cross", series.xName(), scale,
                      series.models().get(i), series.models().get(j)).isFalse();
            }
          }
        }
      }
    }
    assertThat(leaders).as("leader lines drawn").isGreaterThan(50);
  }

  /**
   * Forty models with long names crowd a plot: leader lines are unavoidable and many would
   * cross (45 pairs when labels are only re-placed one at a time), but swapping the labels of
   * crossing leaders uncrosses most.
   */
  @Test
  void swappingLabelsUncrossesMostLeadersOfACrowdedPlot() {
    int n = 40;
    java.util.Random random = new java.util.Random(n);
    List<String> models = new java.util.ArrayList<>();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      models.add("model_" + i + "_abc");
      x[i] = random.nextGaussian();
      y[i] = x[i] * 0.5 + random.nextGaussian();
    }
    ScatterPlot.Drawn drawn = ScatterPlot.draw("p", false, new ScatterPlot.Series("score",
        "accuracy", models, x, y, true, true), ScatterPlot.Scale.VALUES);
    LabelLayout.Box[] boxes = drawn.boxes();
    int leaders = 0;
    int crossings = 0;
    for (int i = 0; i < n; i++) {
      leaders += boxes[i].leader() ? 1 : 0;
      for (int j = i + 1; j < n; j++) {
        if (boxes[i].leader() && boxes[j].leader()) {
          double[] a = boxes[i].anchor(drawn.px()[i], drawn.py()[i]);
          double[] b = boxes[j].anchor(drawn.px()[j], drawn.py()[j]);
          crossings += LabelLayout.segmentsCross(drawn.px()[i], drawn.py()[i], a[0], a[1],
              drawn.px()[j], drawn.py()[j], b[0], b[1]) ? 1 : 0;
        }
      }
    }
    assertThat(leaders).isGreaterThan(20);
    assertThat(crossings).isLessThan(10);
  }

  @Test
  void segmentsCrossing() {
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 10, 0, 10, 10, 0)).isTrue();
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 10, 20, 0, 0, 20)).isTrue();
    assertThat(LabelLayout.segmentsCross(0, 0, 4, 4, 0, 10, 10, 0)).isFalse();
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 0, 0, 1, 10, 1)).isFalse();
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 0, 5, 0, 15, 0)).as("collinear").isTrue();
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 0, 11, 0, 15, 0)).isFalse();
    assertThat(LabelLayout.segmentsCross(0, 0, 10, 0, 10, 0, 10, 5)).as("touching").isTrue();
  }

  @Test
  void segmentsAndBoxes() {
    assertThat(LabelLayout.segmentHitsBox(0, 0, 10, 10, 4, 4, 6, 6)).isTrue();
    assertThat(LabelLayout.segmentHitsBox(0, 0, 10, 0, 4, 1, 6, 3)).isFalse();
    assertThat(LabelLayout.segmentHitsBox(5, 0, 5, 2, 4, 4, 6, 6)).isFalse();
    assertThat(LabelLayout.segmentHitsBox(5, 0, 5, 5, 4, 4, 6, 6)).isTrue();
  }
}
