package org.logme.linalg.nativeblas;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SpectralProjection;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;
import org.logme.numerics.linalg.Cholesky;
import org.logme.numerics.linalg.JacobiEigen;
import org.logme.numerics.linalg.Matrices;

/**
 * {@link LinearAlgebraBackend} on BLAS and LAPACK through dev.ludovic.netlib: the system
 * OpenBLAS through JNI when it is installed, netlib's pure-Java implementations otherwise (see
 * {@link NativeBackendProvider#description()}).
 *
 * <p>BLAS and LAPACK are column-major, and the row-major array of an m×n matrix A is the
 * column-major array of Aᵀ; the routines are called on that transpose instead of on a copy.
 * Gram matrices come from {@code dsyrk}, which computes one triangle, mirrored afterwards so the
 * result is exactly symmetric (streamed blocks are added in place with β = 1); products from
 * {@code dgemm}; the symmetric eigendecomposition from {@code dsyevd} (divide and conquer), the
 * eigenvalues with projections on the eigenvectors from its steps without the back-transformation
 * of the eigenvectors ({@code dsytrd}, {@code dormtr}, {@code dstedc}), the thin SVD from
 * {@code dgesdd}, solves from {@code dgetrf}/{@code dgetrs}. When a LAPACK routine
 * reports failure the backend falls back to a slower, more robust one ({@code dsyev},
 * {@code dgesvd}, then the Jacobi method) and says so in the result's warnings.
 *
 * <p>OpenBLAS runs its own threads (one per processor unless {@code OPENBLAS_NUM_THREADS} says
 * otherwise, read once when the library loads); {@link
 * org.logme.api.linalg.LinearAlgebraBackendProvider#create(int)} cannot change that, but its
 * limit bounds the backend's {@link #threads()}: the Java-side work around the products
 * (streamed statistics' passes, {@link #forEachTask}) uses at most that many.
 *
 * @since 0.1
 */
public final class NativeBackend implements LinearAlgebraBackend {
  private final BLAS blas;
  private final Lapack lapack;
  private final boolean nativeCode;
  private final int threads;

  /** The backend on the implementations chosen when the class was initialised. */
  public NativeBackend() {
    this(NetlibRuntime.BLAS_INSTANCE, NetlibRuntime.LAPACK_INSTANCE);
  }

  /**
   * The backend on given implementations, for example netlib's pure-Java ones.
   *
   * @param blas the BLAS to call
   * @param lapack the LAPACK to call
   */
  NativeBackend(BLAS blas, LAPACK lapack) {
    this(blas, Lapack.on(lapack), blas instanceof NativeBLAS && lapack instanceof NativeLAPACK);
  }

  NativeBackend(BLAS blas, Lapack lapack, boolean nativeCode) {
    this(blas, lapack, nativeCode, nativeCode ? NetlibRuntime.threadCount() : 1);
  }

  private NativeBackend(BLAS blas, Lapack lapack, boolean nativeCode, int threads) {
    this.blas = blas;
    this.lapack = lapack;
    this.nativeCode = nativeCode;
    this.threads = threads;
  }

  /**
   * @param limit the most threads the Java-side work may use (≥ 1)
   * @return this backend with {@link #threads()} at most the limit (OpenBLAS's own threads are
   *     unchanged)
   */
  NativeBackend withThreads(int limit) {
    int bounded = Math.max(1, Math.min(limit, threads));
    return bounded == threads ? this : new NativeBackend(blas, lapack, nativeCode, bounded);
  }

  @Override
  public String name() {
    return "native";
  }

  /**
   * OpenBLAS's threads ({@code OPENBLAS_NUM_THREADS}, else one per processor), or fewer if the
   * backend was created with a lower limit; 1 without OpenBLAS.
   */
  @Override
  public int threads() {
    return threads;
  }

  /** @return whether both BLAS and LAPACK calls go to native code */
  public boolean usesNativeCode() {
    return nativeCode;
  }

  @Override
  public Matrix gram(Matrix a) {
    int m = a.rows();
    int n = a.cols();
    Matrix g = Matrix.zeros(n, n);
    if (m > 0 && n > 0) {
      // the array of A is the column-major n×m matrix X = Aᵀ, and AᵀA = XXᵀ; the column-major
      // lower triangle of C is its row-major upper triangle
      BigStack.run(() -> blas.dsyrk("L", "N", n, m, 1.0, a.data(), n, 0.0, g.data(), n));
    }
    return Matrices.mirrorUpper(g);
  }

