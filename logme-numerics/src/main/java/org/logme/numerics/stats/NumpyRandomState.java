package org.logme.numerics.stats;

/**
 * The Mersenne Twister MT19937 (Matsumoto &amp; Nishimura, ACM TOMACS 8(1), 1998) seeded and read
 * exactly as {@code numpy.random.RandomState(seed)} does, so that seeded draws match numpy's
 * legacy generator bit for bit:
 * <ul>
 *   <li>seeding with an integer is {@code init_genrand(seed)};</li>
 *   <li>{@link #randomSample()} is {@code (a>>5 · 2²⁶ + b>>6) / 2⁵³} from two 32-bit outputs;</li>
 *   <li>{@link #standardNormal()} is numpy's legacy polar (Marsaglia) method: draw
 *       x₁, x₂ = 2u − 1 until 0 &lt; r² = x₁² + x₂² &lt; 1, let f = √(−2 ln r² / r²), return f·x₂
 *       and keep f·x₁ for the next call.</li>
 * </ul>
 * Not thread-safe: give each computation its own instance.
 *
 * @since 0.1
 */
public final class NumpyRandomState {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti;
  private boolean hasGauss;
  private double gauss;

  /**
   * @param seed a seed in 0..2³²−1, as numpy accepts it
   * @throws IllegalArgumentException if the seed is outside that range
   */
  public NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException("seed must be between 0 and 2^32-1, not " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    mti = N;
  }

  /** @return the next raw 32-bit output, as an unsigned value in 0..2³²−1 */
  public long nextUnsignedInt() {
    return nextInt() & 0xffffffffL;
  }

  private int nextInt() {
    if (mti >= N) {
      twist();
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void twist() {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    }
    int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
    mti = 0;
  }

  /** @return a uniform double in [0, 1) with 53 random bits ({@code random_sample()}) */
  public double randomSample() {
    long a = nextUnsignedInt() >>> 5;
    long b = nextUnsignedInt() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** @return a standard normal draw by numpy's legacy polar method ({@code normal()}) */
  public double standardNormal() {
    if (hasGauss) {
      hasGauss = false;
      return gauss;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * randomSample() - 1.0;
      x2 = 2.0 * randomSample() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /**
   * A uniform index, {@code floor(randomSample() · n)} (not numpy's {@code randint}, which
   * draws differently).
   *
   * @param n the number of choices, ≥ 1
   * @return an index in 0..n−1
   */
  public int nextIndex(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one choice, got " + n);
    }
    return Math.min(n - 1, (int) (randomSample() * n));
  }
}
