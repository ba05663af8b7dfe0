package org.logme.probe;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.logme.api.InvalidInputException;

/**
 * Cross-validated accuracy of a logistic-regression probe on frozen features (see
 * {@link ProbeSettings} for the model and its relation to scikit-learn).
 *
 * <p>For each outer fold f and each C of the grid, the probe is trained on the other folds and
 * tested on f. For the nested variant, C is chosen for each outer fold by a stratified inner
 * cross-validation on its training samples (same seed): the C of highest mean inner accuracy,
 * the smallest on ties (as scikit-learn's {@code GridSearchCV} takes the first best); the
 * outer accuracy at that C is then the one already computed. Per model that is
 * k·|grid|·(1 + k_inner) fits, run on {@code threads} threads; every fit is deterministic, so
 * the result does not depend on the thread count.
 *
 * @since 0.2
 */
public final class LinearProbe {
  /** The version of the LIBLINEAR port used. */
  public static final String LIBLINEAR_VERSION = "2.44";

  static {
    Linear.disableDebugOutput();
  }

  private final ProbeSettings settings;
  private final int threads;

  /**
   * @param settings how to train and validate
   * @param threads how many fits may run at once (≥ 1)
   */
  public LinearProbe(ProbeSettings settings, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.settings = settings;
    this.threads = threads;
  }

  /** @return the settings */
  public ProbeSettings settings() {
    return settings;
  }

  /**
   * @param features N rows of D values
   * @param labels the class id of each row
   * @param folds the outer fold of each row, 0..k−1 ({@link StratifiedFolds#assign})
   * @return the accuracies
   * @throws InvalidInputException if the shapes disagree, a value is not finite, or a fold is
   *     empty
   */
  public ProbeAccuracy evaluate(float[][] features, int[] labels, int[] folds) {
    int n = features.length;
    if (labels.length != n || folds.length != n) {
      throw new InvalidInputException("probe: " + n + " feature rows but " + labels.length
          + " labels and " + folds.length + " fold ids");
    }
    Feature[][] rows = rows(features);
    int k = settings.folds();
    List<int[]> train = new ArrayList<>();
    List<int[]> test = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Integer> in = new ArrayList<>();
      List<Integer> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (folds[i] < 0 || folds[i] >= k) {
          throw new IllegalArgumentException("fold id " + folds[i] + " of row " + i
              + " is outside 0.." + (k - 1));
        }
        (folds[i] == f ? out : in).add(i);
      }
      if (out.isEmpty()) {
        throw new InvalidInputException("probe: fold " + f + " of " + k + " is empty");
      }
      train.add(in.stream().mapToInt(Integer::intValue).toArray());
      test.add(out.stream().mapToInt(Integer::intValue).toArray());
    }
    List<Double> grid = settings.grid();
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "logme-probe");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // outer accuracies [fold][c], and inner mean accuracies [fold][c]
      List<List<Future<Double>>> outer = new ArrayList<>();
      List<List<List<Future<Double>>>> inner = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int[] in = train.get(f);
        int[] out = test.get(f);
        List<Future<Double>> byC = new ArrayList<>();
        for (double c : grid) {
          byC.add(pool.submit(() -> accuracy(rows, labels, in, out, c)));
        }
        outer.add(byC);
        int[] innerLabels = new int[in.length];
        for (int i = 0; i < in.length; i++) {
          innerLabels[i] = labels[in[i]];
        }
        int[] innerFolds = StratifiedFolds.assign(innerLabels, settings.innerFolds(),
            settings.seed());
        List<List<Future<Double>>> innerByC = new ArrayList<>();
        for (double c : grid) {
          List<Future<Double>> perFold = new ArrayList<>();
          for (int g = 0; g < settings.innerFolds(); g++) {
            int[][] split = split(in, innerFolds, g);
            perFold.add(pool.submit(() -> accuracy(rows, labels, split[0], split[1], c)));
          }
          innerByC.add(perFold);
        }
        inner.add(innerByC);
      }
      Map<Double, Double> byC = new TreeMap<>();
      double[][] outerAccuracy = new double[k][grid.size()];
      for (int j = 0; j < grid.size(); j++) {
        double sum = 0;
        for (int f = 0; f < k; f++) {
          outerAccuracy[f][j] = outer.get(f).get(j).get();
          sum += outerAccuracy[f][j];
        }
        byC.put(grid.get(j), sum / k);
      }
      double nested = 0;
      List<Double> chosen = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int best = 0;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < grid.size(); j++) {
          double mean = 0;
          for (Future<Double> fold : inner.get(f).get(j)) {
            mean += fold.get();
          }
          mean /= settings.innerFolds();
          if (mean > bestMean) { // strictly: the smallest C wins ties
            bestMean = mean;
            best = j;
          }
        }
        chosen.add(grid.get(best));
        nested += outerAccuracy[f][best];
      }
      return new ProbeAccuracy(new TreeMap<>(byC), nested / k, chosen);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training the probe", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** @return [training rows, test rows] of {@code rows} for inner fold g */
  private static int[][] split(int[] rows, int[] innerFolds, int g) {
    int test = 0;
    for (int fold : innerFolds) {
      test += fold == g ? 1 : 0;
    }
    int[] in = new int[rows.length - test];
    int[] out = new int[test];
    int a = 0;
    int b = 0;
    for (int i = 0; i < rows.length; i++) {
      if (innerFolds[i] == g) {
        out[b++] = rows[i];
      } else {
        in[a++] = rows[i];
      }
    }
    return new int[][] {in, out};
  }

  /** Trains on {@code train} and returns the fraction of {@code test} classified correctly. */
  private double accuracy(Feature[][] rows, int[] labels, int[] train, int[] test, double c) {
    Problem problem = new Problem();
    problem.l = train.length;
    problem.n = rows[0].length; // D features plus the bias feature
    problem.bias = settings.bias();
    problem.x = new Feature[train.length][];
    problem.y = new double[train.length];
    for (int i = 0; i < train.length; i++) {
      problem.x[i] = rows[train[i]];
      problem.y[i] = labels[train[i]];
    }
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c,
        settings.tolerance()));
    int correct = 0;
    for (int i : test) {
      correct += (int) Linear.predict(model, rows[i]) == labels[i] ? 1 : 0;
    }
    return (double) correct / test.length;
  }

  /** LIBLINEAR's rows: indices 1..D, then the bias feature at D+1. */
  private Feature[][] rows(float[][] features) {
    if (features.length == 0) {
      throw new InvalidInputException("probe: no samples");
    }
    int d = features[0].length;
    Feature[][] rows = new Feature[features.length][];
    for (int i = 0; i < features.length; i++) {
      if (features[i].length != d) {
        throw new InvalidInputException("probe: row " + i + " has " + features[i].length
            + " values, row 0 has " + d);
      }
      Feature[] row = new Feature[d + 1];
      for (int j = 0; j < d; j++) {
        float v = features[i][j];
        if (!Float.isFinite(v)) {
          throw new InvalidInputException("probe: feature " + j + " of row " + i + " is " + v);
        }
        row[j] = new FeatureNode(j + 1, v);
      }
      row[d] = new FeatureNode(d + 1, settings.bias());
      rows[i] = row;
    }
    return rows;
  }
}
