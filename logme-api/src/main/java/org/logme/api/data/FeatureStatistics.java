package org.logme.api.data;

import java.io.Serializable;
import java.util.Optional;
import org.logme.api.InvalidInputException;
import org.logme.api.linalg.Matrix;

/**
 * Sufficient statistics of N feature rows for estimators that need no more than second moments
 * of the features (and, optionally, the fourth moment of their norms): N, the column means μ,
 * the centred scatter M₂ = Σᵢ (xᵢ − μ)(xᵢ − μ)ᵀ, and for the targets Y given with them (for class
 * labels, one-vs-rest indicators) their means μ_y and the centred cross scatter
 * C = Σᵢ (xᵢ − μ)(yᵢ − μ_y)ᵀ. The raw moments LogME uses follow exactly:
 * <pre>
 *   FᵀF = M₂ + N·μμᵀ        Fᵀ1 = N·μ        FᵀY = C + N·μ μ_yᵀ
 * </pre>
 * and for class labels column c of C is n_c·(μ_c − μ), the offset of the class mean, free of the
 * cancellation of subtracting two large means.
 *
 * <p><b>Merging.</b> Statistics of disjoint sets of rows merge into the statistics of their union
 * ({@link #merge}), so they can be computed per block, per file or per Spark partition and
 * combined in any order and grouping: the merge is commutative and associative up to rounding.
 * It is the pairwise update of Chan, Golub &amp; LeVeque ("Algorithms for computing the sample
 * variance", The American Statistician 37, 1983), extended to cross scatter and to the third and
 * fourth moments of the norms (Pébay, "Formulas for robust, one-pass parallel computation of
 * covariances and arbitrary-order statistical moments", Sandia SAND2008-6212): with δ = μ_B − μ_A
 * and N = n_A + n_B,
 * <pre>
 *   μ  = μ_A + (n_B/N)·δ
 *   M₂ = M₂_A + M₂_B + (n_A n_B / N)·δδᵀ
 *   C  = C_A + C_B + (n_A n_B / N)·δ δ_yᵀ
 * </pre>
 * Because each part is centred at its own mean, a large common offset of the features never
 * enters a sum of squares, unlike accumulating FᵀF directly.
 *
 * <p>The means are kept as unevaluated sums of two doubles (high and low part): Chan's update
 * needs δ to full relative precision, and a mean rounded to a double is off by up to half an ulp
 * of the offset, which for data far from the origin is a sizeable fraction of δ. The low part
 * carries the rounding residual Σ(xᵢ − μ_high)/n of each block and every merge.
 *
 * <p><b>Norm moments</b> (optional; the Ledoit–Wolf shrinkage needs them): T = Σᵢ ‖uᵢ‖²uᵢ and
 * S₄ = Σᵢ ‖uᵢ‖⁴ with uᵢ = xᵢ − μ. Moving a part's centre by d (v = u − d, Σu = 0) gives
 * <pre>
 *   T' = T − tr(M₂)·d − 2·M₂d − n‖d‖²·d
 *   S₄' = S₄ − 4·dᵀT + 2‖d‖²·tr(M₂) + 4·dᵀM₂d + n‖d‖⁴
 * </pre>
 * and the merged moments are the sums of both parts' moments moved to the common mean.
 *
 * <p><b>Column ranges</b> (optional): the minimum and maximum of every column, so that an
 * exactly constant column is recognised as such rather than by a variance within rounding of 0.
 *
 * <p>Memory is O(D² + D·C) whatever N. Instances are immutable (accessors copy or share as
 * documented) and serializable, so that distributed engines can ship partial results.
 *
 * @since 0.1
 */
