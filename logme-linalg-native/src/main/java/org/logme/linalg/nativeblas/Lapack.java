package org.logme.linalg.nativeblas;

import dev.ludovic.netlib.lapack.LAPACK;
import org.logme.api.linalg.Matrix;
import org.netlib.util.intW;

/**
 * The LAPACK routines the backend calls, on column-major arrays, each returning LAPACK's
 * {@code info} (0 on success) after a workspace query. A seam for tests, which substitute
 * routines that fail.
 */
interface Lapack {
  /** The status reported when a routine needs more workspace than a Java array holds. */
  int WORKSPACE_TOO_LARGE = Integer.MIN_VALUE;

  /**
   * Eigenvalues (ascending, into {@code w}) and eigenvectors (into the columns of {@code a}) of a
   * symmetric n×n matrix by divide and conquer ({@code dsyevd}), reading its lower triangle.
   */
  int dsyevd(int n, double[] a, double[] w);

  /** As {@link #dsyevd}, by the implicit QL/QR method ({@code dsyev}). */
  int dsyev(int n, double[] a, double[] w);

  /**
   * Householder reduction of a symmetric n×n matrix to tridiagonal form T = QᵀAQ
   * ({@code dsytrd}), reading and overwriting its lower triangle (the reflectors); d (n) and e
   * (n−1) receive T, tau (n−1) the reflectors' factors.
   */
  int dsytrd(int n, double[] a, double[] d, double[] e, double[] tau);

  /**
   * C ← C·Q for an m×n matrix C, Q from {@link #dsytrd} of an n×n matrix ({@code dormtr}, side
   * R, lower, no transpose).
   */
  int dormtrRight(int m, int n, double[] a, double[] tau, double[] c);

  /**
   * Eigenvalues (ascending, into d) and eigenvectors (the columns of z, n×n) of the symmetric
   * tridiagonal matrix (d, e), by divide and conquer ({@code dstedc}, compz I); e is destroyed.
   */
  int dstedc(int n, double[] d, double[] e, double[] z);

  /**
   * Thin SVD of an m×n matrix, m ≤ n, by divide and conquer ({@code dgesdd}): s (m), U (m×m)
   * and Vᵀ (m×n); {@code a} is overwritten.
   */
  int dgesdd(int m, int n, double[] a, double[] s, double[] u, double[] vt);

