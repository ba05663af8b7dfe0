#!/usr/bin/env python3
"""Writes the synthetic zoo of the zoo-throughput figures in docs/performance.md.

Usage: make_zoo.py OUT_DIR [MODELS=50] [N=20000] [D=1024] [C=100] [SEED=0]

OUT_DIR/labels.npy holds N int64 labels, uniform over C classes; OUT_DIR/models/mNN/features.npy
holds N x D float32 features: each class has a centre drawn from N(0, s^2) per feature, each sample
is its class centre plus N(0, 1) noise, and the centre scale s grows from 0.05 to 0.5 over the
models, so that the models differ in how well they separate the classes (the best is the last).
The same arguments give the same files.
"""
import os
import sys

import numpy as np


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    models, n, d, c, seed = (int(a) for a in (argv[2:] + ["50", "20000", "1024", "100", "0"][len(argv) - 2:]))
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, c, size=n)
    os.makedirs(os.path.join(out, "models"), exist_ok=True)
    np.save(os.path.join(out, "labels.npy"), labels.astype(np.int64))
    for m in range(models):
        scale = 0.05 + 0.45 * m / max(1, models - 1)
        centres = rng.normal(0.0, scale, size=(c, d)).astype(np.float32)
        features = rng.standard_normal(size=(n, d), dtype=np.float32)
        features += centres[labels]
        name = "m%02d" % m
        os.makedirs(os.path.join(out, "models", name), exist_ok=True)
        np.save(os.path.join(out, "models", name, "features.npy"), features)


if __name__ == "__main__":
    main(sys.argv)
