package org.logme.eval.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.InputKind;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.testing.Backends;
import org.logme.core.LogMeEstimatorProvider;
import org.logme.eval.table.CorrelationTable;
import org.logme.eval.table.Group;
import org.logme.eval.table.Metric;
import org.logme.eval.table.ResultsTable;
import org.logme.eval.table.ScoreColumn;
import org.logme.eval.table.TableSpec;

class ZooScorerTest {
  private static final double[] SIGNALS = {1.2, 3.0, 2.0, 2.5, 1.0};
  private static final boolean[] NO_PROBS = new boolean[SIGNALS.length];

  static List<LinearAlgebraBackend> backends() {
    return Backends.all();
  }

  private static TransferabilityEstimator logme() {
    return new LogMeEstimatorProvider().create();
  }

  /** Needs source probabilities: the mean of the largest probability per sample. */
  private static final class MaxProb implements TransferabilityEstimator {
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunning = new AtomicInteger();

    @Override
    public String name() {
      return "maxprob";
    }

    @Override
    public List<Set<InputKind>> acceptedInputs() {
      return List.of(Set.of(InputKind.SOURCE_PROBABILITIES));
    }

    @Override
    public EstimateResult estimate(EstimationInput input, LinearAlgebraBackend backend) {
      mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        var m = input.sourceProbabilities().orElseThrow().matrix();
        double sum = 0;
        for (int i = 0; i < m.rows(); i++) {
          double max = 0;
          for (int j = 0; j < m.cols(); j++) {
            max = Math.max(max, m.get(i, j));
          }
          sum += max;
        }
        return EstimateResult.builder(name(), sum / m.rows()).build();
      } finally {
        running.decrementAndGet();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void scoresEveryModelInNameOrderAndRanksThemBySignal(LinearAlgebraBackend backend,
      @TempDir Path dir) throws Exception {
    ModelZoo zoo = ModelZoo.open(TestZoo.write(dir, SIGNALS, NO_PROBS));
    ZooResult result = new ZooScorer(List.of(logme()), backend).score(zoo);
    assertThat(result.models()).containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(result.warnings()).isEmpty();
    ResultsTable table = result.table();
    assertThat(table.truthName()).isEmpty();
    assertThat(table.columns()).containsExactly(ScoreColumn.estimator("logme"));
    Group all = table.groups().get(0);
    assertThat(all.name()).isEqualTo(ResultsTable.ALL);
    double[] scores = new double[SIGNALS.length];
    for (int m = 0; m < scores.length; m++) {
      scores[m] = all.score(0, m).getAsDouble();
      assertThat(result.result("m" + m, "logme")).get()
          .extracting(EstimateResult::score).isEqualTo(scores[m]);
    }
    // more class signal in the features, higher LogME
    assertThat(scores[1]).isGreaterThan(scores[3]);
    assertThat(scores[3]).isGreaterThan(scores[2]);
    assertThat(scores[2]).isGreaterThan(scores[4]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void theParallelResultEqualsTheSequentialOne(LinearAlgebraBackend backend, @TempDir Path dir)
      throws Exception {
    boolean[] someProbs = {true, false, true, true, false};
    ModelZoo zoo = ModelZoo.open(TestZoo.write(dir, SIGNALS, someProbs));
    List<TransferabilityEstimator> estimators = List.of(logme(), new MaxProb());
    ZooResult sequential = new ZooScorer(estimators, backend).threads(1).score(zoo);
    ZooResult parallel = new ZooScorer(estimators, backend).threads(4).score(zoo);
    assertThat(parallel.models()).isEqualTo(sequential.models());
    assertThat(parallel.warnings()).isEqualTo(sequential.warnings());
    for (String model : sequential.models()) {
      for (String estimator : sequential.estimators()) {
        assertThat(parallel.result(model, estimator).map(EstimateResult::score))
            .as("%s / %s", model, estimator)
            .isEqualTo(sequential.result(model, estimator).map(EstimateResult::score));
      }
    }
  }

  @Test
  void anEstimatorLackingAnInputIsSkippedWithAWarningWhenSeveralAreRequested(@TempDir Path dir)
      throws Exception {
    boolean[] someProbs = {true, false, true, true, false};
    ModelZoo zoo = ModelZoo.open(TestZoo.write(dir, SIGNALS, someProbs));
    ZooResult result = new ZooScorer(List.of(logme(), new MaxProb()), Backends.all().get(0))
        .score(zoo);
    // one warning for the estimator, naming every model it was skipped for
    assertThat(result.warnings()).containsExactly("estimator 'maxprob' needs source_probs.npy,"
        + " but source_probs.npy is missing for 2 of 5 models (m1, m4); skipped for them");
    assertThat(result.result("m1", "maxprob")).isEmpty();
    assertThat(result.result("m1", "logme")).isPresent();
    assertThat(result.result("m2", "maxprob")).isPresent();
    assertThat(result.table().groups().get(0).score(1, 1)).isEmpty();
  }

  @Test
  void aSingleEstimatorLackingAnInputFailsWhenStrictAndSkipsTheModelOtherwise(@TempDir Path dir)
      throws Exception {
    boolean[] someProbs = {true, false, true, true, true};
    ModelZoo zoo = ModelZoo.open(TestZoo.write(dir, SIGNALS, someProbs));
    ZooScorer scorer = new ZooScorer(List.of(new MaxProb()), Backends.all().get(0));
    assertThatThrownBy(() -> scorer.strict(true).score(zoo))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("model 'm1': no source_probs.npy in ")
        .hasMessageContaining("estimator 'maxprob' needs source_probs.npy");
    ZooResult result = scorer.score(zoo);
    assertThat(result.models()).containsExactly("m0", "m2", "m3", "m4");
    assertThat(result.skipped()).containsOnlyKeys("m1");
    assertThat(result.skipped().get("m1")).contains("no source_probs.npy");
    assertThat(result.warnings()).anyMatch(w -> w.endsWith("model 'm1' skipped (--strict to"
        + " fail instead)"));
    assertThat(result.table().notes()).anyMatch(n -> n.startsWith("model 'm1' was skipped"));
  }

  @Test
  void aBrokenModelIsSkippedAndNamedWithTheMissingFile(@TempDir Path dir) throws Exception {
    Path root = TestZoo.write(dir, SIGNALS, NO_PROBS);
    Files.createDirectories(root.resolve(ModelZoo.MODELS).resolve("x-empty"));
    ModelZoo zoo = ModelZoo.open(root);
    ZooResult result = new ZooScorer(List.of(logme()), Backends.all().get(0)).score(zoo);
    assertThat(result.skipped()).containsOnlyKeys("x-empty");
    assertThat(result.skipped().get("x-empty")).startsWith("model 'x-empty': no features.npy"
        + " in ");
    assertThat(result.models()).hasSize(SIGNALS.length);
    assertThat(result.info("m0").orElseThrow().dimension()).isNotNull();
    assertThat(result.info("m0").orElseThrow().featureInput()).isNotEmpty();
    Files.writeString(root.resolve(ModelZoo.MODELS).resolve("x-empty")
        .resolve(ModelZoo.FEATURES), "not numpy");
    assertThatThrownBy(() -> new ZooScorer(List.of(logme()), Backends.all().get(0)).strict(true)
        .score(ModelZoo.open(root))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("x-empty").hasMessageContaining("features.npy");
  }

  @Test
  void reportsProgressOncePerModelAndHoldsAtMostThreadsModelsAtOnce(@TempDir Path dir)
      throws Exception {
    boolean[] allProbs = {true, true, true, true, true};
    ModelZoo zoo = ModelZoo.open(TestZoo.write(dir, SIGNALS, allProbs));
    List<String> events = new ArrayList<>();
    MaxProb maxProb = new MaxProb();
    new ZooScorer(List.of(maxProb), Backends.all().get(0)).threads(2)
        .progress(new ZooProgress() {
          @Override
          public void started(int total) {
            events.add("start " + total);
          }

          @Override
          public void modelDone(String model, int done, int total) {
            events.add(done + "/" + total);
          }
        }).score(zoo);
    assertThat(events).containsExactly("start 5", "1/5", "2/5", "3/5", "4/5", "5/5");
    assertThat(maxProb.mostRunning.get()).isBetween(1, 2);
  }

  @Test
  void accuraciesAndStaticBaselinesComeFromAccuracyCsv(@TempDir Path dir) throws Exception {
    TestZoo.write(dir, SIGNALS, NO_PROBS);
    Files.writeString(dir.resolve(ModelZoo.ACCURACY),
        "model,accuracy,params\nm0,60,5\nm1,90,1\nm2,70,4\nm3,80,2\n");
    ZooResult result = new ZooScorer(List.of(logme()), Backends.all().get(0))
        .score(ModelZoo.open(dir));
    ResultsTable table = result.table();
    assertThat(table.truthName()).contains("accuracy");
    assertThat(table.columns()).containsExactly(ScoreColumn.estimator("logme"),
        ScoreColumn.staticBaseline("params"));
    CorrelationTable correlations = CorrelationTable.compute(table);
    assertThat(correlations.notes()).containsExactly(
        "1 model without accuracy left out of the correlations: m4");
    assertThat(correlations.get("all", "logme", Metric.WEIGHTED_TAU).value())
        .isCloseTo(1.0, within(1e-15));
    assertThat(correlations.get("all", "params", Metric.WEIGHTED_TAU).value())
        .isCloseTo(-1.0, within(1e-15));
  }

  @Test
  void layoutErrorsSayWhatIsWrong(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ModelZoo.open(dir.resolve("none")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a directory");
    Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> ModelZoo.open(dir.resolve("empty")))
        .hasMessageContaining("neither labels.npy (class labels) nor targets.npy");
    Path zoo = TestZoo.write(dir.resolve("zoo"), SIGNALS, NO_PROBS);
    Files.writeString(zoo.resolve(ModelZoo.ACCURACY), "model,accuracy\nm0,60\nresnet,70\n");
    assertThatThrownBy(() -> ModelZoo.open(zoo))
        .hasMessageContaining("model 'resnet' has no directory")
        .hasMessageContaining("the zoo's models are: m0, m1, m2, m3, m4");
    Files.writeString(zoo.resolve(ModelZoo.ACCURACY), "model,acc\nm0,60\n");
    ZooResult scored = new ZooScorer(List.of(logme()), Backends.all().get(0))
        .score(ModelZoo.open(zoo));
    assertThatThrownBy(scored::table).hasMessageContaining("no column 'accuracy'")
        .hasMessageContaining("choose one with --truth NAME");
    assertThat(scored.table(TableSpec.truth("acc")).truthName()).hasValue("acc");
    Files.copy(zoo.resolve(ModelZoo.LABELS), zoo.resolve(ModelZoo.TARGETS));
    assertThatThrownBy(() -> ModelZoo.open(zoo))
        .hasMessageContaining("both labels.npy and targets.npy are present");
  }
}
