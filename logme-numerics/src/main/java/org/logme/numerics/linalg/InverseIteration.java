package org.logme.numerics.linalg;

/**
 * Eigenvectors of a symmetric tridiagonal matrix T for eigenvalues already known, by inverse
 * iteration (Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.2.2; the safeguards of
 * LAPACK's {@code dstein}): each vector solves (T − σI)x = b a few times, with the LU
 * factorisation of T − σI with partial pivoting ({@code dgttrf}'s recurrence) computed once per
 * shift and pivots below ε·‖T‖ raised to it. Close eigenvalues get two safeguards: a shift equal
 * (to 10·ε·‖T‖) to the one before it is moved down by that much, and the vectors of eigenvalues
 * within 10⁻³·‖T‖ of each other (a cluster) are orthogonalised after every solve, since inverse
 * iteration alone only separates vectors whose eigenvalues are well apart.
 *
 * <p>T is scaled to unit norm first (as {@code dstein} scales), so that neither the raised pivots
 * nor the solutions leave the range of doubles whatever T's scale; a zero T has the unit vectors
 * as eigenvectors. Start vectors are fixed (a seeded sequence), so the result is reproducible.
 */
final class InverseIteration {
  private static final int STEPS = 4;
  private static final double CLUSTER = 1e-3;

  private InverseIteration() {
  }

  /**
   * @param d the diagonal of T (n)
   * @param e its off-diagonal (n − 1)
   * @param values T's eigenvalues in descending order (n)
   * @param k how many vectors, for values[0..k)
   * @return k unit vectors of length n, vector j for values[j]
   */
  static double[][] vectors(double[] d, double[] e, double[] values, int k) {
    int n = d.length;
    double[][] z = new double[k][];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      scale = Math.max(scale, Math.abs(d[i]) + (i > 0 ? Math.abs(e[i - 1]) : 0)
          + (i < n - 1 ? Math.abs(e[i]) : 0));
    }
    if (!(scale > 0)) {
      for (int j = 0; j < k; j++) {
        z[j] = new double[n];
        z[j][j] = 1;
      }
      return z;
    }
    d = scaled(d, scale);
    e = scaled(e, scale);
    values = scaled(values, scale);
    // ‖T‖ = 1 from here on
    double tiny = Math.ulp(1.0);
    double separation = 10 * tiny;
    Factors lu = new Factors(n);
    long seed = 0x9E3779B97F4A7C15L;
    int clusterStart = 0;
    double shift = Double.NaN;
    for (int j = 0; j < k; j++) {
      if (j > 0 && values[j - 1] - values[j] > CLUSTER) {
        clusterStart = j;
      }
      double sigma = values[j];
      if (j > 0 && shift - sigma < separation) {
        sigma = shift - separation;
      }
      shift = sigma;
      lu.factor(d, e, sigma, tiny);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        x[i] = ((seed >>> 11) * 0x1.0p-53) * 2 - 1;
      }
      for (int step = 0; step < STEPS; step++) {
        lu.solve(x, tiny);
        for (int c = clusterStart; c < j; c++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += z[c][i] * x[i];
          }
          for (int i = 0; i < n; i++) {
            x[i] -= dot * z[c][i];
          }
        }
        scale(x);
      }
      z[j] = x;
    }
    return z;
  }

  private static double[] scaled(double[] x, double scale) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] / scale;
    }
    return out;
  }

  /** Scales x to unit length, in two steps so that a huge solution does not overflow. */
  private static void scale(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, Math.abs(v));
    }
    if (max == 0) {
      x[0] = 1; // cannot happen for a solve with non-zero pivots; keeps the vector a unit one
      return;
    }
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] /= max;
      sum += x[i] * x[i];
    }
    double length = Math.sqrt(sum);
    for (int i = 0; i < x.length; i++) {
      x[i] /= length;
    }
  }

  /** T − σI = PLU with partial pivoting: U has two superdiagonals, L one multiplier per row. */
  private static final class Factors {
    private final double[] diagonal;
    private final double[] upper;
    private final double[] upper2;
    private final double[] multiplier;
    private final boolean[] swapped;

    Factors(int n) {
      diagonal = new double[n];
      upper = new double[Math.max(n - 1, 0)];
      upper2 = new double[Math.max(n - 2, 0)];
      multiplier = new double[Math.max(n - 1, 0)];
      swapped = new boolean[Math.max(n - 1, 0)];
    }

    void factor(double[] d, double[] e, double sigma, double tiny) {
      int n = d.length;
      for (int i = 0; i < n; i++) {
        diagonal[i] = d[i] - sigma;
      }
      System.arraycopy(e, 0, upper, 0, n - 1);
      java.util.Arrays.fill(upper2, 0);
      for (int i = 0; i < n - 1; i++) {
        double below = e[i]; // the subdiagonal entry (i+1, i)
        if (Math.abs(diagonal[i]) >= Math.abs(below)) {
          swapped[i] = false;
          double pivot = diagonal[i] != 0 ? diagonal[i] : tiny;
          diagonal[i] = pivot;
          double f = below / pivot;
          multiplier[i] = f;
          diagonal[i + 1] -= f * upper[i];
        } else {
          swapped[i] = true;
          double f = diagonal[i] / below;
          diagonal[i] = below;
          multiplier[i] = f;
          double next = diagonal[i + 1];
          diagonal[i + 1] = upper[i] - f * next;
          upper[i] = next;
          if (i < n - 2) {
            upper2[i] = upper[i + 1];
            upper[i + 1] = -f * upper[i + 1];
          }
        }
      }
    }

    /** x ← (T − σI)⁻¹x, pivots smaller than tiny raised to it (keeping their sign). */
    void solve(double[] x, double tiny) {
      int n = x.length;
      for (int i = 0; i < n - 1; i++) {
        if (swapped[i]) {
          double t = x[i];
          x[i] = x[i + 1];
          x[i + 1] = t - multiplier[i] * x[i];
        } else {
          x[i + 1] -= multiplier[i] * x[i];
        }
      }
      for (int i = n - 1; i >= 0; i--) {
        double v = x[i];
        if (i < n - 1) {
          v -= upper[i] * x[i + 1];
        }
        if (i < n - 2) {
          v -= upper2[i] * x[i + 2];
        }
        double pivot = diagonal[i];
        if (Math.abs(pivot) < tiny) {
          pivot = pivot < 0 ? -tiny : tiny;
        }
        x[i] = v / pivot;
      }
    }
  }
}