  /** As {@link #dgesdd}, by the QR method ({@code dgesvd}). */
  int dgesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt);

  /** LU factorisation with partial pivoting of an n×n matrix, in place ({@code dgetrf}). */
  int dgetrf(int n, double[] a, int[] ipiv);

  /** Solves with a {@link #dgetrf} factor ({@code dgetrs}); trans as in LAPACK. */
  int dgetrs(String trans, int n, int nrhs, double[] lu, int[] ipiv, double[] b);

  /**
   * The Cholesky factor of a symmetric positive-definite n×n matrix, in place ({@code dpotrf},
   * blocked): with uplo U, A = UᵀU from and into the upper triangle of the column-major array,
   * which is the lower triangle of the row-major one, so that the row-major array holds
   * L = Uᵀ below its diagonal; the rest of the array is left as it was. info k &gt; 0: the
   * leading minor of order k is not positive definite.
   */
  int dpotrf(int n, double[] a);

  /**
   * @param lapack a netlib LAPACK
   * @return the routines on it, each run on the big-stack thread ({@link BigStack})
   */
  static Lapack on(LAPACK lapack) {
    Lapack direct = direct(lapack);
    return new Lapack() {
      @Override
      public int dsyevd(int n, double[] a, double[] w) {
        return BigStack.call(() -> direct.dsyevd(n, a, w));
      }

      @Override
      public int dsyev(int n, double[] a, double[] w) {
        return BigStack.call(() -> direct.dsyev(n, a, w));
      }

      @Override
      public int dsytrd(int n, double[] a, double[] d, double[] e, double[] tau) {
        return BigStack.call(() -> direct.dsytrd(n, a, d, e, tau));
      }

      @Override
      public int dormtrRight(int m, int n, double[] a, double[] tau, double[] c) {
        return BigStack.call(() -> direct.dormtrRight(m, n, a, tau, c));
      }

      @Override
      public int dstedc(int n, double[] d, double[] e, double[] z) {
        return BigStack.call(() -> direct.dstedc(n, d, e, z));
      }

      @Override
      public int dgesdd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        return BigStack.call(() -> direct.dgesdd(m, n, a, s, u, vt));
      }

      @Override
      public int dgesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        return BigStack.call(() -> direct.dgesvd(m, n, a, s, u, vt));
      }

      @Override
      public int dgetrf(int n, double[] a, int[] ipiv) {
        return BigStack.call(() -> direct.dgetrf(n, a, ipiv));
      }

      @Override
      public int dgetrs(String trans, int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        return BigStack.call(() -> direct.dgetrs(trans, n, nrhs, lu, ipiv, b));
      }

      @Override
      public int dpotrf(int n, double[] a) {
        return BigStack.call(() -> direct.dpotrf(n, a));
      }
    };
  }

  private static Lapack direct(LAPACK lapack) {
    return new Lapack() {
      @Override
      public int dsyevd(int n, double[] a, double[] w) {
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        lapack.dsyevd("V", "L", n, a, n, w, work, -1, iwork, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        int liwork = Math.max(1, iwork[0]);
        lapack.dsyevd("V", "L", n, a, n, w, new double[lwork], lwork, new int[liwork], liwork,
            info);
        return info.val;
      }

      @Override
      public int dsyev(int n, double[] a, double[] w) {
        intW info = new intW(0);
        double[] work = new double[1];
        lapack.dsyev("V", "L", n, a, n, w, work, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        lapack.dsyev("V", "L", n, a, n, w, new double[lwork], lwork, info);
        return info.val;
      }

      @Override
      public int dsytrd(int n, double[] a, double[] d, double[] e, double[] tau) {
        intW info = new intW(0);
        double[] work = new double[1];
        lapack.dsytrd("L", n, a, n, d, e, tau, work, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        lapack.dsytrd("L", n, a, n, d, e, tau, new double[lwork], lwork, info);
        return info.val;
      }

      @Override
      public int dormtrRight(int m, int n, double[] a, double[] tau, double[] c) {
        intW info = new intW(0);
        double[] work = new double[1];
        lapack.dormtr("R", "L", "N", m, n, a, n, tau, c, m, work, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        lapack.dormtr("R", "L", "N", m, n, a, n, tau, c, m, new double[lwork], lwork, info);
        return info.val;
      }

      @Override
      public int dstedc(int n, double[] d, double[] e, double[] z) {
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[1];
        lapack.dstedc("I", n, d, e, z, n, work, -1, iwork, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        int liwork = Math.max(1, iwork[0]);
        lapack.dstedc("I", n, d, e, z, n, new double[lwork], lwork, new int[liwork], liwork,
            info);
        return info.val;
      }

      @Override
      public int dgesdd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        intW info = new intW(0);
        double[] work = new double[1];
        int[] iwork = new int[8 * m];
        lapack.dgesdd("S", m, n, a, m, s, u, m, vt, m, work, -1, iwork, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        lapack.dgesdd("S", m, n, a, m, s, u, m, vt, m, new double[lwork], lwork, iwork, info);
        return info.val;
      }

      @Override
      public int dgesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt) {
        intW info = new intW(0);
        double[] work = new double[1];
        lapack.dgesvd("S", "S", m, n, a, m, s, u, m, vt, m, work, -1, info);
        int lwork = workspace(work[0]);
        if (info.val != 0 || lwork < 0) {
          return info.val != 0 ? info.val : WORKSPACE_TOO_LARGE;
        }
        lapack.dgesvd("S", "S", m, n, a, m, s, u, m, vt, m, new double[lwork], lwork, info);
        return info.val;
      }

      @Override
      public int dgetrf(int n, double[] a, int[] ipiv) {
        intW info = new intW(0);
        lapack.dgetrf(n, n, a, n, ipiv, info);
        return info.val;
      }

      @Override
      public int dgetrs(String trans, int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        intW info = new intW(0);
        lapack.dgetrs(trans, n, nrhs, lu, n, ipiv, b, n, info);
        return info.val;
      }

      @Override
      public int dpotrf(int n, double[] a) {
        intW info = new intW(0);
        lapack.dpotrf("U", n, a, n, info);
        return info.val;
      }
    };
  }

  /**
   * @param query the optimal workspace size, which LAPACK reports as a double
   * @return it as an array length, or -1 if it exceeds what a Java array holds
   */
  private static int workspace(double query) {
    if (!(query < Matrix.MAX_ELEMENTS)) {
      return -1;
    }
    return Math.max(1, (int) Math.ceil(query));
  }
}
