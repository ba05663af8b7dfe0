package org.logme.linalg.commons;

import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.MathRuntimeException;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.logme.api.NumericalException;
import org.logme.numerics.linalg.JacobiEigen;
import org.logme.numerics.linalg.JavaKernelBackend;
import org.logme.api.linalg.LinearAlgebraBackend;
import org.logme.numerics.linalg.Matrices;
import org.logme.api.linalg.Matrix;
import org.logme.api.linalg.SymmetricEigen;
import org.logme.api.linalg.ThinSvd;

/**
 * {@link LinearAlgebraBackend} on Apache Commons Math 3: block matrices for products,
 * {@code EigenDecomposition}, {@code SingularValueDecomposition} and {@code LUDecomposition}.
 * Gram matrices, the one hot spot of LogME, use logme's multi-threaded blocked kernel
 * ({@link org.logme.numerics.linalg.GramKernel}) rather than a transpose-and-multiply that would copy the features twice.
 *
 * @since 0.1
 */
public final class CommonsMathBackend extends JavaKernelBackend {
  /** Relative residual ‖SV − VΛ‖/‖S‖ an SVD-derived eigendecomposition must meet. */
  private static final double FALLBACK_RESIDUAL = 1e-10;

  /**
   * @param threads the most threads for Gram matrices (Commons Math itself is single-threaded)
   */
  public CommonsMathBackend(int threads) {
    super(threads);
  }

  @Override
  public String name() {
    return "commons";
  }

  private static BlockRealMatrix toCommons(Matrix m) {
    BlockRealMatrix out = new BlockRealMatrix(m.rows(), m.cols());
    double[] data = m.data();
    double[] row = new double[m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      System.arraycopy(data, i * m.cols(), row, 0, m.cols());
      out.setRow(i, row);
    }
    return out;
  }

  private static Matrix fromCommons(RealMatrix m) {
    int rows = m.getRowDimension();
    int cols = m.getColumnDimension();
    double[] data = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(m.getRow(i), 0, data, i * cols, cols);
    }
    return Matrix.wrap(rows, cols, data);
  }

  @Override
  public Matrix multiply(Matrix a, Matrix b) {
    Matrices.checkMultiply(a, b);
    return fromCommons(toCommons(a).multiply(toCommons(b)));
  }

  @Override
  public Matrix multiplyTransposeA(Matrix a, Matrix b) {
    Matrices.checkMultiplyTransposeA(a, b);
    return fromCommons(toCommons(a).transpose().multiply(toCommons(b)));
  }

  @Override
  public SymmetricEigen symmetricEigen(Matrix s) {
    Matrix symmetric = Matrices.symmetrized(s);
    int n = s.rows();
    RealMatrix m = toCommons(symmetric);
    try {
      EigenDecomposition eig = new EigenDecomposition(m);
      return Matrices.sortedDescending(eig.getRealEigenvalues(), fromCommons(eig.getV()),
          List.of());
    } catch (MathIllegalStateException | MathRuntimeException e) {
      String failure = "Commons Math's EigenDecomposition failed on a " + n + "x" + n + " matrix ("
          + e.getMessage() + ")";
      SymmetricEigen fromSvd = eigenFromSvd(m, symmetric);
      if (fromSvd != null) {
        return new SymmetricEigen(fromSvd.values(), fromSvd.vectors(),
            List.of(failure + "; used its SVD instead"));
      }
      return JacobiEigen.decompose(symmetric, List.of(failure + "; used the Jacobi method"
          + " instead"));
    }
  }

  /**
   * For symmetric S = UΣVᵀ, each right singular vector is an eigenvector with eigenvalue
   * σᵢ·sign(uᵢ·vᵢ). Exact for semi-definite matrices such as Gram matrices; for indefinite ones
   * with eigenvalues ±λ of one magnitude the signs can mix, so the result is verified.
   *
   * @return the decomposition, or null if the SVD failed or the result does not verify
   */
  private static SymmetricEigen eigenFromSvd(RealMatrix m, Matrix symmetric) {
    SingularValueDecomposition svd;
    try {
      svd = new SingularValueDecomposition(m);
    } catch (MathIllegalStateException | MathRuntimeException e) {
      return null;
    }
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    double[] sigma = svd.getSingularValues();
    int n = sigma.length;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = u.getColumnVector(i).dotProduct(v.getColumnVector(i)) < 0 ? -sigma[i] : sigma[i];
    }
    SymmetricEigen candidate = Matrices.sortedDescending(values, fromCommons(v), List.of());
    RealMatrix vectors = toCommons(candidate.vectors());
    RealMatrix residual = m.multiply(vectors);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        worst = Math.max(worst, Math.abs(residual.getEntry(i, j)
            - vectors.getEntry(i, j) * candidate.values()[j]));
      }
    }
    double scale = Math.max(Math.abs(candidate.values()[0]), Math.abs(candidate.values()[n - 1]));
    return worst <= FALLBACK_RESIDUAL * Math.max(scale, Double.MIN_NORMAL) ? candidate : null;
  }

  @Override
  public ThinSvd thinSvd(Matrix a) {
    try {
      SingularValueDecomposition svd = new SingularValueDecomposition(toCommons(a));
      return new ThinSvd(fromCommons(svd.getU()), svd.getSingularValues(),
          fromCommons(svd.getV()), List.of());
    } catch (MathIllegalStateException | MathRuntimeException e) {
      throw new NumericalException("Commons Math's SVD failed on a " + a.rows() + "x" + a.cols()
          + " matrix: " + e.getMessage(), e);
    }
  }

  @Override
  public Matrix solve(Matrix a, Matrix b) {
    Matrices.checkSquare(a);
    Matrices.checkMultiply(a, b);
    // threshold 0: let the relative pivot test below decide singularity
    LUDecomposition lu = new LUDecomposition(toCommons(a), 0.0);
    RealMatrix upper = lu.getU();
    double[] pivots = new double[a.rows()];
    if (upper != null) {
      for (int i = 0; i < pivots.length; i++) {
        pivots[i] = upper.getEntry(i, i);
      }
    }
    Matrices.requireNonSingular(pivots);
    return fromCommons(lu.getSolver().solve(toCommons(b)));
  }
}