  @Override
  public Matrix outerGram(Matrix a) {
    int m = a.rows();
    int n = a.cols();
    Matrix g = Matrix.zeros(m, m);
    if (m > 0 && n > 0) {
      // with X = Aᵀ (column-major n×m), AAᵀ = XᵀX
      BigStack.run(() -> blas.dsyrk("L", "T", m, n, 1.0, a.data(), n, 0.0, g.data(), m));
    }
    return Matrices.mirrorUpper(g);
  }

  /**
   * In place: {@code dsyrk} with β = 1 updates one triangle of G (the row-major upper one, which
   * is BLAS's lower triangle of the column-major transpose).
   */
  @Override
  public void addGram(Matrix accumulator, Matrix rows) {
    int n = rows.cols();
    if (accumulator.rows() != n || accumulator.cols() != n) {
      throw new IllegalArgumentException("cannot add the Gram matrix of " + rows + " to "
          + accumulator);
    }
    if (rows.rows() > 0 && n > 0) {
      BigStack.run(() -> blas.dsyrk("L", "N", n, rows.rows(), 1.0, rows.data(), n, 1.0,
          accumulator.data(), n));
    }
  }

  @Override
  public Matrix multiply(Matrix a, Matrix b) {
    Matrices.checkMultiply(a, b);
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    Matrix c = Matrix.zeros(m, n);
    if (m > 0 && n > 0 && k > 0) {
      // (AB)ᵀ = BᵀAᵀ, and the arrays of B, A and AB are Bᵀ, Aᵀ and (AB)ᵀ column-major
      BigStack.run(() -> blas.dgemm("N", "N", n, m, k, 1.0, b.data(), n, a.data(), k, 0.0,
          c.data(), n));
    }
    return c;
  }

  @Override
  public Matrix multiplyTransposeA(Matrix a, Matrix b) {
    Matrices.checkMultiplyTransposeA(a, b);
    int k = a.rows();
    int m = a.cols();
    int n = b.cols();
    Matrix c = Matrix.zeros(m, n);
    if (m > 0 && n > 0 && k > 0) {
      // (AᵀB)ᵀ = BᵀA: Bᵀ is B's array as is, A is the transpose of A's array (Aᵀ, m×k)
      BigStack.run(() -> blas.dgemm("N", "T", n, m, k, 1.0, b.data(), n, a.data(), m, 0.0,
          c.data(), n));
    }
    return c;
  }

  @Override
  public SymmetricEigen symmetricEigen(Matrix s) {
    Matrices.checkSquare(s);
    int n = s.rows();
    if (n == 0) {
      return new SymmetricEigen(new double[0], Matrix.zeros(0, 0), List.of());
    }
    List<String> warnings = new ArrayList<>();
    // a symmetric matrix is its own transpose: the row-major array serves as column-major
    double[] a = Matrices.symmetrized(s).data();
    double[] w = new double[n];
    int info = lapack.dsyevd(n, a, w);
    if (info == 0) {
      return descending(a, w, n, warnings);
    }
    warnings.add("LAPACK dsyevd failed on a " + n + "x" + n + " matrix (" + failure(info)
        + "); used dsyev instead");
    a = Matrices.symmetrized(s).data();
    info = lapack.dsyev(n, a, w);
    if (info == 0) {
      return descending(a, w, n, warnings);
    }
    warnings.add("LAPACK dsyev failed too (" + failure(info) + "); used the Jacobi method");
    return JacobiEigen.decompose(s, warnings);
  }

