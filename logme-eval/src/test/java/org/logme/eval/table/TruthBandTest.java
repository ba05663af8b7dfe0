package org.logme.eval.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** τ_w against each variant of the truth equals the correlation table computed on that truth. */
class TruthBandTest {
  @Test
  void eachVariantIsTheCorrelationWithThatTruthAndTheBandSpansThem() {
    ResultsTable table = ResultsTable.builder("t", "accuracy",
        List.of(ScoreColumn.estimator("s"), ScoreColumn.staticBaseline("params")))
        .add(ResultsTable.ALL, "a", OptionalDouble.of(0.5), Map.of("s", 1.0, "params", 3.0))
        .add(ResultsTable.ALL, "b", OptionalDouble.of(0.6), Map.of("s", 2.0, "params", 1.0))
        .add(ResultsTable.ALL, "c", OptionalDouble.of(0.7), Map.of("s", 3.0, "params", 2.0))
        .add(ResultsTable.ALL, "d", OptionalDouble.of(0.8), Map.of("s", 4.0, "params", 4.0))
        .build();
    StaticFacts variants = StaticFacts.parse(new StringReader(
        "model,low,high\na,0.5,0.9\nb,0.6,0.8\nc,0.7,0.7\nd,0.8,0.6\n"), "probe.csv");
    TruthBand band = TruthBand.compute(table, variants);
    assertThat(band.variants()).containsExactly("low", "high");
    // "low" orders the models as the table's own truth: s agrees perfectly
    assertThat(band.get("s", "low").value()).isCloseTo(1.0, within(1e-12));
    assertThat(band.get("s", "high").value()).isCloseTo(-1.0, within(1e-12));
    assertThat(band.range("s").orElseThrow()).containsExactly(band.get("s", "high").value(),
        band.get("s", "low").value());
    CorrelationTable direct = CorrelationTable.compute(table);
    assertThat(band.get("params", "low").value()).isCloseTo(
        direct.get(ResultsTable.ALL, "params", Metric.WEIGHTED_TAU).value(), within(1e-15));
  }
}
