package org.logme.api.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.logme.api.InvalidInputException;
import org.logme.api.InvalidParameterException;
import org.logme.api.data.Features;
import org.logme.api.data.LabelEmbeddings;
import org.logme.api.data.Labels;
import org.logme.api.data.SourceLabels;
import org.logme.api.data.SourceProbabilities;
import org.logme.api.estimator.EstimateResult;
import org.logme.api.estimator.EstimationInput;
import org.logme.api.estimator.EstimatorProvider;
import org.logme.api.estimator.TransferabilityEstimator;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.testing.Backends;

/**
 * The contract every {@link TransferabilityEstimator} meets, run by subclassing (one subclass
 * per estimator) on every backend found on the class path. The synthetic task has C classes
 * with separated Gaussian centres; its "informative" version gives features and source-model
 * outputs that reflect the classes, its "random" version gives inputs of the same shapes that
 * are independent of them.
 *
 * <p>A {@link CandidateSetEstimator} is scored within a fixed set of candidates on the same
 * labels (the model under test first, then an informative and an uninformative companion),
 * and must in addition flag its results as set-dependent, refuse a single model, keep the
 * candidates' order and not depend on it.
 */
public abstract class EstimatorContractTest {
  protected static final int N = 240;
  protected static final int D = 12;
  protected static final int C = 4;
  protected static final int SOURCE_CLASSES = 6;

  /** @return the provider under test */
  protected abstract EstimatorProvider provider();

  /** @return false for a stochastic estimator whose value depends on the sample order */
  protected boolean permutationInvariant() {
    return true;
  }

  static Stream<LinearAlgebraBackend> backends() {
    return Backends.all().stream();
  }

  /** @return the synthetic task, informative or not, with every kind of input */
  protected static EstimationInput task(boolean informative, long seed) {
    Random random = new Random(seed);
    double[] labels = new double[N];
    Matrix centres = Matrix.zeros(C, D);
    for (int c = 0; c < C; c++) {
      for (int j = 0; j < D; j++) {
        centres.set(c, j, 3 * random.nextGaussian());
      }
    }
    Matrix features = Matrix.zeros(N, D);
    Matrix probabilities = Matrix.zeros(N, SOURCE_CLASSES);
    for (int i = 0; i < N; i++) {
      int c = i % C;
      labels[i] = c;
      for (int j = 0; j < D; j++) {
        features.set(i, j, (informative ? centres.get(c, j) : 0) + random.nextGaussian());
      }
      double sum = 0;
      for (int s = 0; s < SOURCE_CLASSES; s++) {
        // informative: the source model puts most mass on source class c (a function of c)
        double logit = informative ? (s == c ? 3.0 : 0.0) + 0.5 * random.nextGaussian()
            : random.nextGaussian();
        double p = Math.exp(logit);
        probabilities.set(i, s, p);
        sum += p;
      }
      for (int s = 0; s < SOURCE_CLASSES; s++) {
        probabilities.set(i, s, probabilities.get(i, s) / sum);
      }
    }
    SourceProbabilities source = new SourceProbabilities(probabilities, "P");
    return EstimationInput.builder().features(new Features(features, "F"))
        .labels(Labels.of(labels, "y")).sourceProbabilities(source)
        .sourceLabels(SourceLabels.argmaxOf(source)).labelEmbeddings(labelEmbeddings()).build();
  }