  /**
   * Eigenvalues and VᵀB without forming V in the original basis: {@code dsytrd} reduces S to a
   * tridiagonal T = QᵀSQ, {@code dormtr} applies Q to B (n×m, instead of to the n×n
   * eigenvectors, the back-transformation that costs {@code dsyevd} 2n³ operations), {@code
   * dstedc} decomposes T = ZΛZᵀ by divide and conquer, and {@code dgemm} forms Zᵀ(QᵀB): about
   * 4n²m operations in place of 2n³ + 2n²m, so this path is taken when B has fewer columns than
   * S (m &lt; n), the full decomposition otherwise. The eigenvalues are those {@code dsyevd}
   * computes (it takes the same steps). S is symmetrised as {@link #symmetricEigen} does. If a
   * routine fails, the full decomposition with its fallbacks is used, and the warnings say so.
   */
  @Override
  public SpectralProjection symmetricEigenProjection(Matrix s, Matrix b) {
    Matrices.checkSquare(s);
    if (b.rows() != s.rows()) {
      throw new IllegalArgumentException("cannot project " + b + " on the eigenvectors of " + s);
    }
    int n = s.rows();
    int m = b.cols();
    if (n == 0 || m == 0 || m >= n) {
      return LinearAlgebraBackend.super.symmetricEigenProjection(s, b);
    }
    // symmetric, so the row-major array is the column-major matrix (dsytrd reads its lower half)
    double[] a = Matrices.symmetrized(s).data();
    double[] d = new double[n];
    double[] e = new double[Math.max(1, n - 1)];
    double[] tau = new double[Math.max(1, n - 1)];
    // B's row-major array is the column-major m×n matrix Bᵀ; Bᵀ·Q = (QᵀB)ᵀ
    double[] qb = b.data().clone();
    double[] z = new double[n * n];
    String failed = null;
    int info = lapack.dsytrd(n, a, d, e, tau);
    if (info != 0) {
      failed = "dsytrd";
    } else if ((info = lapack.dormtrRight(m, n, a, tau, qb)) != 0) {
      failed = "dormtr";
    } else if ((info = lapack.dstedc(n, d, e, z)) != 0) {
      failed = "dstedc";
    }
    if (failed != null) {
      SpectralProjection full = LinearAlgebraBackend.super.symmetricEigenProjection(s, b);
      List<String> warnings = new ArrayList<>();
      warnings.add("LAPACK " + failed + " failed on a " + n + "x" + n + " matrix ("
          + failure(info) + "); used the full eigendecomposition instead");
      warnings.addAll(full.warnings());
      return new SpectralProjection(full.values(), full.projections(), warnings);
    }
    // (Zᵀ·QᵀB)ᵀ = (QᵀB)ᵀ·Z: column-major m×n, the row-major n×m projections (ascending)
    double[] p = new double[n * m];
    BigStack.run(() -> blas.dgemm("N", "N", m, n, n, 1.0, qb, m, z, n, 0.0, p, m));
    double[] values = new double[n];
    double[] rows = new double[n * m];
    for (int k = 0; k < n; k++) {
      values[k] = d[n - 1 - k];
      System.arraycopy(p, (n - 1 - k) * m, rows, k * m, m);
    }
    return new SpectralProjection(values, Matrix.wrap(n, m, rows), List.of());
  }

  /**
   * Reverses LAPACK's ascending eigenpairs. Its eigenvectors are the columns of the
   * column-major array, that is the rows of the row-major one.
   */
  private static SymmetricEigen descending(double[] a, double[] w, int n, List<String> warnings) {
    double[] values = new double[n];
    double[] vectors = new double[n * n];
    for (int k = 0; k < n; k++) {
      int from = n - 1 - k;
      values[k] = w[from];
      int offset = from * n;
      for (int r = 0; r < n; r++) {
        vectors[r * n + k] = a[offset + r];
      }
    }
    return new SymmetricEigen(values, Matrix.wrap(n, n, vectors), warnings);
  }

  @Override
  public ThinSvd thinSvd(Matrix a) {
    int m = a.rows();
    int n = a.cols();
    int k = Math.min(m, n);
    if (k == 0) {
      return new ThinSvd(Matrix.zeros(m, 0), new double[0], Matrix.zeros(n, 0), List.of());
    }
    // LAPACK decomposes the column-major k×l matrix Y = Uy S Vyᵀ with k ≤ l (netlib's bounds
    // checks assume that for jobz = 'S'): Y = Aᵀ, whose column-major array is A's own, when A is
    // tall, so that A = Vy S Uyᵀ; Y = A, a transposed copy, when A is wide
    boolean tall = m > n;
    int l = Math.max(m, n);
    List<String> warnings = new ArrayList<>();
    double[] s = new double[k];
    double[] uy = Matrix.zeros(k, k).data();
    double[] vyt = Matrix.zeros(k, l).data();
    int info = lapack.dgesdd(k, l, columnMajorY(a, tall), s, uy, vyt);
    if (info != 0) {
      warnings.add("LAPACK dgesdd failed on a " + m + "x" + n + " matrix (" + failure(info)
          + "); used dgesvd instead");
      info = lapack.dgesvd(k, l, columnMajorY(a, tall), s, uy, vyt);
    }
    if (info != 0) {
      warnings.add("LAPACK dgesvd failed too (" + failure(info)
          + "); used the eigendecomposition of the Gram matrix, which squares the condition"
          + " number");
      return svdFromGram(a, warnings);
    }
    // Vyᵀ column-major (k×l) read row-major is the l×k matrix Vy; Uy column-major read
    // row-major is Uyᵀ
    Matrix vy = Matrix.wrap(l, k, vyt);
    Matrix uyT = Matrix.wrap(k, k, uy);
    return tall ? new ThinSvd(vy, s, uyT.transpose(), warnings)
        : new ThinSvd(uyT.transpose(), s, vy, warnings);
  }

