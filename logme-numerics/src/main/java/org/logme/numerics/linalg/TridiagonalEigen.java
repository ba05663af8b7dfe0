package org.logme.numerics.linalg;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.numerics.kernel.Kernels;

/**
 * Eigenvalues of a symmetric matrix with the projections VᵀB of a few vectors on its
 * eigenvectors, without forming the n×n eigenvector matrix: Householder reduction to
 * tridiagonal form T = QᵀSQ, with each reflector applied to B as it is made, then the implicit
 * symmetric QR algorithm with Wilkinson shifts on T (Golub &amp; Van Loan, Matrix Computations,
 * 4th ed., §8.3), each Givens rotation applied to the rows of QᵀB. For B with m ≪ n columns this
 * costs about 4/3·n³ + O(n²m) operations instead of the ≈ 9n³ of a full eigendecomposition.
 *
 * <p>The reduction's rank-two update and the next step's matrix-vector product are fused into
 * one pass over the trailing matrix, split by rows over the given pool.
 *
 * @since 0.1
 */
public final class TridiagonalEigen {
  /** Rows per parallel task; below this a step runs on the calling thread. */
  private static final int PARALLEL_ROWS = 128;
  private static final int MAX_SWEEPS_PER_VALUE = 60;

  private final ForkJoinPool pool;
  /** The loops whatever the size, or null to choose them by size ({@link #kernelsFor}). */
  private final Kernels kernels;

  /**
   * @param pool the threads to use, or null for the calling thread only
   */
  public TridiagonalEigen(ForkJoinPool pool) {
    this(pool, null);
  }

  /**
   * @param pool the threads to use, or null for the calling thread only
   * @param kernels the loops of the reduction whatever the size, or null to choose them by size
   */
  public TridiagonalEigen(ForkJoinPool pool, Kernels kernels) {
    this.pool = pool;
    this.kernels = kernels;
  }

  /**
   * Eigenvalues and VᵀB, falling back to the backend's full eigendecomposition (with a warning)
   * in the rare case the QR iteration does not converge.
   *
   * @param s a symmetric n×n matrix (not modified)
   * @param b an n×m block of vectors (not modified)
   * @param fallback the backend whose {@link LinearAlgebraBackend#symmetricEigen} to fall back to
   * @return the eigenvalues (descending) and VᵀB
   */
  public SpectralProjection decompose(Matrix s, Matrix b, LinearAlgebraBackend fallback) {
    SpectralProjection fast = decompose(s, b);
    if (fast != null) {
      return fast;
    }
    SymmetricEigen eig = fullInstead(s, fallback);
    return new SpectralProjection(eig.values(), fallback.multiplyTransposeA(eig.vectors(), b),
        eig.warnings());
  }