  /** Embeddings of the C class names by two encoders: fixed, as the class names are. */
  protected static LabelEmbeddings labelEmbeddings() {
    Random random = new Random(42);
    List<Matrix> encoders = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      Matrix e = Matrix.zeros(C, 6);
      for (int i = 0; i < e.data().length; i++) {
        e.data()[i] = random.nextGaussian();
      }
      encoders.add(e);
    }
    return LabelEmbeddings.of(encoders, List.of("E1", "E2"), "E");
  }

  private TransferabilityEstimator estimator() {
    return provider().create();
  }

  /**
   * One model's score as the estimator gives it: alone, or for a set-level estimator within
   * the set [input, companions...] (companions with the same labels, permuted like the input).
   */
  private static EstimateResult score(TransferabilityEstimator estimator, EstimationInput input,
      LinearAlgebraBackend backend, int[] order) {
    if (estimator instanceof CandidateSetEstimator set) {
      List<EstimationInput> candidates = new ArrayList<>();
      candidates.add(input);
      EstimationInput informative = task(true, 1001);
      EstimationInput uninformative = task(false, 1002);
      candidates.add(order == null ? informative : permute(informative, order));
      candidates.add(order == null ? uninformative : permute(uninformative, order));
      return set.estimateSet(candidates, backend).get(0);
    }
    return estimator.estimate(input, backend);
  }

  private static EstimateResult score(TransferabilityEstimator estimator, EstimationInput input,
      LinearAlgebraBackend backend) {
    return score(estimator, input, backend, null);
  }

  @Test
  void theEstimatorCarriesItsProvidersName() {
    assertThat(estimator().name()).isEqualTo(provider().name());
    assertThat(provider().description()).isNotBlank();
    assertThat(estimator().acceptedInputs()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void givesAFiniteDeterministicScoreNamedAfterTheEstimator(LinearAlgebraBackend backend) {
    EstimationInput input = task(true, 1);
    EstimateResult first = score(estimator(), input, backend);
    EstimateResult second = score(estimator(), input, backend);
    assertThat(first.estimator()).isEqualTo(provider().name());
    assertThat(first.score()).isFinite().isEqualTo(second.score());
    assertThat(first.higherIsBetter()).isEqualTo(estimator().higherIsBetter());
    assertThat(first.setDependent()).isEqualTo(estimator().setDependent())
        .isEqualTo(estimator() instanceof CandidateSetEstimator);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void informativeInputsScoreHigherThanRandomOnesOfTheSameShape(LinearAlgebraBackend backend) {
    double informative;
    double random;
    if (estimator() instanceof CandidateSetEstimator set) {
      List<EstimateResult> both = set.estimateSet(List.of(task(true, 2), task(false, 2)),
          backend);
      informative = both.get(0).score();
      random = both.get(1).score();
    } else {
      informative = estimator().estimate(task(true, 2), backend).score();
      random = estimator().estimate(task(false, 2), backend).score();
    }
    if (estimator().higherIsBetter()) {
      assertThat(informative).isGreaterThan(random);
    } else {
      assertThat(informative).isLessThan(random);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void doesNotModifyItsInput(LinearAlgebraBackend backend) {
    EstimationInput input = task(true, 3);
    Matrix before = input.features().orElseThrow().matrix().copy();
    Matrix probabilitiesBefore = input.sourceProbabilities().orElseThrow().matrix().copy();
    score(estimator(), input, backend);
    assertThat(input.features().orElseThrow().matrix().sameValues(before)).isTrue();
    assertThat(input.sourceProbabilities().orElseThrow().matrix().sameValues(probabilitiesBefore))
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("backends")
  void permutingTheSamplesLeavesTheScoreUnchanged(LinearAlgebraBackend backend) {
    if (!permutationInvariant()) {
      return;
    }
    EstimationInput input = task(true, 4);
    int[] order = new int[N];
    for (int i = 0; i < N; i++) {
      order[i] = (i * 7 + 3) % N; // 7 is coprime with N = 240: a permutation
    }
    double original = score(estimator(), input, backend).score();
    double permuted = score(estimator(), permute(input, order), backend, order).score();
    assertThat(Math.abs(permuted - original))
        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(original)));
  }

  private static EstimationInput permute(EstimationInput input, int[] order) {
    Matrix f = rows(input.features().orElseThrow().matrix(), order);
    Matrix p = rows(input.sourceProbabilities().orElseThrow().matrix(), order);
    Labels labels = input.labels().orElseThrow();
    double[] y = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      y[i] = labels.classIndex(order[i]);
    }
    SourceProbabilities source = new SourceProbabilities(p, "P");
    return EstimationInput.builder().features(new Features(f, "F")).labels(Labels.of(y, "y"))
        .sourceProbabilities(source).sourceLabels(SourceLabels.argmaxOf(source))
        .labelEmbeddings(input.labelEmbeddings().orElse(null)).build();
  }

  private static Matrix rows(Matrix m, int[] order) {
    Matrix out = Matrix.zeros(m.rows(), m.cols());
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(m.data(), order[i] * m.cols(), out.data(), i * m.cols(), m.cols());
    }
    return out;
  }

  @Test
  void missingInputsAreAClearErrorNamingTheInputs() {
    EstimationInput empty = EstimationInput.builder().build();
    assertThat(estimator().missingInputs(empty)).isNotEmpty()
        .containsAnyElementsOf(estimator().acceptedInputs().get(0));
    assertThatThrownBy(() -> estimator().estimate(empty, Backends.all().get(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("estimator '" + provider().name() + "' needs "
            + InputKind.describe(estimator().acceptedInputs(), InputKind::label));
  }

  @Test
  void resultsCarryTheParametersTheyWereComputedWith() {
    LinearAlgebraBackend backend = Backends.all().get(0);
    EstimateResult result = score(estimator(), task(true, 9), backend);
    assertThat(result.parameters())
        .isEqualTo(EstimatorParameters.defaults(provider().name(), provider().parameters()));
    assertThat(result.parameters().asText().keySet()).containsExactlyElementsOf(
        provider().parameters().stream().map(Parameter::name).toList());
  }

  @Test
  void isSafeToShareBetweenThreads() throws InterruptedException, ExecutionException {
    TransferabilityEstimator shared = estimator();
    LinearAlgebraBackend backend = Backends.all().get(0);
    EstimationInput input = task(true, 5);
    double expected = score(shared, input, backend).score();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Double>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> score(shared, input, backend).score()));
      }
      for (Future<Double> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSetLevelEstimatorRefusesOneModelAndFlagsItsScores() {
    if (!(estimator() instanceof CandidateSetEstimator set)) {
      assertThat(estimator().setDependent()).isFalse();
      return;
    }
    LinearAlgebraBackend backend = Backends.all().get(0);
    assertThatThrownBy(() -> set.estimate(task(true, 11), backend))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("set-dependent").hasMessageContaining("candidates");
    assertThatThrownBy(() -> set.estimateSet(List.of(task(true, 11)), backend))
        .isInstanceOf(InvalidParameterException.class);
    List<EstimationInput> candidates = List.of(task(true, 12), task(false, 13), task(true, 14));
    List<EstimateResult> results = set.estimateSet(candidates, backend);
    assertThat(results).hasSize(3).allSatisfy(r -> {
      assertThat(r.setDependent()).isTrue();
      assertThat(r.estimator()).isEqualTo(provider().name());
    });
    // reordering the candidates reorders the scores and changes nothing else
    List<EstimateResult> reversed = set.estimateSet(List.of(candidates.get(2), candidates.get(1),
        candidates.get(0)), backend);
    for (int i = 0; i < 3; i++) {
      assertThat(reversed.get(2 - i).score()).isCloseTo(results.get(i).score(),
          org.assertj.core.api.Assertions.within(1e-12 * Math.max(1,
              Math.abs(results.get(i).score()))));
    }
  }

  @Test
  void aSetLevelEstimatorRefusesCandidatesWithDifferentLabels() {
    if (!(estimator() instanceof CandidateSetEstimator set)) {
      return;
    }
    int[] order = new int[N];
    for (int i = 0; i < N; i++) {
      order[i] = (i * 7 + 3) % N;
    }
    assertThatThrownBy(() -> set.estimateSet(List.of(task(true, 15), permute(task(true, 16),
        order)), Backends.all().get(0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("same target samples");
  }
}