  /** @return a fresh column-major array of Y: Aᵀ if A is tall, else A */
  private static double[] columnMajorY(Matrix a, boolean tall) {
    return tall ? a.data().clone() : a.transpose().data();
  }

  /**
   * The last resort for the SVD: A = U S Vᵀ from the Jacobi eigendecomposition of the smaller
   * Gram matrix, with the other factor recovered by one product. Its columns for zero singular
   * values are left zero.
   */
  private ThinSvd svdFromGram(Matrix a, List<String> warnings) {
    boolean tall = a.rows() >= a.cols();
    SymmetricEigen eig = JacobiEigen.decompose(tall ? gram(a) : outerGram(a), List.of());
    int k = eig.size();
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      s[i] = Math.sqrt(Math.max(0.0, eig.values()[i]));
    }
    Matrix known = eig.vectors();
    // tall: U = A V S⁻¹; wide: V = Aᵀ U S⁻¹
    Matrix other = tall ? multiply(a, known) : multiplyTransposeA(a, known);
    double cutoff = k * Math.ulp(1.0) * s[0];
    for (int j = 0; j < k; j++) {
      double scale = s[j] > cutoff ? 1.0 / s[j] : 0.0;
      if (scale == 0.0) {
        s[j] = 0.0;
      }
      for (int i = 0; i < other.rows(); i++) {
        other.set(i, j, other.get(i, j) * scale);
      }
    }
    return tall ? new ThinSvd(other, s, known, warnings) : new ThinSvd(known, s, other, warnings);
  }

  @Override
  public Matrix solve(Matrix a, Matrix b) {
    Matrices.checkSquare(a);
    Matrices.checkMultiply(a, b);
    int n = a.rows();
    int m = b.cols();
    if (n == 0) {
      return Matrix.zeros(0, m);
    }
    // the array of A is Aᵀ column-major: factor P Aᵀ = L U, then solve (Aᵀ)ᵀ X = B
    double[] lu = a.data().clone();
    int[] ipiv = new int[n];
    int info = lapack.dgetrf(n, lu, ipiv);
    if (info < 0) {
      throw new IllegalStateException("LAPACK dgetrf rejected argument " + -info);
    }
    double[] pivots = new double[n];
    for (int i = 0; i < n; i++) {
      pivots[i] = lu[i * n + i];
    }
    Matrices.requireNonSingular(pivots);
    if (m == 0) {
      return Matrix.zeros(n, 0);
    }
    // B column-major is the array of Bᵀ row-major
    double[] x = b.transpose().data();
    info = lapack.dgetrs("T", n, m, lu, ipiv, x);
    if (info != 0) {
      throw new IllegalStateException("LAPACK dgetrs rejected argument " + -info);
    }
    return Matrix.wrap(m, n, x).transpose();
  }

  private static String failure(int info) {
    return info == Lapack.WORKSPACE_TOO_LARGE ? "its workspace exceeds a Java array"
        : "info = " + info;
  }

  /**
   * LAPACK's blocked {@code dpotrf} on a copy of S (TransRate and the shrinkage H-score factor
   * D×D matrices: 11 of them for TransRate on 10 classes). A matrix that is not positive
   * definite is refused as {@link Cholesky#factor} refuses it, naming the first pivot that
   * fails; so is one with NaN or an infinity in its lower triangle, which OpenBLAS's
   * {@code dpotrf} lets through (its test {@code ajj <= 0} is false for NaN) into a non-finite
   * diagonal.
   */
  @Override
  public Matrix cholesky(Matrix s) {
    Matrices.checkSquare(s);
    int n = s.rows();
    double[] l = s.data().clone();
    int info = n == 0 ? 0 : lapack.dpotrf(n, l);
    if (info > 0) {
      // dpotrf leaves the failing pivot's value on the diagonal
      throw Cholesky.notPositiveDefinite(n, info - 1, l[(info - 1) * n + info - 1]);
    }
    if (info < 0) {
      throw new IllegalStateException("LAPACK dpotrf rejected argument " + -info);
    }
    for (int i = 0; i < n; i++) {
      double pivot = l[i * n + i];
      // a NaN or infinity anywhere in the lower triangle reaches a later diagonal entry
      if (!(pivot > 0 && pivot < Double.POSITIVE_INFINITY)) {
        throw Cholesky.notPositiveDefinite(n, i, pivot * pivot);
      }
      Arrays.fill(l, i * n + i + 1, (i + 1) * n, 0.0);
    }
    return Matrix.wrap(n, n, l);
  }

  @Override
  public Matrix solveLowerTriangular(Matrix l, Matrix b) {
    return Cholesky.solveLower(l, b);
  }
}
