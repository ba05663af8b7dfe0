package org.logme.probe;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.logme.api.InvalidInputException;

/**
 * Cross-validated accuracy of a logistic-regression probe on frozen features (see
 * {@link ProbeSettings} for the model and its relation to scikit-learn).
 *
 * <p>For each outer fold f and each C of the grid, the probe is trained on the other folds and
 * tested on f. For the nested variant, C is chosen for each outer fold f by a (k−1)-fold inner
 * cross-validation whose folds are the other outer folds: for each g ≠ f, train on the folds
 * other than f and g and validate on g. The C of highest mean inner accuracy wins, the smallest
 * on ties (as scikit-learn's {@code GridSearchCV} takes the first best), and the outer accuracy
 * at that C is the one already computed. The fit without folds f and g serves the inner
 * cross-validations of both f and g, so the inner work is C(k, 2) fits per C rather than
 * k(k−1): for k = 5 and three values of C, 15 outer and 30 inner fits per model, run on
 * {@code threads} threads, the inner fits of one training set warm-started along the grid.
 * Every fit is deterministic, so the result does not depend on the thread count.
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
    return evaluate(rows(features.length, features.length == 0 ? 0 : features[0].length,
        (i, j) -> features[i][j], i -> features[i].length), labels, folds);
  }

  /**
   * The same for features in double precision (as scikit-learn fits float64 input).
   *
   * @param features N rows of D values
   * @param labels the class id of each row
   * @param folds the outer fold of each row, 0..k−1 ({@link StratifiedFolds#assign})
   * @return the accuracies
   * @throws InvalidInputException if the shapes disagree, a value is not finite, or a fold is
   *     empty
   * @since 0.2
   */
  public ProbeAccuracy evaluate(double[][] features, int[] labels, int[] folds) {
    return evaluate(rows(features), labels, folds);
  }

  /**
   * The cross-validated accuracy at one C only (k fits, no inner cross-validation): the mean
   * over the outer folds of the fraction of test samples classified correctly.
   *
   * @param features N rows of D values
   * @param labels the class id of each row
   * @param folds the fold of each row, 0..k−1
   * @param c the inverse regularisation strength
   * @return the accuracy, in [0, 1]
   * @throws InvalidInputException if the shapes disagree, a value is not finite, or a fold is
   *     empty
   * @since 0.2
   */
  public double crossValidated(double[][] features, int[] labels, int[] folds, double c) {
    Feature[][] rows = rows(features);
    checkLengths(rows.length, labels, folds);
    int k = settings.folds();
    int[][] members = members(folds, k);
    double sum = 0;
    for (int f = 0; f < k; f++) {
      sum += accuracy(rows, labels, except(members, f, -1), members[f], c);
    }
    return sum / k;
  }

  private static void checkLengths(int n, int[] labels, int[] folds) {
    if (labels.length != n || folds.length != n) {
      throw new InvalidInputException("probe: " + n + " feature rows but " + labels.length
          + " labels and " + folds.length + " fold ids");
    }
  }

  private ProbeAccuracy evaluate(Feature[][] rows, int[] labels, int[] folds) {
    checkLengths(rows.length, labels, folds);
    int k = settings.folds();
    int[][] members = members(folds, k);
    List<Double> grid = settings.grid();
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "logme-probe");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // outer fits: every fold against the others, at every C, each from zero
      List<List<Future<Double>>> outer = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        int[] in = except(members, f, -1);
        int[] out = members[f];
        List<Future<Double>> byC = new ArrayList<>();
        for (double c : grid) {
          byC.add(pool.submit(() -> accuracy(rows, labels, in, out, c)));
        }
        outer.add(byC);
      }
      // inner fits: for each pair of folds {a, b}, train on the rest along the grid and
      // validate on a (an inner fold of outer fold b) and on b (one of outer fold a)
      List<List<Future<double[][]>>> pairs = new ArrayList<>();
      for (int a = 0; a < k; a++) {
        List<Future<double[][]>> row = new ArrayList<>();
        for (int b = 0; b < k; b++) {
          if (b <= a) {
            row.add(null);
            continue;
          }
          int[] in = except(members, a, b);
          List<int[]> validation = List.of(members[a], members[b]);
          row.add(pool.submit(() -> path(rows, labels, in, validation, grid)));
        }
        pairs.add(row);
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
          for (int g = 0; g < k; g++) {
            if (g != f) { // trained without f and g, validated on g
              double[][] path = pairs.get(Math.min(f, g)).get(Math.max(f, g)).get();
              mean += path[f < g ? 1 : 0][j];
            }
          }
          mean /= k - 1;
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

  /** @return the rows of each fold */
  private static int[][] members(int[] folds, int k) {
    List<List<Integer>> byFold = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      byFold.add(new ArrayList<>());
    }
    for (int i = 0; i < folds.length; i++) {
      if (folds[i] < 0 || folds[i] >= k) {
        throw new IllegalArgumentException("fold id " + folds[i] + " of row " + i
            + " is outside 0.." + (k - 1));
      }
      byFold.get(folds[i]).add(i);
    }
    int[][] members = new int[k][];
    for (int f = 0; f < k; f++) {
      if (byFold.get(f).isEmpty()) {
        throw new InvalidInputException("probe: fold " + f + " of " + k + " is empty");
      }
      members[f] = byFold.get(f).stream().mapToInt(Integer::intValue).toArray();
    }
    return members;
  }

  /** @return the rows of every fold but {@code a} and {@code b} (−1 for none), in row order */
  private static int[] except(int[][] members, int a, int b) {
    return IntStream.range(0, members.length).filter(f -> f != a && f != b)
        .flatMap(f -> Arrays.stream(members[f])).sorted().toArray();
  }

  /** Trains on {@code train} and returns the fraction of {@code test} classified correctly. */
  private double accuracy(Feature[][] rows, int[] labels, int[] train, int[] test, double c) {
    return accuracy(train(rows, labels, train, c, null), rows, labels, test);
  }

  /**
   * Accuracies along the grid for one training set, each fit starting from the solution at the
   * previous C (warm start). LIBLINEAR's stopping rule is relative to the gradient at w = 0
   * whatever the start, so a warm-started fit meets the same tolerance with fewer iterations;
   * only the choice of C depends on these fits, and the reported accuracies come from fits that
   * start at zero, as scikit-learn's do.
   *
   * @return the accuracy on each validation set, [set][C]
   */
  private double[][] path(Feature[][] rows, int[] labels, int[] train, List<int[]> validation,
      List<Double> grid) {
    double[][] accuracies = new double[validation.size()][grid.size()];
    double[] start = null;
    for (int j = 0; j < grid.size(); j++) {
      Model model = train(rows, labels, train, grid.get(j), start);
      for (int v = 0; v < validation.size(); v++) {
        accuracies[v][j] = accuracy(model, rows, labels, validation.get(v));
      }
      start = model.getFeatureWeights();
    }
    return accuracies;
  }

  private Model train(Feature[][] rows, int[] labels, int[] train, double c, double[] start) {
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
    Parameter parameter = new Parameter(SolverType.L2R_LR, c, settings.tolerance());
    if (start != null) {
      parameter.setInitSol(start);
    }
    return Linear.train(problem, parameter);
  }

  private static double accuracy(Model model, Feature[][] rows, int[] labels, int[] test) {
    int correct = 0;
    for (int i : test) {
      correct += (int) Linear.predict(model, rows[i]) == labels[i] ? 1 : 0;
    }
    return (double) correct / test.length;
  }

  /** Reads value (i, j) of a feature table. */
  @FunctionalInterface
  private interface Cell {
    double get(int i, int j);
  }

  private Feature[][] rows(double[][] features) {
    return rows(features.length, features.length == 0 ? 0 : features[0].length,
        (i, j) -> features[i][j], i -> features[i].length);
  }

  /** LIBLINEAR's rows: indices 1..D, then the bias feature at D+1. */
  private Feature[][] rows(int n, int d, Cell cell, java.util.function.IntUnaryOperator length) {
    if (n == 0) {
      throw new InvalidInputException("probe: no samples");
    }
    Feature[][] rows = new Feature[n][];
    for (int i = 0; i < n; i++) {
      if (length.applyAsInt(i) != d) {
        throw new InvalidInputException("probe: row " + i + " has " + length.applyAsInt(i)
            + " values, row 0 has " + d);
      }
      Feature[] row = new Feature[d + 1];
      for (int j = 0; j < d; j++) {
        double v = cell.get(i, j);
        if (!Double.isFinite(v)) {
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
