package org.logme.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.logme.api.data.Features;
import org.logme.api.data.Labels;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.cli.demo.DigitsData;
import org.logme.cli.demo.FeatureExtractors;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.stats.Statistic;
import org.logme.probe.LinearProbe;
import org.logme.probe.ProbeSettings;
import org.logme.probe.StratifiedFolds;

/**
 * The offline-from-scratch example of {@code logme demo --digits}: nine fixed feature
 * transforms of the UCI digits, ranked by LogME, next to the accuracy of the independent
 * logistic-regression probe on each.
 */
final class DigitsDemo {
  private DigitsDemo() {
  }

  /** One transform, scored. */
  record Row(String model, int dimension, double logme, double accuracy) {
  }

  /**
   * @param logme the LogME estimator
   * @param backend the linear algebra
   * @param threads threads for the probe
   * @return the transforms, best LogME first
   */
  static List<Row> run(TransferabilityEstimator logme, LinearAlgebraBackend backend,
      int threads) {
    DigitsData data = DigitsData.load();
    Labels labels = Labels.of(data.labels(), "digit labels");
    int[] ids = new int[data.labels().length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (int) data.labels()[i];
    }
    ProbeSettings settings = ProbeSettings.defaults();
    int[] folds = StratifiedFolds.assign(ids, settings.folds(), settings.seed());
    LinearProbe probe = new LinearProbe(settings, threads);
    List<Row> rows = new ArrayList<>();
    for (FeatureExtractors.Extractor extractor : FeatureExtractors.all()) {
      Matrix features = extractor.extract().apply(data.images(), backend);
      EstimationInput input = EstimationInput.builder()
          .features(new Features(features, extractor.name())).labels(labels).build();
      double score = logme.estimate(input, backend).score();
      double accuracy = probe.evaluate(toFloat(features), ids, folds).at(settings.reported());
      rows.add(new Row(extractor.name(), features.cols(), score, accuracy));
    }
    rows.sort(Comparator.comparingDouble(Row::logme).reversed());
    return rows;
  }

  private static float[][] toFloat(Matrix m) {
    float[][] out = new float[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        out[i][j] = (float) m.get(i, j);
      }
    }
    return out;
  }

  /** The transforms as a results table: LogME, and the dimension as a static baseline. */
  static ResultsTable table(List<Row> rows) {
    var builder = ResultsTable.builder("digits demo", "probe_accuracy", List.of(
        ScoreColumn.estimator("logme"), ScoreColumn.staticBaseline("dimension")));
    for (Row r : rows) {
      builder.add(ResultsTable.ALL, r.model(), OptionalDouble.of(r.accuracy()),
          Map.of("logme", r.logme(), "dimension", (double) r.dimension()));
    }
    return builder.build();
  }

  static void json(ObjectNode root, List<Row> rows) {
    root.put("data", "UCI optical handwritten digits (1797 images, 10 classes)");
    root.put("probe", ProbeSettings.defaults().describe());
    ArrayNode models = root.putArray("models");
    for (Row r : rows) {
      models.addObject().put("model", r.model()).put("dimension", r.dimension())
          .put("logme", r.logme()).put("probe_accuracy", r.accuracy());
    }
  }

  static void print(PrintWriter out, List<Row> rows, CorrelationTable correlations,
      String backend) {
    List<Row> byAccuracy = new ArrayList<>(rows);
    byAccuracy.sort(Comparator.comparingDouble(Row::accuracy).reversed());
    out.println("LogME ranks 9 fixed feature transforms (\"models\") for classifying the UCI"
        + " handwritten digits");
    out.println("(1,797 8x8 images, 10 classes), without training any of them. Backend: "
        + backend + ".");
    out.println();
    out.println(String.format(Locale.ROOT, "%-4s  %-20s  %4s  %9s  %14s  %10s", "rank", "model",
        "D", "LogME", "probe accuracy", "probe rank"));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.println(String.format(Locale.ROOT, "%-4d  %-20s  %4d  %9.4f  %13.1f%%  %10d", i + 1,
          r.model(), r.dimension(), r.logme(), 100 * r.accuracy(), byAccuracy.indexOf(r) + 1));
    }
    out.println();
    Statistic tau = correlations.get(ResultsTable.ALL, "logme", Metric.WEIGHTED_TAU);
    Statistic byDimension = correlations.get(ResultsTable.ALL, "dimension", Metric.WEIGHTED_TAU);
    out.println(String.format(Locale.ROOT, "Weighted Kendall tau between the LogME ranking and"
        + " the probe accuracy: %.4f (1 = the same ranking;", tau.value()));
    out.println(String.format(Locale.ROOT, "ranking by feature dimension alone gives %.4f).",
        byDimension.value()));
    out.println("LogME: log maximum evidence per sample of a Bayesian linear model on the"
        + " features (higher is better).");
    out.println("Probe accuracy (a percentage here, a fraction in --json): " + ProbeSettings
        .defaults().describe() + ". It is trained by LIBLINEAR, not by LogME, so it is an"
        + " independent ground truth.");
  }
}
