package org.logme.eval.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.logme.api.InvalidParameterException;
import org.logme.eval.stats.Correlation;

class CorrelationTableTest {

  @Test
  void computesEveryMetricPerGroupAndTheMean() {
    ResultsTable table = ResultsTable.parse(new StringReader("""
        dataset,model,accuracy,good,flat
        A,a,80,3,1
        A,b,70,2,1
        A,c,60,1,1
        B,a,50,1,1
        B,b,60,3,2
        B,c,55,2,3
        """), "t.csv", TableSpec.truth("accuracy").withGroup("dataset"));
    CorrelationTable correlations = CorrelationTable.compute(table);
    assertThat(correlations.groups()).containsExactly("A", "B");
    assertThat(correlations.get("A", "good", Metric.WEIGHTED_TAU).value()).isEqualTo(1.0);
    assertThat(correlations.get("A", "good", Metric.REGRET).value()).isEqualTo(0.0);
    double tauB = Correlation.weightedTau(new double[] {1, 3, 2}, new double[] {50, 60, 55})
        .value();
    assertThat(correlations.get("B", "good", Metric.WEIGHTED_TAU).value()).isEqualTo(tauB);
    assertThat(correlations.mean("good", Metric.WEIGHTED_TAU).value())
        .isCloseTo((1.0 + tauB) / 2, within(1e-15));
    assertThat(correlations.get("A", "flat", Metric.SPEARMAN).undefinedReason())
        .contains("every model has the same score (1.0)");
    // all tied at the top: the pick is a random one of the three
    assertThat(correlations.get("A", "flat", Metric.REGRET).value()).isEqualTo(10.0);
    // the mean is over the groups where the value is defined, and says so
    assertThat(correlations.mean("flat", Metric.SPEARMAN).value())
        .isEqualTo(correlations.get("B", "flat", Metric.SPEARMAN).value());
    assertThat(correlations.meanGroups("flat", Metric.SPEARMAN)).isEqualTo(1);
    assertThat(correlations.meanGroups("good", Metric.SPEARMAN)).isEqualTo(2);
    assertThat(correlations.notes()).contains(
        "mean / flat / spearman: over 1 of 2 groups (undefined in A)");
    assertThat(correlations.undefinedValues()).containsExactly(
        "A / flat: every model has the same score (1.0) [weighted_tau, kendall_tau_b, spearman,"
            + " pearson]");
  }

  @Test
  void lowerIsBetterColumnsAreNegated() {
    ScoreColumn loss = new ScoreColumn("loss", ColumnKind.ESTIMATOR, false);
    ResultsTable table = ResultsTable.builder("zoo", "accuracy", java.util.List.of(loss))
        .add("all", "a", OptionalDouble.of(90), Map.of("loss", 0.1))
        .add("all", "b", OptionalDouble.of(80), Map.of("loss", 0.2))
        .add("all", "c", OptionalDouble.of(70), Map.of("loss", 0.3))
        .build();
    assertThat(CorrelationTable.compute(table).get("all", "loss", Metric.WEIGHTED_TAU).value())
        .isEqualTo(1.0);
  }

  @Test
  void modelsWithoutTruthAreLeftOutAndMissingScoresOnlyFromTheirColumn() {
    ResultsTable table = ResultsTable.builder("zoo", "accuracy",
            java.util.List.of(ScoreColumn.estimator("logme"), ScoreColumn.estimator("leep")))
        .add("all", "a", OptionalDouble.of(90), Map.of("logme", 3.0, "leep", 1.0))
        .add("all", "b", OptionalDouble.of(80), Map.of("logme", 2.0))
        .add("all", "c", OptionalDouble.of(70), Map.of("logme", 1.0, "leep", 2.0))
        .add("all", "new", OptionalDouble.empty(), Map.of("logme", 9.0, "leep", 9.0))
        .build();
    CorrelationTable correlations = CorrelationTable.compute(table);
    assertThat(correlations.notes()).containsExactly(
        "1 model without accuracy left out of the correlations: new",
        "1 score cell is empty: each value uses the models that have both a score and a ground"
            + " truth (pairwise-complete; the count is shown beside each value)");
    assertThat(correlations.get("all", "logme", Metric.WEIGHTED_TAU).value()).isEqualTo(1.0);
    assertThat(correlations.models("all", "logme")).isEqualTo(3);
    // leep on a and c only: a scores lower and is better
    assertThat(correlations.get("all", "leep", Metric.WEIGHTED_TAU).value()).isEqualTo(-1.0);
    assertThat(correlations.models("all", "leep")).isEqualTo(2);
    assertThat(correlations.get("all", "leep", Metric.TOP1_RELATIVE_ACCURACY).value())
        .isEqualTo(70.0 / 90);
  }

  @Test
  void aTableWithoutTruthCannotBeCorrelated() {
    ResultsTable table = ResultsTable.parse(new StringReader("model,logme\na,1\nb,2\n"), "t.csv",
        TableSpec.scoresOnly());
    assertThatThrownBy(() -> CorrelationTable.compute(table))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("no ground truth");
  }
}
