package org.logme.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.logme.eval.ImageNet10Benchmark;
import org.logme.eval.table.Bootstrap;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.TableSpec;

class TextTablesTest {

  @Test
  void thePapersTableHasEstimatorsAsRowsGroupsAsColumnsAndTheStaticBaselinesBelow() {
    String text = TextTables.correlations(CorrelationTable.compute(ImageNet10Benchmark.table()),
        Metric.WEIGHTED_TAU);
    assertThat(text.lines().toList()).containsExactly(
        "weighted Kendall tau [weighted_tau]; ground truth: accuracy",
        "               Aircraft  Caltech101  CIFAR10  CIFAR100    Cars      DTD     Pet  SUN397"
            + "    mean",
        "hscore           0.3429      0.7572   0.7997    0.7748  0.6383   0.4347  0.5913  0.9181"
            + "  0.6571",
        "leep            -0.0704      0.2227   0.6382    0.6593  0.7033  -0.0039  0.7012  0.5814"
            + "  0.4290",
        "logme            0.5445      0.6968   0.7846    0.7828  0.6541   0.4711  0.6040  0.8632"
            + "  0.6751",
        "nce              0.4483      0.7522   0.7138    0.6540  0.7504   0.3150  0.7094  0.8933"
            + "  0.6546",
        "static baselines (no target data):",
        "imagenet_top1    0.4201      0.5982   0.9174    0.9323  0.6424   0.5577  0.8337  0.8933"
            + "  0.7244",
        "params           0.4606      0.5908   0.8794    0.8947  0.6985   0.6285  0.8399  0.9277"
            + "  0.7400");
  }

  @Test
  void undefinedValuesShowTheirReasonUnderTheTable() {
    ResultsTable table = ResultsTable.parse(new StringReader(
        "model,accuracy,flat\na,1,5\nb,2,5\n"), "t.csv", TableSpec.truth("accuracy"));
    String text = TextTables.correlations(CorrelationTable.compute(table), Metric.SPEARMAN);
    // one group: no mean column (it would repeat the group)
    assertThat(text).contains("      all\nflat  n/a\n")
        .contains("n/a: all / flat: every model has the same score (5.0)\n")
        .doesNotContain("mean");
  }

  @Test
  void bootstrapAndRankingRender() {
    ResultsTable table = ImageNet10Benchmark.table();
    String bootstrap = TextTables.bootstrap(Bootstrap.run(table, 20, 1), table.columns());
    assertThat(bootstrap).startsWith("95% bootstrap interval of weighted_tau (20 resamples of"
        + " the models, seed 1)\n").contains("Aircraft: share of resamples");
    String ranking = TextTables.ranking(table);
    assertThat(ranking.lines().limit(3).toList()).containsExactly(
        "Aircraft",
        "model         accuracy  hscore (rank)   leep (rank)  logme (rank)    nce (rank)"
            + "  imagenet_top1 (rank)  params (rank)",
        "resnet152         85.3    46.2518 (1)   -4.2296 (7)    0.9501 (2)   -4.2293 (8)"
            + "            78.312 (1)   60192808 (1)");
    // one number of decimals per column: leep's -4.31 is written -4.3100 beside -4.2296
    assertThat(ranking).contains("-4.3100 (");
    assertThat(TextTables.allCorrelations(CorrelationTable.compute(table)))
        .contains("regret: best ground truth minus the top-scored model's [regret], lower is"
            + " better");
  }
}
