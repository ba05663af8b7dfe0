"""The figure quoted in the README: numpy's two-pass scatter on ill-conditioned data (a large common
offset, exactly representable values, exact scatter from integer arithmetic), beside raw sums;
logme's merged statistics on the same construction are checked by FeatureStatisticsMergeTest."""
import numpy as np
from fractions import Fraction
rng = np.random.RandomState(11)
n, d = 5000, 4
k = rng.randint(-1000, 1001, size=(n, d)).astype(np.int64)
k[:, 1] += k[:, 0] // 2
h = 2.0 ** -20
x = 2.0 ** 26 * (1 + np.arange(d)) + k * h
# exact scatter from the integers
s = k.T.astype(object) @ k.astype(object)
tot = k.sum(0).astype(object)
exact = np.array([[float(Fraction(int(s[a, b])) - Fraction(int(tot[a]) * int(tot[b]), n)) * h * h
                   for b in range(d)] for a in range(d)])
scale = np.sqrt(np.outer(np.diag(exact), np.diag(exact)))
c = x - x.mean(0)
two = c.T @ c
raw = x.T @ x - np.outer(x.sum(0), x.sum(0)) / n
print("numpy two-pass max rel error %.2e" % np.max(np.abs(two - exact) / scale))
print("raw sums max rel error %.2e" % np.max(np.abs(raw - exact) / scale))
