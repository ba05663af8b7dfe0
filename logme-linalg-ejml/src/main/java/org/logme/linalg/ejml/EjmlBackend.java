package org.logme.linalg.ejml;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.logme.api.NumericalException;
import org.logme.numerics.linalg.JacobiEigen;
import org.logme.numerics.linalg.JavaKernelBackend;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.linalg.Matrices;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;

/**
 * {@link LinearAlgebraBackend} on EJML. Matrices are wrapped, not copied, where EJML only reads
 * them; decompositions, which overwrite their input in EJML, get a copy. Gram matrices use
 * logme's blocked kernel ({@link org.logme.numerics.linalg.GramKernel}), which computes half the products of EJML's
 * {@code multInner} in register tiles and measured about twice as fast on 20000×1024.
 *
 * @since 0.1
 */
public final class EjmlBackend extends JavaKernelBackend {
  /** Products with more multiply-adds than this use EJML's multi-threaded kernels. */
  private static final long CONCURRENT_WORK = 1L << 22;

  /**
   * @param threads the most threads for Gram matrices (EJML's own multi-threaded products use
   *     its global setting)
   */
  public EjmlBackend(int threads) {
    super(threads);
  }

  @Override
  public String name() {
    return "ejml";
  }

  private static DMatrixRMaj wrap(Matrix m) {
    return DMatrixRMaj.wrap(m.rows(), m.cols(), m.data());
  }

  private static Matrix unwrap(DMatrixRMaj m) {
    return Matrix.wrap(m.numRows, m.numCols, m.data);
  }

  private static boolean large(long m, long n, long k) {
    return m * n * k > CONCURRENT_WORK;
  }

  @Override
  public Matrix multiply(Matrix a, Matrix b) {
    Matrices.checkMultiply(a, b);
    DMatrixRMaj out = new DMatrixRMaj(a.rows(), b.cols());
    if (large(a.rows(), a.cols(), b.cols())) {
      CommonOps_MT_DDRM.mult(wrap(a), wrap(b), out);
    } else {
      CommonOps_DDRM.mult(wrap(a), wrap(b), out);
    }
    return unwrap(out);
  }

  @Override
  public Matrix multiplyTransposeA(Matrix a, Matrix b) {
    Matrices.checkMultiplyTransposeA(a, b);
    DMatrixRMaj out = new DMatrixRMaj(a.cols(), b.cols());
    if (large(a.rows(), a.cols(), b.cols())) {
      CommonOps_MT_DDRM.multTransA(wrap(a), wrap(b), out);
    } else {
      CommonOps_DDRM.multTransA(wrap(a), wrap(b), out);
    }
    return unwrap(out);
  }

  @Override
  public SymmetricEigen symmetricEigen(Matrix s) {
    Matrix symmetric = Matrices.symmetrized(s);
    int n = s.rows();
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    // EJML overwrites the matrix it decomposes: give it its own copy
    if (!eig.decompose(wrap(symmetric.copy()))) {
      return JacobiEigen.decompose(symmetric, List.of("EJML's symmetric eigensolver did not"
          + " converge on a " + n + "x" + n + " matrix; used the Jacobi method instead"));
    }
    double[] values = new double[n];
    Matrix vectors = Matrix.zeros(n, n);
    for (int i = 0; i < n; i++) {
      values[i] = eig.getEigenvalue(i).real;
      DMatrixRMaj v = eig.getEigenVector(i);
      for (int r = 0; r < n; r++) {
        vectors.set(r, i, v.get(r, 0));
      }
    }
    return Matrices.sortedDescending(values, vectors, List.of());
  }

  @Override
  public ThinSvd thinSvd(Matrix a) {
    int m = a.rows();
    int n = a.cols();
    SingularValueDecomposition_F64<DMatrixRMaj> svd =
        DecompositionFactory_DDRM.svd(m, n, true, true, true);
    if (!svd.decompose(wrap(a.copy()))) {
      throw new NumericalException("EJML's SVD did not converge on a " + m + "x" + n
          + " matrix");
    }
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj w = svd.getW(null);
    DMatrixRMaj v = svd.getV(null, false);
    SingularOps_DDRM.descendingOrder(u, false, w, v, false);
    int k = Math.min(m, n);
    double[] s = new double[k];
    for (int i = 0; i < k; i++) {
      s[i] = w.get(i, i);
    }
    return new ThinSvd(unwrap(u), s, unwrap(v), List.of());
  }

  @Override
  public Matrix solve(Matrix a, Matrix b) {
    Matrices.checkSquare(a);
    Matrices.checkMultiply(a, b);
    int n = a.rows();
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
    double[] pivots = new double[n];
    if (solver.setA(wrap(a.copy()))) {
      LUDecomposition_F64<DMatrixRMaj> lu = solver.getDecomposition();
      DMatrixRMaj upper = lu.getUpper(null);
      for (int i = 0; i < n; i++) {
        pivots[i] = upper.get(i, i);
      }
    }
    Matrices.requireNonSingular(pivots);
    DMatrixRMaj x = new DMatrixRMaj(n, b.cols());
    solver.solve(wrap(b.copy()), x);
    return unwrap(x);
  }
}
