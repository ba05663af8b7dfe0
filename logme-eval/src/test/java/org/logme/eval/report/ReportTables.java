package org.logme.eval.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.logme.eval.table.Group;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TableSpec;

/** Tables that stress the report: many columns, an outlier, overlapping points. */
final class ReportTables {
  /** Eleven estimator columns, with names as long as real ones. */
  static final List<String> ELEVEN = List.of("logme", "leep", "nleep", "nce", "hscore",
      "regularized_hscore", "gbc", "sfda", "transrate", "lfc", "parc");
  static final List<String> MODELS = List.of("googlenet", "inception_v3", "resnet50",
      "resnet101", "resnet152", "densenet121", "densenet169", "densenet201", "mobilenet_v2",
      "mnasnet1_0");
  /** The model whose hscore is a thousand times the others'. */
  static final String OUTLIER = "resnet50";

  private ReportTables() {
  }

  /**
   * Ten models, an accuracy and {@link #ELEVEN} estimators, scores like those of ImageNet-10
   * (four decimals; H-score around 30 to 46), the H-score of {@link #OUTLIER} multiplied by
   * 1000.
   */
  static ResultsTable elevenEstimatorsWithAnOutlier() {
    StringBuilder csv = new StringBuilder("model,accuracy," + String.join(",", ELEVEN) + "\n");
    for (int m = 0; m < MODELS.size(); m++) {
      double accuracy = 80 + (m * 37 % 10) + 0.1 * m;
      csv.append(MODELS.get(m)).append(',').append(String.format(Locale.ROOT, "%.1f", accuracy));
      for (int e = 0; e < ELEVEN.size(); e++) {
        double wiggle = (m * 7 + e * 3) % 10;
        double score = ELEVEN.get(e).equals("hscore") ? 30 + accuracy / 10 + 1.3 * wiggle
            : -4.3 + accuracy / 100 + 0.011 * wiggle;
        if (ELEVEN.get(e).equals("hscore") && MODELS.get(m).equals(OUTLIER)) {
          score *= 1000;
        }
        csv.append(',').append(String.format(Locale.ROOT, "%.4f", score));
      }
      csv.append('\n');
    }
    return ResultsTable.parse(new StringReader(csv.toString()), "eleven.csv",
        TableSpec.truth("accuracy"));
  }

  /** Every plot of a table: one series per group and column, of the models with both values. */
  static List<ScatterPlot.Series> series(ResultsTable table) {
    List<ScatterPlot.Series> all = new ArrayList<>();
    for (Group group : table.groups()) {
      for (int c = 0; c < table.columns().size(); c++) {
        ScoreColumn column = table.columns().get(c);
        List<String> models = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int m = 0; m < group.size(); m++) {
          if (group.truth(m).isPresent() && group.score(c, m).isPresent()) {
            models.add(group.models().get(m));
            points.add(new double[] {group.score(c, m).getAsDouble(),
                group.truth(m).getAsDouble()});
          }
        }
        all.add(new ScatterPlot.Series(group.name() + "/" + column.name(),
            table.truthName().orElseThrow(), models,
            points.stream().mapToDouble(p -> p[0]).toArray(),
            points.stream().mapToDouble(p -> p[1]).toArray(), column.higherIsBetter(),
            table.truthHigherIsBetter()));
      }
    }
    return all;
  }
}
