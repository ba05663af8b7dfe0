package org.logme.numerics.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The minimiser on problems with known minima; its agreement with scipy's L-BFGS-B trajectory
 * (iteration counts and values) is checked by the PACTran fixtures in logme-baselines.
 */
class LbfgsTest {
  /** Rosenbrock's function in n dimensions, minimum 0 at (1, ..., 1). */
  private static double rosenbrock(double[] x, double[] g) {
    double f = 0;
    java.util.Arrays.fill(g, 0);
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
      g[i] += -400 * a * x[i] - 2 * b;
      g[i + 1] += 200 * a;
    }
    return f;
  }

  @Test
  void findsTheMinimumOfRosenbrocksFunction() {
    double[] start = {-1.2, 1, -1.2, 1, -1.2, 1};
    Lbfgs.Result r = Lbfgs.minimize(LbfgsTest::rosenbrock, start,
        new Lbfgs.Options(10, 1e-15, 1e-10, 10_000, 100_000));
    assertThat(r.value()).isCloseTo(0.0, within(1e-16));
    for (double v : r.x()) {
      assertThat(v).isCloseTo(1.0, within(1e-7));
    }
    assertThat(start).containsExactly(-1.2, 1, -1.2, 1, -1.2, 1);
  }

  @Test
  void solvesAQuadraticAndStopsOnTheRuleItWasGiven() {
    // f = ½ Σ i·(x_i − i)²: minimum at x_i = i
    Lbfgs.Objective quadratic = (x, g) -> {
      double f = 0;
      for (int i = 0; i < x.length; i++) {
        double e = x[i] - i;
        f += 0.5 * (i + 1) * e * e;
        g[i] = (i + 1) * e;
      }
      return f;
    };
    // no reduction test: the gradient test decides, and with Hessian eigenvalues ≥ 1,
    // max|g| ≤ 1e-12 puts every coordinate within 1e-12 of the minimum
    Lbfgs.Result converged = Lbfgs.minimize(quadratic, new double[8],
        new Lbfgs.Options(10, 0, 1e-12, 1000, 10_000));
    for (int i = 0; i < 8; i++) {
      assertThat(converged.x()[i]).isCloseTo(i, within(1e-10));
    }
    // at the exact minimum the line search may find no decrease either: all three end it
    assertThat(converged.stop()).isIn(Lbfgs.Stop.GRADIENT, Lbfgs.Stop.RELATIVE_REDUCTION,
        Lbfgs.Stop.LINE_SEARCH);
    Lbfgs.Result limited = Lbfgs.minimize(quadratic, new double[8], Lbfgs.Options.scipy(1e-6,
        2));
    assertThat(limited.iterations()).isEqualTo(2);
    assertThat(limited.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
    Lbfgs.Result atMinimum = Lbfgs.minimize(quadratic, new double[] {0, 1, 2},
        Lbfgs.Options.scipy(1e-6, 100));
    assertThat(atMinimum.iterations()).isZero();
    assertThat(atMinimum.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
  }
}
