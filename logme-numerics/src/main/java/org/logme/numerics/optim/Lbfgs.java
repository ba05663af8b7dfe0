package org.logme.numerics.optim;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS for a smooth unconstrained objective, following step by step what
 * L-BFGS-B 3.0 (Byrd, Lu, Nocedal &amp; Zhu, SIAM J. Sci. Comput. 16(5), 1995; Morales &amp;
 * Nocedal, ACM TOMS 38(1), 2011) does when no variable is bounded, which is what scipy's
 * {@code minimize(method="L-BFGS-B")} runs for such problems:
 * <ul>
 *   <li>direction: −g on the first iteration and after a restart (the generalised Cauchy point
 *       with B = I); otherwise −Hg, H the limited-memory inverse Hessian of the last m pairs
 *       (s, y) with H₀ = I/θ, θ = yᵀy/sᵀy of the newest pair (the two-loop recursion, equal
 *       in exact arithmetic to L-BFGS-B's compact-form subspace step without bounds);</li>
 *   <li>step: the Moré–Thuente line search (MINPACK-2's {@code dcsrch}; More &amp; Thuente,
 *       ACM TOMS 20(3), 1994) with sufficient-decrease 1e-3, curvature 0.9 and interval
 *       tolerance 0.1, starting at 1/‖d‖ on the first iteration and at 1 afterwards; a line
 *       search that fails or needs 20 evaluations restarts from −g with the memory cleared;</li>
 *   <li>a pair is stored only if sᵀy &gt; ε·(−gᵀs), ε the machine epsilon;</li>
 *   <li>stop after the step of iteration k if k reaches the iteration limit, if
 *       max|gᵢ| ≤ {@code gradientTolerance}, or if the relative reduction
 *       (f_old − f)/max(|f_old|, |f|, 1) ≤ {@code relativeReduction} (scipy's {@code ftol};
 *       its {@code tol} sets both tolerances).</li>
 * </ul>
 * Rounding differs from the Fortran code (the directions are the same quantities computed in
 * another order), so iterates agree to rounding, not bit for bit.
 *
 * @since 0.2
 */
public final class Lbfgs {

  /** A smooth objective. */
  @FunctionalInterface
  public interface Objective {
    /**
     * @param x the point (do not modify)
     * @param gradient receives ∇f(x)
     * @return f(x)
     */
    double evaluate(double[] x, double[] gradient);
  }

  /**
   * Stopping rules and memory.
   *
   * @param memory m, the number of (s, y) pairs kept (scipy's {@code maxcor}, default 10)
   * @param relativeReduction stop when (f_old − f)/max(|f_old|, |f|, 1) ≤ this (scipy's
   *     {@code ftol})
   * @param gradientTolerance stop when max|gᵢ| ≤ this (scipy's {@code gtol})
   * @param maxIterations stop after this many iterations (scipy's {@code maxiter})
   * @param maxEvaluations stop when more evaluations than this were made (scipy's
   *     {@code maxfun})
   */
  public record Options(int memory, double relativeReduction, double gradientTolerance,
      int maxIterations, int maxEvaluations) {

    /**
     * scipy's {@code minimize(..., method="L-BFGS-B", tol=tol, options=dict(maxiter=...))}.
     *
     * @param tol both tolerances
     * @param maxIterations the iteration limit
     * @return the options, memory 10 and scipy's evaluation limit 15000
     */
    public static Options scipy(double tol, int maxIterations) {
      return new Options(10, tol, tol, maxIterations, 15000);
    }
  }

  /** Why the minimisation stopped. */
  public enum Stop {
    /** The relative reduction of f fell below its tolerance. */
    RELATIVE_REDUCTION,
    /** The largest gradient component fell below its tolerance. */
    GRADIENT,
    /** The iteration limit was reached. */
    MAX_ITERATIONS,
    /** The evaluation limit was exceeded. */
    MAX_EVALUATIONS,
    /** The line search failed along −g: no further progress is possible numerically. */
    LINE_SEARCH
  }

  /**
   * The outcome.
   *
   * @param x the final point
   * @param value f there
   * @param iterations completed iterations (scipy's {@code nit})
   * @param evaluations objective evaluations (scipy's {@code nfev})
   * @param stop why it stopped
   */
  public record Result(double[] x, double value, int iterations, int evaluations, Stop stop) {
  }

  private static final double EPS = Math.ulp(1.0);
  private static final double LS_FTOL = 1e-3;
  private static final double LS_GTOL = 0.9;
  private static final double LS_XTOL = 0.1;
  private static final double STEP_MAX = 1e10;

  private Lbfgs() {
  }

  /**
   * @param f the objective
   * @param start the starting point (not modified)
   * @param options stopping rules and memory
   * @return the final point and why the minimisation stopped
   */
  public static Result minimize(Objective f, double[] start, Options options) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = f.evaluate(x, g);
    int evaluations = 1;
    // scipy's factr = ftol/eps, then the Fortran tolerance factr*epsmch
    double tol = options.relativeReduction() / EPS * EPS;
    if (maxAbs(g) <= options.gradientTolerance()) {
      return new Result(x, fx, 0, evaluations, Stop.GRADIENT);
    }
    Deque<double[][]> pairs = new ArrayDeque<>();
    double theta = 1;
    int iteration = 0;
    double[] trialGradient = new double[n];
    while (true) {
      // direction d = z − x, z the minimiser of the quadratic model (Cauchy point when empty)
      double[] step = pairs.isEmpty() ? scaled(g, -1 / theta) : twoLoop(g, pairs, theta);
      double[] z = new double[n];
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = x[i] + step[i];
        d[i] = z[i] - x[i];
      }
      double gdOld = dot(g, d);
      LineSearch search = null;
      boolean failed = gdOld >= 0;
      double stp = 0;
      double trialValue = 0;
      double[] trial = new double[n];
      if (!failed) {
        double dnorm = Math.sqrt(dot(d, d));
        stp = iteration == 0 ? Math.min(1 / dnorm, STEP_MAX) : 1;
        search = new LineSearch(fx, gdOld, stp);
        int functionsInSearch = 0;
        while (true) {
          for (int i = 0; i < n; i++) {
            trial[i] = stp == 1 ? z[i] : stp * d[i] + x[i];
          }
          trialValue = f.evaluate(trial, trialGradient);
          evaluations++;
          functionsInSearch++;
          double gd = dot(trialGradient, d);
          stp = search.next(trialValue, gd, stp);
          if (search.finished()) {
            break;
          }
          // L-BFGS-B gives up after its 20th evaluation in one search (iback = 20)
          if (functionsInSearch >= 20) {
            failed = true;
            break;
          }
        }
      }
      if (failed) {
        if (pairs.isEmpty()) {
          return new Result(x, fx, iteration + 1, evaluations, Stop.LINE_SEARCH);
        }
        pairs.clear();
        theta = 1;
        continue;
      }
      double accepted = search.step();
      double gd = dot(trialGradient, d);
      double[] gOld = g;
      double fOld = fx;
      x = trial.clone();
      g = trialGradient.clone();
      fx = trialValue;
      iteration++;
      if (iteration >= options.maxIterations()) {
        return new Result(x, fx, iteration, evaluations, Stop.MAX_ITERATIONS);
      }
      if (evaluations > options.maxEvaluations()) {
        return new Result(x, fx, iteration, evaluations, Stop.MAX_EVALUATIONS);
      }
      if (maxAbs(g) <= options.gradientTolerance()) {
        return new Result(x, fx, iteration, evaluations, Stop.GRADIENT);
      }
      if (fOld - fx <= tol * Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1)) {
        return new Result(x, fx, iteration, evaluations, Stop.RELATIVE_REDUCTION);
      }
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = g[i] - gOld[i];
      }
      double rr = dot(y, y);
      double dr;
      double ddum;
      double[] s;
      if (accepted == 1) {
        dr = gd - gdOld;
        ddum = -gdOld;
        s = d;
      } else {
        dr = (gd - gdOld) * accepted;
        s = scaled(d, accepted);
        ddum = -gdOld * accepted;
      }
      if (dr <= EPS * ddum) {
        continue; // skip the update
      }
      if (pairs.size() == options.memory()) {
        pairs.removeFirst();
      }
      pairs.addLast(new double[][] {s, y});
      theta = rr / dr;
    }
  }

  /** −H·g by the two-loop recursion over the pairs (oldest first), H₀ = I/θ. */
  private static double[] twoLoop(double[] g, Deque<double[][]> pairs, double theta) {
    int m = pairs.size();
    double[][][] list = pairs.toArray(new double[0][][]);
    double[] q = g.clone();
    double[] alpha = new double[m];
    double[] rho = new double[m];
    for (int k = m - 1; k >= 0; k--) {
      double[] s = list[k][0];
      double[] y = list[k][1];
      rho[k] = 1 / dot(y, s);
      alpha[k] = rho[k] * dot(s, q);
      for (int i = 0; i < q.length; i++) {
        q[i] -= alpha[k] * y[i];
      }
    }
    for (int i = 0; i < q.length; i++) {
      q[i] /= theta;
    }
    for (int k = 0; k < m; k++) {
      double[] s = list[k][0];
      double[] y = list[k][1];
      double beta = rho[k] * dot(y, q);
      for (int i = 0; i < q.length; i++) {
        q[i] += (alpha[k] - beta) * s[i];
      }
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = -q[i];
    }
    return q;
  }

  private static double[] scaled(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = factor * v[i];
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  /**
   * The Moré–Thuente line search for φ(t) = f(x + t·d), as MINPACK-2's {@code dcsrch}: find t
   * with φ(t) ≤ φ(0) + ftol·t·φ'(0) and |φ'(t)| ≤ gtol·|φ'(0)|, safeguarding cubic and
   * quadratic interpolation steps ({@code dcstep}) within a bracketing interval.
   */
  static final class LineSearch {
    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;
    private final double finit;
    private final double ginit;
    private final double gtest;
    private boolean brackt;
    private int stage = 1;
    private double width;
    private double width1;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;
    private double stp;
    private boolean finished;
    // dcstep's outputs
    private double cStx;
    private double cFx;
    private double cDx;
    private double cSty;
    private double cFy;
    private double cDy;

    LineSearch(double f, double g, double stp) {
      this.finit = f;
      this.ginit = g;
      this.gtest = LS_FTOL * g;
      this.width = STEP_MAX;
      this.width1 = width / 0.5;
      this.stx = 0;
      this.fx = f;
      this.gx = g;
      this.sty = 0;
      this.fy = f;
      this.gy = g;
      this.stmin = 0;
      this.stmax = stp + XTRAPU * stp;
      this.stp = stp;
    }

    boolean finished() {
      return finished;
    }

    double step() {
      return stp;
    }

    /**
     * @param f φ at the current step
     * @param g φ' at the current step
     * @param current the current step
     * @return the next step to evaluate (or the accepted one when {@link #finished()})
     */
    double next(double f, double g, double current) {
      stp = current;
      double ftest = finit + stp * gtest;
      if (stage == 1 && f <= ftest && g >= 0) {
        stage = 2;
      }
      boolean warning = false;
      if (brackt && (stp <= stmin || stp >= stmax)) {
        warning = true; // rounding errors prevent progress
      }
      if (brackt && stmax - stmin <= LS_XTOL * stmax) {
        warning = true; // xtol test satisfied
      }
      if (stp == STEP_MAX && f <= ftest && g <= gtest) {
        warning = true;
      }
      if (stp == 0 && (f > ftest || g >= gtest)) {
        warning = true;
      }
      boolean converged = f <= ftest && Math.abs(g) <= LS_GTOL * (-ginit);
      if (converged || warning) {
        finished = true;
        // dcsrch reports a warning as a task that is neither CONV nor FG; lnsrlb then treats
        // it as a finished search ('NEW_X'), as here, unless it is an error
        return stp;
      }
      if (stage == 1 && f <= fx && f > ftest) {
        double fm = f - stp * gtest;
        double fxm = fx - stx * gtest;
        double fym = fy - sty * gtest;
        double gm = g - gtest;
        double gxm = gx - gtest;
        double gym = gy - gtest;
        stp = dcstep(stx, fxm, gxm, sty, fym, gym, stp, fm, gm, stmin, stmax);
        stx = cStx;
        sty = cSty;
        fx = cFx + stx * gtest;
        fy = cFy + sty * gtest;
        gx = cDx + gtest;
        gy = cDy + gtest;
      } else {
        stp = dcstep(stx, fx, gx, sty, fy, gy, stp, f, g, stmin, stmax);
        stx = cStx;
        fx = cFx;
        gx = cDx;
        sty = cSty;
        fy = cFy;
        gy = cDy;
      }
      if (brackt) {
        if (Math.abs(sty - stx) >= 0.66 * width1) {
          stp = stx + 0.5 * (sty - stx);
        }
        width1 = width;
        width = Math.abs(sty - stx);
      }
      if (brackt) {
        stmin = Math.min(stx, sty);
        stmax = Math.max(stx, sty);
      } else {
        stmin = stp + XTRAPL * (stp - stx);
        stmax = stp + XTRAPU * (stp - stx);
      }
      stp = Math.max(stp, 0);
      stp = Math.min(stp, STEP_MAX);
      if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= LS_XTOL * stmax) {
        stp = stx;
      }
      return stp;
    }

    /** MINPACK-2 {@code dcstep}: the safeguarded step; updates the interval in the c* fields. */
    private double dcstep(double stx, double fx, double dx, double sty, double fy, double dy,
        double stp, double fp, double dp, double stpmin, double stpmax) {
      double sgnd = dp * (dx / Math.abs(dx));
      double stpf;
      if (fp > fx) {
        double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
        double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp < stx) {
          gamma = -gamma;
        }
        double p = (gamma - dx) + theta;
        double q = ((gamma - dx) + gamma) + dp;
        double r = p / q;
        double stpc = stx + r * (stp - stx);
        double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
        if (Math.abs(stpc - stx) < Math.abs(stpq - stx)) {
          stpf = stpc;
        } else {
          stpf = stpc + (stpq - stpc) / 2;
        }
        brackt = true;
      } else if (sgnd < 0) {
        double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
        double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
        if (stp > stx) {
          gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = ((gamma - dp) + gamma) + dx;
        double r = p / q;
        double stpc = stp + r * (stx - stp);
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        if (Math.abs(stpc - stp) > Math.abs(stpq - stp)) {
          stpf = stpc;
        } else {
          stpf = stpq;
        }
        brackt = true;
      } else if (Math.abs(dp) < Math.abs(dx)) {
        double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
        double s = Math.max(Math.abs(theta), Math.max(Math.abs(dx), Math.abs(dp)));
        double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s)
            - (dx / s) * (dp / s)));
        if (stp > stx) {
          gamma = -gamma;
        }
        double p = (gamma - dp) + theta;
        double q = (gamma + (dx - dp)) + gamma;
        double r = p / q;
        double stpc;
        if (r < 0 && gamma != 0) {
          stpc = stp + r * (stx - stp);
        } else if (stp > stx) {
          stpc = stpmax;
        } else {
          stpc = stpmin;
        }
        double stpq = stp + (dp / (dp - dx)) * (stx - stp);
        if (brackt) {
          stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
          if (stp > stx) {
            stpf = Math.min(stp + 0.66 * (sty - stp), stpf);
          } else {
            stpf = Math.max(stp + 0.66 * (sty - stp), stpf);
          }
        } else {
          stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
          stpf = Math.min(stpmax, stpf);
          stpf = Math.max(stpmin, stpf);
        }
      } else {
        if (brackt) {
          double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
          double s = Math.max(Math.abs(theta), Math.max(Math.abs(dy), Math.abs(dp)));
          double gamma = s * Math.sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
          if (stp > sty) {
            gamma = -gamma;
          }
          double p = (gamma - dp) + theta;
          double q = ((gamma - dp) + gamma) + dy;
          double r = p / q;
          stpf = stp + r * (sty - stp);
        } else if (stp > stx) {
          stpf = stpmax;
        } else {
          stpf = stpmin;
        }
      }
      if (fp > fx) {
        cStx = stx;
        cFx = fx;
        cDx = dx;
        cSty = stp;
        cFy = fp;
        cDy = dp;
      } else {
        if (sgnd < 0) {
          cSty = stx;
          cFy = fx;
          cDy = dx;
        } else {
          cSty = sty;
          cFy = fy;
          cDy = dy;
        }
        cStx = stp;
        cFx = fp;
        cDx = dp;
      }
      return stpf;
    }
  }
}