public final class FeatureStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  /** N, the number of rows. */
  private final long n;
  /** D, the number of feature columns. */
  private final int d;
  /** C, the number of target columns. */
  private final int c;
  /** μ, high part: μ is the unevaluated sum mean + meanLow (see the class comment). */
  private final double[] mean;
  /** μ, low part. */
  private final double[] meanLow;
  /** M₂, D×D row-major. */
  private final double[] scatter;
  /** μ_y, high part, or null when only the raw FᵀY is known. */
  private final double[] targetMeans;
  /** μ_y, low part, or null. */
  private final double[] targetMeansLow;
  /** The centred cross scatter C (D×C) when targetMeans is set, else the raw FᵀY. */
  private final double[] cross;
  /** T = Σ‖xᵢ − μ‖²(xᵢ − μ), or null when not accumulated. */
  private final double[] normCubes;
  /** S₄ = Σ‖xᵢ − μ‖⁴, NaN when not accumulated. */
  private final double normFourth;
  /** The smallest value of each column, or null. */
  private final double[] min;
  /** The largest value of each column, or null. */
  private final double[] max;
  /** Where the features came from. */
  private final String origin;
  /** FᵀF as given (raw form) or reconstructed once (centred form). */
  private transient volatile Matrix gram;
  private transient volatile Matrix crossProducts;

  /**
   * Statistics from raw sums, as accumulated without centring.
   *
   * @param n N, the number of rows accumulated (≥ 1)
   * @param gram FᵀF, D×D and symmetric
   * @param columnSums Fᵀ1, length D
   * @param crossProducts FᵀY, D×C
   * @param origin where the features came from, for messages
   * @throws InvalidInputException if the shapes disagree or N &lt; 1
   */
  public FeatureStatistics(int n, Matrix gram, double[] columnSums, Matrix crossProducts,
      String origin) {
    int dimension = gram.rows();
    if (n < 1 || gram.cols() != dimension || columnSums.length != dimension
        || crossProducts.rows() != dimension) {
      throw new InvalidInputException(origin + ": inconsistent feature statistics (N=" + n
          + ", Gram " + gram + ", " + columnSums.length + " column sums, cross products "
          + crossProducts + ")");
    }
    this.n = n;
    this.d = dimension;
    this.c = crossProducts.cols();
    this.mean = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] = columnSums[j] / n;
    }
    double[] g = gram.data();
    this.scatter = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        scatter[i * d + j] = g[i * d + j] - columnSums[i] * mean[j];
      }
    }
    this.meanLow = new double[d];
    this.targetMeans = null;
    this.targetMeansLow = null;
    this.cross = crossProducts.data().clone();
    this.normCubes = null;
    this.normFourth = Double.NaN;
    this.min = null;
    this.max = null;
    this.origin = origin;
    this.gram = gram;
    this.crossProducts = crossProducts;
  }

  private FeatureStatistics(long n, int d, int c, double[] mean, double[] meanLow,
      double[] scatter, double[] targetMeans, double[] targetMeansLow, double[] cross,
      double[] normCubes, double normFourth, double[] min, double[] max, String origin) {
    this.n = n;
    this.d = d;
    this.c = c;
    this.mean = mean;
    this.meanLow = meanLow;
    this.scatter = scatter;
    this.targetMeans = targetMeans;
    this.targetMeansLow = targetMeansLow;
    this.cross = cross;
    this.normCubes = normCubes;
    this.normFourth = normFourth;
    this.min = min;
    this.max = max;
    this.origin = origin;
  }

  /**
   * Starts statistics in centred form.
   *
   * @param n N, the number of rows (≥ 1)
   * @param mean μ, length D (kept, not copied)
   * @param scatter M₂, D×D and symmetric (its array is kept, not copied)
   * @param origin where the features came from, for messages
   * @return a builder; add the targets' part before building
   */
  public static Builder centred(long n, double[] mean, Matrix scatter, String origin) {
    return new Builder(n, mean, scatter, origin);
  }

  /**
   * Assembles centred statistics.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final long n;
    private final double[] mean;
    private final Matrix scatter;
    private final String origin;
    private double[] meanLow;
    private double[] targetMeans;
    private double[] targetMeansLow;
    private Matrix crossScatter;
    private double[] normCubes;
    private double normFourth = Double.NaN;
    private double[] min;
    private double[] max;

    private Builder(long n, double[] mean, Matrix scatter, String origin) {
      this.n = n;
      this.mean = mean;
      this.scatter = scatter;
      this.origin = origin;
    }

    /**
     * @param means μ_y, one per target column (for labels: n_c / N)
     * @param crossScatter C = Σ (xᵢ − μ)(yᵢ − μ_y)ᵀ, D×C
     * @return this builder
     */
    public Builder targets(double[] means, Matrix crossScatter) {
      this.targetMeans = means;
      this.crossScatter = crossScatter;
      return this;
    }

    /**
     * @param low the low parts of μ: the means are μ + low, with |low| at most an ulp of μ
     *     (Σ(xᵢ − μ)/N, the residual of rounding the mean); zero if not given
     * @param targetLow the same for μ_y, or null
     * @return this builder
     */
    public Builder meanCorrections(double[] low, double[] targetLow) {
      this.meanLow = low;
      this.targetMeansLow = targetLow;
      return this;
    }

    /**
     * @param cubes T = Σ ‖xᵢ − μ‖²(xᵢ − μ), length D
     * @param fourth S₄ = Σ ‖xᵢ − μ‖⁴
     * @return this builder
     */
    public Builder normMoments(double[] cubes, double fourth) {
      this.normCubes = cubes;
      this.normFourth = fourth;
      return this;
    }

    /**
     * @param columnMin the smallest value of every column
     * @param columnMax the largest value of every column
     * @return this builder
     */
    public Builder range(double[] columnMin, double[] columnMax) {
      this.min = columnMin;
      this.max = columnMax;
      return this;
    }

    /**
     * @return the statistics
     * @throws InvalidInputException if N &lt; 1 or the shapes disagree
     */
    public FeatureStatistics build() {
      int d = mean.length;
      boolean consistent = n >= 1 && scatter.rows() == d && scatter.cols() == d
          && targetMeans != null && crossScatter != null && crossScatter.rows() == d
          && crossScatter.cols() == targetMeans.length
          && (normCubes == null || normCubes.length == d)
          && (min == null) == (max == null) && (min == null || min.length == d && max.length == d)
          && (meanLow == null || meanLow.length == d)
          && (targetMeansLow == null || targetMeansLow.length == targetMeans.length);
      if (!consistent) {
        throw new InvalidInputException(origin + ": inconsistent feature statistics (N=" + n
            + ", " + d + " means, scatter " + scatter + ", "
            + (targetMeans == null ? "no targets" : targetMeans.length + " target means")
            + ", cross scatter " + crossScatter + ")");
      }
      return new FeatureStatistics(n, d, targetMeans.length, mean,
          meanLow == null ? new double[d] : meanLow, scatter.data(), targetMeans,
          targetMeansLow == null ? new double[targetMeans.length] : targetMeansLow,
          crossScatter.data(), normCubes, normCubes == null ? Double.NaN : normFourth, min, max,
          origin);
    }
  }

  /**
   * The statistics of the union of two disjoint sets of rows (see the class comment for the
   * formulas). Both must describe the same D feature columns and the same target columns. The
   * result keeps the optional parts only if both have them, and this instance's origin.
   *
   * @param other statistics of other rows
   * @return the merged statistics; neither operand changes
   * @throws IllegalArgumentException if the dimensions or the target columns differ
   */
  public FeatureStatistics merge(FeatureStatistics other) {
    return new Accumulator().add(this).add(other).result(origin);
  }

  /**
   * Merges statistics in place, for accumulating many parts without a copy per part. Not
   * thread-safe; serializable, so that it can travel as a distributed aggregation's state.
   *
   * @since 0.1
   */
  public static final class Accumulator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** N so far. */
    private long n;
    /** D. */
    private int d;
    /** C. */
    private int c;
    /** μ, high part. */
    private double[] mean;
    /** μ, low part. */
    private double[] meanLow;
    /** M₂, D×D. */
    private double[] scatter;
    /** μ_y, high part, or null. */
    private double[] targetMeans;
    /** μ_y, low part, or null. */
    private double[] targetMeansLow;
    /** The centred cross scatter, or the raw FᵀY when μ_y is unknown. */
    private double[] cross;
    /** T, or null. */
    private double[] normCubes;
    /** S₄. */
    private double normFourth;
    /** Column minima, or null. */
    private double[] min;
    /** Column maxima, or null. */
    private double[] max;
    /** The first part's origin. */
    private String origin;

    /** An empty accumulator: no rows yet. */
    public Accumulator() {
    }

    /** @return true if nothing has been added */
    public boolean isEmpty() {
      return n == 0;
    }

    /** @return the number of rows added so far */
    public long count() {
      return n;
    }

    /**
     * Adds the statistics of further rows.
     *
     * @param part statistics of rows not yet added
     * @return this accumulator
     * @throws IllegalArgumentException if the dimensions or the target columns differ
     */
    public Accumulator add(FeatureStatistics part) {
      if (n == 0) {
        n = part.n;
        d = part.d;
        c = part.c;
        mean = part.mean.clone();
        meanLow = part.meanLow.clone();
        scatter = part.scatter.clone();
        targetMeans = part.targetMeans == null ? null : part.targetMeans.clone();
        targetMeansLow = part.targetMeansLow == null ? null : part.targetMeansLow.clone();
        cross = part.cross.clone();
        normCubes = part.normCubes == null ? null : part.normCubes.clone();
        normFourth = part.normFourth;
        min = part.min == null ? null : part.min.clone();
        max = part.max == null ? null : part.max.clone();
        origin = part.origin;
        return this;
      }
      if (part.d != d || part.c != c) {
        throw new IllegalArgumentException("cannot merge statistics of " + part.d + " columns and "
            + part.c + " targets (" + part.origin + ") into statistics of " + d + " columns and "
            + c + " targets (" + origin + ")");
      }
      long total = n + part.n;
      double weight = (double) n * part.n / total;
      double fraction = (double) part.n / total;
      double[] delta = difference(part.mean, part.meanLow, mean, meanLow);
      double[] newMean = mean.clone();
      double[] newLow = meanLow.clone();
      advance(newMean, newLow, delta, fraction);
      // the norm moments move with the centre, so they are updated before M₂ changes
      if (normCubes != null && part.normCubes != null) {
        double[][] movedA = moved(n, scatter, normCubes, normFourth,
            difference(newMean, newLow, mean, meanLow), d);
        double[][] movedB = moved(part.n, part.scatter, part.normCubes, part.normFourth,
            difference(newMean, newLow, part.mean, part.meanLow), d);
        normCubes = new double[d];
        for (int j = 0; j < d; j++) {
          normCubes[j] = movedA[0][j] + movedB[0][j];
        }
        normFourth = movedA[1][0] + movedB[1][0];
      } else {
        normCubes = null;
        normFourth = Double.NaN;
      }
      for (int i = 0; i < d; i++) {
        double wi = weight * delta[i];
        for (int j = 0; j < d; j++) {
          scatter[i * d + j] += part.scatter[i * d + j] + wi * delta[j];
        }
      }
      if (targetMeans != null && part.targetMeans != null) {
        double[] deltaY = difference(part.targetMeans, part.targetMeansLow, targetMeans,
            targetMeansLow);
        for (int i = 0; i < d; i++) {
          double wi = weight * delta[i];
          for (int k = 0; k < c; k++) {
            cross[i * c + k] += part.cross[i * c + k] + wi * deltaY[k];
          }
        }
        advance(targetMeans, targetMeansLow, deltaY, fraction);
      } else {
        // one side knows only the raw FᵀY: the merge is the plain sum of the raw products
        double[] raw = rawCross(n, mean, meanLow, targetMeans, targetMeansLow, cross, d, c);
        double[] rawPart = rawCross(part.n, part.mean, part.meanLow, part.targetMeans,
            part.targetMeansLow, part.cross, d, c);
        for (int i = 0; i < raw.length; i++) {
          raw[i] += rawPart[i];
        }
        targetMeans = null;
        targetMeansLow = null;
        cross = raw;
      }
      if (min != null && part.min != null) {
        for (int j = 0; j < d; j++) {
          min[j] = Math.min(min[j], part.min[j]);
          max[j] = Math.max(max[j], part.max[j]);
        }
      } else {
        min = null;
        max = null;
      }
      mean = newMean;
      meanLow = newLow;
      n = total;
      return this;
    }

    /**
     * Adds everything another accumulator holds (a distributed aggregation's combine step).
     *
     * @param other another accumulator, unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the dimensions or the target columns differ
     */
    public Accumulator addAll(Accumulator other) {
      return other.isEmpty() ? this : add(other.result(other.origin));
    }

    /**
     * @param origin where the features came from, for messages
     * @return the statistics of every row added (the accumulator stays usable)
     * @throws IllegalStateException if nothing was added
     */
    public FeatureStatistics result(String origin) {
      if (n == 0) {
        throw new IllegalStateException("no rows were added");
      }
      return new FeatureStatistics(n, d, c, mean.clone(), meanLow.clone(), scatter.clone(),
          targetMeans == null ? null : targetMeans.clone(),
          targetMeansLow == null ? null : targetMeansLow.clone(), cross.clone(),
          normCubes == null ? null : normCubes.clone(), normFourth,
          min == null ? null : min.clone(), max == null ? null : max.clone(), origin);
    }
  }

  /** T' and S₄' of a part whose centre moves by s (see the class comment). */
  private static double[][] moved(long count, double[] m2, double[] cubes, double fourth,
      double[] s, int d) {
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += m2[j * d + j];
    }
    double[] m2s = new double[d];
    for (int i = 0; i < d; i++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += m2[i * d + j] * s[j];
      }
      m2s[i] = sum;
    }
    double s2 = 0;
    double sT = 0;
    double sM2s = 0;
    for (int j = 0; j < d; j++) {
      s2 += s[j] * s[j];
      sT += s[j] * cubes[j];
      sM2s += s[j] * m2s[j];
    }
    double[] newCubes = new double[d];
    for (int j = 0; j < d; j++) {
      newCubes[j] = cubes[j] - trace * s[j] - 2 * m2s[j] - count * s2 * s[j];
    }
    double newFourth = fourth - 4 * sT + 2 * s2 * trace + 4 * sM2s + count * s2 * s2;
    return new double[][] {newCubes, {newFourth}};
  }

  /**
   * (a + aLow) − (b + bLow) to full relative precision: the high parts of two close means
   * subtract exactly (Sterbenz), the low parts add the residuals.
   */
  private static double[] difference(double[] a, double[] aLow, double[] b, double[] bLow) {
    double[] out = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      out[j] = (a[j] - b[j]) + (aLow[j] - bLow[j]);
    }
    return out;
  }

  /**
   * (high + low) += f·δ, keeping the rounding error of the addition in the low part (Knuth's
   * TwoSum), then renormalising so that |low| stays below an ulp of high.
   */
  private static void advance(double[] high, double[] low, double[] delta, double f) {
    for (int j = 0; j < high.length; j++) {
      double step = f * delta[j];
      double sum = high[j] + step;
      double virtual = sum - high[j];
      double error = (high[j] - (sum - virtual)) + (step - virtual);
      double rest = low[j] + error;
      high[j] = sum + rest;
      low[j] = rest - (high[j] - sum);
    }
  }

  /** FᵀY from the centred form (C + N·μ μ_yᵀ), or the raw form itself (a copy). */
  private static double[] rawCross(long n, double[] mean, double[] meanLow, double[] targetMeans,
      double[] targetMeansLow, double[] cross, int d, int c) {
    double[] raw = cross.clone();
    if (targetMeans != null) {
      for (int i = 0; i < d; i++) {
        double mi = n * (mean[i] + meanLow[i]);
        for (int k = 0; k < c; k++) {
          raw[i * c + k] += mi * (targetMeans[k] + targetMeansLow[k]);
        }
      }
    }
    return raw;
  }

  /**
   * @return N
   * @throws InvalidInputException if N exceeds what an int holds (estimators index samples
   *     with ints)
   */
  public int sampleCount() {
    if (n > Integer.MAX_VALUE) {
      throw new InvalidInputException(origin + ": N = " + n + " rows, more than the "
          + Integer.MAX_VALUE + " an estimator can count; score a sample of the rows");
    }
    return (int) n;
  }

  /** @return N as a long */
  public long count() {
    return n;
  }

  /** @return D */
  public int dimension() {
    return d;
  }

  /** @return the number of target columns (classes, or outputs) */
  public int targetCount() {
    return c;
  }

  /** @return FᵀF = M₂ + N·μμᵀ, exactly symmetric (computed once, then shared, not copied) */
  public Matrix gram() {
    Matrix g = gram;
    if (g == null) {
      double[] out = new double[d * d];
      double[] mu = mean();
      // in 64×64 squares, so that the mirrored writes stay in cache
      for (int i0 = 0; i0 < d; i0 += 64) {
        for (int j0 = i0; j0 < d; j0 += 64) {
          for (int i = i0; i < Math.min(d, i0 + 64); i++) {
            double ni = n * mu[i];
            for (int j = Math.max(j0, i); j < Math.min(d, j0 + 64); j++) {
              double v = scatter[i * d + j] + ni * mu[j];
              out[i * d + j] = v;
              out[j * d + i] = v;
            }
          }
        }
      }
      g = Matrix.wrap(d, d, out);
      gram = g;
    }
    return g;
  }

  /** @return Fᵀ1 = N·μ (a copy) */
  public double[] columnSums() {
    double[] sums = mean();
    for (int j = 0; j < d; j++) {
      sums[j] *= n;
    }
    return sums;
  }

  /** @return FᵀY, D×C (computed once, then shared, not copied) */
  public Matrix crossProducts() {
    Matrix p = crossProducts;
    if (p == null) {
      p = Matrix.wrap(d, c, rawCross(n, mean, meanLow, targetMeans, targetMeansLow, cross, d, c));
      crossProducts = p;
    }
    return p;
  }

  /** @return μ, the column means, rounded to doubles (a copy) */
  public double[] mean() {
    double[] mu = new double[d];
    for (int j = 0; j < d; j++) {
      mu[j] = mean[j] + meanLow[j];
    }
    return mu;
  }

  /** @return M₂ = Σ (xᵢ − μ)(xᵢ − μ)ᵀ, D×D (a copy) */
  public Matrix scatter() {
    return Matrix.wrap(d, d, scatter.clone());
  }

  /**
   * @return μ_y (a copy), if known: statistics built from raw sums
   *     ({@link #FeatureStatistics(int, Matrix, double[], Matrix, String)}) do not know it
   */
  public Optional<double[]> targetMeans() {
    if (targetMeans == null) {
      return Optional.empty();
    }
    double[] mu = new double[c];
    for (int k = 0; k < c; k++) {
      mu[k] = targetMeans[k] + targetMeansLow[k];
    }
    return Optional.of(mu);
  }

  /**
   * @return C = Σ (xᵢ − μ)(yᵢ − μ_y)ᵀ, D×C (a copy), if known (see {@link #targetMeans()});
   *     for class labels, column c is n_c·(μ_c − μ)
   */
  public Optional<Matrix> crossScatter() {
    return targetMeans == null ? Optional.empty()
        : Optional.of(Matrix.wrap(d, c, cross.clone()));
  }

  /** @return true if the norm moments T and S₄ were accumulated */
  public boolean hasNormMoments() {
    return normCubes != null;
  }

  /**
   * @return T = Σ ‖xᵢ − μ‖²(xᵢ − μ) (a copy)
   * @throws IllegalStateException if they were not accumulated ({@link #hasNormMoments()})
   */
  public double[] normCubes() {
    requireNormMoments();
    return normCubes.clone();
  }

  /**
   * @return S₄ = Σ ‖xᵢ − μ‖⁴
   * @throws IllegalStateException if they were not accumulated ({@link #hasNormMoments()})
   */
  public double normFourthMoment() {
    requireNormMoments();
    return normFourth;
  }

  private void requireNormMoments() {
    if (normCubes == null) {
      throw new IllegalStateException(origin + ": the norm moments were not accumulated");
    }
  }

  /** @return the smallest value of every column (a copy), if accumulated */
  public Optional<double[]> columnMin() {
    return Optional.ofNullable(min).map(double[]::clone);
  }

  /** @return the largest value of every column (a copy), if accumulated */
  public Optional<double[]> columnMax() {
    return Optional.ofNullable(max).map(double[]::clone);
  }

  /**
   * @return for each column, true if every row holds the same value; all false when the ranges
   *     were not accumulated
   */
  public boolean[] constantColumns() {
    boolean[] constant = new boolean[d];
    if (min != null) {
      for (int j = 0; j < d; j++) {
        constant[j] = min[j] == max[j];
      }
    }
    return constant;
  }

  /** @return where the features came from */
  public String origin() {
    return origin;
  }

  /**
   * @param newOrigin where the features came from, for messages
   * @return the same statistics with another origin
   */
  public FeatureStatistics withOrigin(String newOrigin) {
    return new FeatureStatistics(n, d, c, mean, meanLow, scatter, targetMeans, targetMeansLow,
        cross, normCubes, normFourth, min, max, newOrigin);
  }

  @Override
  public String toString() {
    return "FeatureStatistics[n=" + n + ", d=" + d + ", targets=" + c
        + (targetMeans == null ? ", raw" : "") + (normCubes == null ? "" : ", norm moments")
        + ", origin=" + origin + "]";
  }
}