  /**
   * @param s a symmetric n×n matrix (not modified)
   * @param b an n×m block of vectors (not modified)
   * @return the eigenvalues (descending) and VᵀB, or null if the QR iteration did not converge
   */
  SpectralProjection decompose(Matrix s, Matrix b) {
    Matrices.checkSquare(s);
    if (b.rows() != s.rows()) {
      throw new IllegalArgumentException("cannot project " + b + " on the eigenvectors of " + s);
    }
    int n = s.rows();
    int m = b.cols();
    double[] a = Matrices.symmetrized(s).data();
    double scale = unitScale(a);
    double[] y = b.data().clone();
    double[] d = new double[n];
    double[] e = new double[Math.max(n - 1, 0)];
    tridiagonalize(a, n, d, e, y, m);
    if (!implicitQr(d, e, y, m)) {
      return null;
    }
    Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> d[i]).reversed());
    double[] values = new double[n];
    double[] rows = new double[n * m];
    for (int k = 0; k < n; k++) {
      values[k] = d[order[k]] * scale;
      System.arraycopy(y, order[k] * m, rows, k * m, m);
    }
    return new SpectralProjection(values, Matrix.wrap(n, m, rows), List.of());
  }

  /**
   * All eigenvalues with the eigenvectors of the k largest, falling back to the backend's full
   * eigendecomposition (with a warning) in the rare case the QR iteration does not converge.
   * The same reduction T = QᵀSQ and QR iteration (without vectors) give the eigenvalues; each of
   * the k vectors is then found by inverse iteration on T, in O(n) per step, and carried back by
   * the reflectors, in O(n²): about 4/3·n³ + O(k·n²) operations instead of ≈ 9n³. This is how
   * LAPACK's {@code dsyevx} works ({@code dstein}: Dhillon, "Current inverse iteration software
   * can fail", BIT 38, 1998, §2, and Golub &amp; Van Loan §8.2.2): a shift that repeats the one
   * before it is moved by 10·ε·‖T‖, and a vector whose eigenvalue lies within 10⁻³·‖T‖ of the
   * previous ones is orthogonalised against theirs after every step.
   *
   * @param s a symmetric n×n matrix (not modified)
   * @param k how many leading eigenvectors, 0..n
   * @param fallback the backend whose {@link LinearAlgebraBackend#symmetricEigen} to fall back to
   * @return the n eigenvalues (descending) and the n×k eigenvectors of the largest
   */
  public SymmetricEigen leading(Matrix s, int k, LinearAlgebraBackend fallback) {
    Matrices.checkSquare(s);
    int n = s.rows();
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot take " + k + " eigenvectors of " + s);
    }
    if (n == 0) {
      return new SymmetricEigen(new double[0], Matrix.zeros(0, 0), List.of());
    }
    double[] a = Matrices.symmetrized(s).data();
    double scale = unitScale(a);
    double[] d = new double[n];
    double[] e = new double[Math.max(n - 1, 0)];
    double[][] reflectors = new double[Math.max(n - 2, 0)][];
    double[] betas = new double[Math.max(n - 2, 0)];
    tridiagonalize(a, n, d, e, new double[0], 0, reflectors, betas);
    double[] values = d.clone();
    if (!implicitQr(values, e.clone(), new double[0], 0)) {
      SymmetricEigen eig = fullInstead(s, fallback);
      return new SymmetricEigen(eig.values(), eig.vectors().columns(0, k), eig.warnings());
    }
    Arrays.sort(values);
    for (int i = 0; i < n / 2; i++) {
      double t = values[i];
      values[i] = values[n - 1 - i];
      values[n - 1 - i] = t;
    }
    double[][] z = InverseIteration.vectors(d, e, values, k);
    double[] vectors = new double[n * k];
    for (int j = 0; j < k; j++) {
      double[] x = z[j];
      for (int r = n - 3; r >= 0; r--) {
        double beta = betas[r];
        if (beta == 0) {
          continue;
        }
        double[] v = reflectors[r];
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
          dot += v[i] * x[r + 1 + i];
        }
        dot *= beta;
        for (int i = 0; i < v.length; i++) {
          x[r + 1 + i] -= dot * v[i];
        }
      }
      for (int i = 0; i < n; i++) {
        vectors[i * k + j] = x[i];
      }
    }
    for (int i = 0; i < n; i++) {
      values[i] *= scale;
    }
    return new SymmetricEigen(values, Matrix.wrap(n, k, vectors), List.of());
  }

  /** The backend's full decomposition, with a warning that the QR iteration did not converge. */
  private static SymmetricEigen fullInstead(Matrix s, LinearAlgebraBackend fallback) {
    SymmetricEigen eig = fallback.symmetricEigen(s);
    List<String> warnings = new java.util.ArrayList<>(eig.warnings());
    warnings.add("the tridiagonal QR iteration did not converge on a " + s.rows() + "x"
        + s.rows() + " matrix; used a full eigendecomposition instead");
    return new SymmetricEigen(eig.values(), eig.vectors(), warnings);
  }

  /**
   * Divides a matrix whose largest entry is below 10⁻¹⁰⁰ or above 10¹⁰⁰ by that entry, in place:
   * the reflectors sum squares unscaled, which would underflow or overflow there (an entry of
   * 10⁻¹⁶⁰ squares to zero). The eigenvalues are multiplied back; the eigenvectors do not
   * change. Other matrices are left as they are, to the bit.
   *
   * @return the factor the eigenvalues are to be multiplied by (1 when a was left alone)
   */
  private static double unitScale(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    if (!(max > 0) || (max >= 1e-100 && max <= 1e100)) {
      return 1;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] /= max;
    }
    return max;
  }

  /**
   * Householder tridiagonalisation of the full symmetric matrix a (overwritten), applying each
   * reflector H = I − βvvᵀ to the rows of y as it goes.
   */
  private void tridiagonalize(double[] a, int n, double[] d, double[] e, double[] y, int m) {
    tridiagonalize(a, n, d, e, y, m, null, null);
  }

  /**
   * As above; with reflectors non-null, reflector k (H_k = I − β_k·v_kvₖᵀ, acting on entries
   * k+1..n−1, so that T = QᵀSQ with Q = H₀H₁⋯H_{n−3}) is kept in reflectors[k] and betas[k]
   * (β = 0: the identity).
   */
  private void tridiagonalize(double[] a, int n, double[] d, double[] e, double[] y, int m,
      double[][] reflectors, double[] betas) {
    if (n == 1) {
      d[0] = a[0];
      return;
    }
    double[] v = new double[n];
    double[] p = new double[n];
    double[] w = new double[n];
    double[] next = new double[n];
    double[] ytv = new double[m];
    Kernels loops = kernelsFor(n);
    // reflector of step 0, and p = βBv for it
    double beta = reflector(a, n, 0, d, e, v);
    if (beta != 0) {
      matVec(a, n, 1, v, beta, p);
    }
    for (int k = 0; k < n - 2; k++) {
      int o = k + 1;
      int len = n - o;
      if (reflectors != null) {
        reflectors[k] = Arrays.copyOf(v, len);
        betas[k] = beta;
      }
      if (beta == 0) {
        // column k is already reduced: nothing to update, take the next reflector as is
        beta = reflector(a, n, o, d, e, v);
        if (beta != 0 && o < n - 2) {
          matVec(a, n, o + 1, v, beta, p);
        }
        continue;
      }
      applyReflector(y, m, o, len, v, beta, ytv);
      double pv = 0;
      for (int i = 0; i < len; i++) {
        pv += p[i] * v[i];
      }
      double half = beta / 2 * pv;
      for (int i = 0; i < len; i++) {
        w[i] = p[i] - half * v[i];
      }
      // update row o first: it holds the next column to reduce
      int first = o * n + o;
      double v0 = v[0];
      double w0 = w[0];
      for (int j = 0; j < len; j++) {
        a[first + j] -= v0 * w[j] + w0 * v[j];
      }
      double nextBeta = o < n - 2 ? reflector(a, n, o, d, e, next) : 0;
      if (o == n - 2) {
        d[o] = a[first];
        e[o] = a[first + 1];
      }
      // fused pass: update rows o+1.. and accumulate p' = β'·B'v' for the next step
      updateAndMultiply(a, n, o, len, v, w, next, nextBeta, p, loops);
      double[] swap = v;
      v = next;
      next = swap;
      beta = nextBeta;
    }
    d[n - 1] = a[(n - 1) * n + n - 1];
  }

  /**
   * Builds the reflector that zeroes row k of a beyond column k+1, storing d[k] and e[k].
   *
   * @return β, or 0 when the row is already reduced (then e[k] holds its only entry)
   */
  private static double reflector(double[] a, int n, int k, double[] d, double[] e, double[] v) {
    int o = k + 1;
    int len = n - o;
    int row = k * n + o;
    d[k] = a[k * n + k];
    double x0 = a[row];
    double tail = 0;
    for (int j = 1; j < len; j++) {
      tail += a[row + j] * a[row + j];
    }
    if (tail == 0) {
      e[k] = x0;
      return 0;
    }
    double sigma = Math.sqrt(x0 * x0 + tail);
    double alpha = x0 > 0 ? -sigma : sigma;
    System.arraycopy(a, row, v, 0, len);
    v[0] = x0 - alpha;
    e[k] = alpha;
    return 2 / (tail + v[0] * v[0]);
  }

  /** p = β·B·v for the trailing block starting at row and column o. */
  private void matVec(double[] a, int n, int o, double[] v, double beta, double[] p) {
    int len = n - o;
    run(len, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        int row = (o + i) * n + o;
        double sum = 0;
        for (int j = 0; j < len; j++) {
          sum += a[row + j] * v[j];
        }
        p[i] = beta * sum;
      }
    });
  }

  /**
   * Rows o+1..n−1 of the trailing block: B ← B − vwᵀ − wvᵀ (columns o+1.. only, the column o
   * is not used again), and p[i−1] = β'·Σ_j B[i][j]·v'[j−1] for the next reflector v'.
   */
  private void updateAndMultiply(double[] a, int n, int o, int len, double[] v, double[] w,
      double[] next, double nextBeta, double[] p, Kernels kernels) {
    run(len - 1, (lo, hi) -> {
      for (int r = lo; r < hi; r++) {
        int i = r + 1;
        int row = (o + i) * n + o;
        p[r] = nextBeta * kernels.rankTwoRowDot(a, row + 1, v[i], w, w[i], v, 1, next, 0,
            len - 1);
      }
    });
  }

  /**
   * The loops of a reduction of order n: by its 4/3·n³ operations ({@link Kernels#forWork}: the
   * Vector API's from about n = 930 on, the scalar ones below), unless they were given.
   */
  private Kernels kernelsFor(int n) {
    if (kernels != null) {
      return kernels;
    }
    return Kernels.forWork((long) n * n * n / 3 * 4);
  }

  /** y[o..o+len) ← (I − βvvᵀ)·y[o..o+len), rows of m values. */
  private static void applyReflector(double[] y, int m, int o, int len, double[] v, double beta,
      double[] ytv) {
    if (m == 0) {
      return;
    }
    Arrays.fill(ytv, 0);
    for (int i = 0; i < len; i++) {
      double vi = v[i];
      int row = (o + i) * m;
      for (int c = 0; c < m; c++) {
        ytv[c] += vi * y[row + c];
      }
    }
    for (int c = 0; c < m; c++) {
      ytv[c] *= beta;
    }
    for (int i = 0; i < len; i++) {
      double vi = v[i];
      int row = (o + i) * m;
      for (int c = 0; c < m; c++) {
        y[row + c] -= vi * ytv[c];
      }
    }
  }

  /** Runs body over [0, count) in row chunks, on the pool when the work is large enough. */
  private void run(int count, RowRange body) {
    if (pool == null || count < 2 * PARALLEL_ROWS) {
      body.apply(0, count);
      return;
    }
    int chunks = Math.min(pool.getParallelism() * 4, count / PARALLEL_ROWS);
    pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> body.apply(
        (int) ((long) count * c / chunks), (int) ((long) count * (c + 1) / chunks)))).join();
  }

  @FunctionalInterface
  private interface RowRange {
    void apply(int from, int to);
  }

  /**
   * Implicit symmetric QR with Wilkinson shifts on the tridiagonal (d, e), rotating the rows of
   * y along. Deflates where |e_i| ≤ ε·(|d_i| + |d_{i+1}|).
   *
   * @return false if it did not converge within the sweep budget
   */
  private static boolean implicitQr(double[] d, double[] e, double[] y, int m) {
    int n = d.length;
    double eps = Math.ulp(1.0);
    long budget = (long) MAX_SWEEPS_PER_VALUE * Math.max(n, 1);
    int hi = n - 1;
    while (hi > 0) {
      // deflate converged values at the bottom
      if (Math.abs(e[hi - 1]) <= eps * (Math.abs(d[hi - 1]) + Math.abs(d[hi]))) {
        e[hi - 1] = 0;
        hi--;
        continue;
      }
      int lo = hi - 1;
      while (lo > 0 && Math.abs(e[lo - 1]) > eps * (Math.abs(d[lo - 1]) + Math.abs(d[lo]))) {
        lo--;
      }
      if (lo > 0) {
        e[lo - 1] = 0;
      }
      if (budget-- <= 0) {
        return false;
      }
      qrStep(d, e, y, m, lo, hi);
    }
    return true;
  }

  /** One implicit QR sweep with a Wilkinson shift on the unreduced block lo..hi. */
  private static void qrStep(double[] d, double[] e, double[] y, int m, int lo, int hi) {
    double delta = (d[hi - 1] - d[hi]) / 2;
    double b2 = e[hi - 1] * e[hi - 1];
    double root = Math.hypot(delta, e[hi - 1]);
    double mu = d[hi] - b2 / (delta + (delta >= 0 ? root : -root));
    double x = d[lo] - mu;
    double z = e[lo];
    for (int k = lo; k < hi; k++) {
      double r = Math.hypot(x, z);
      double c = r == 0 ? 1 : x / r;
      double s = r == 0 ? 0 : -z / r;
      if (k > lo) {
        e[k - 1] = r;
      }
      double a = d[k];
      double bk = e[k];
      double a2 = d[k + 1];
      d[k] = c * c * a - 2 * c * s * bk + s * s * a2;
      d[k + 1] = s * s * a + 2 * c * s * bk + c * c * a2;
      e[k] = c * s * (a - a2) + (c * c - s * s) * bk;
      if (k < hi - 1) {
        double f = e[k + 1];
        z = -s * f;
        e[k + 1] = c * f;
        x = e[k];
      }
      int rk = k * m;
      int rk1 = rk + m;
      for (int col = 0; col < m; col++) {
        double yk = y[rk + col];
        double yk1 = y[rk1 + col];
        y[rk + col] = c * yk - s * yk1;
        y[rk1 + col] = s * yk + c * yk1;
      }
    }
  }
}
