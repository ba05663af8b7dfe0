#!/usr/bin/env python3
"""Computes the probe fixtures with scikit-learn (the reference the probe must reproduce).

    python3 make_fixture.py EMBEDDINGS.npy LABELS_CSV   # Debian: apt-get install python3-sklearn

Cases (each a folder with features.npy float32 [N, D], labels.npy int64 [N], folds.npy int64 [N]
and expected.json):
  blobs     120 x 6 Gaussian blobs in 3 classes (numpy seed 7), overlapping (noise 2.0)
  emoji     the first 300 rows, in a fixed shuffle (numpy seed 3), of all-minilm-l6-v2-q features
            of data/tasks/emoji-en.csv, extracted by logme; 8 classes
folds.npy is a stratified 5-fold split from sklearn's StratifiedKFold(5, shuffle=True,
random_state=0); expected.json holds cross_val_score(...).mean() with cv=PredefinedSplit(folds) of
  liblinear_c{0.1,1,10}  LogisticRegression(solver='liblinear', C=C)   (the algorithm of the probe)
  lbfgs_c1               LogisticRegression(C=1, max_iter=1000)         (scikit-learn's default)
and the per-fold liblinear accuracies.
"""
import csv
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import PredefinedSplit, StratifiedKFold, cross_val_score

HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, x, y):
    folds = np.zeros(len(y), dtype=np.int64)
    for k, (_, test) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(x, y)):
        folds[test] = k
    split = PredefinedSplit(folds)
    expected = {"sklearn": sklearn.__version__, "n": int(len(y)), "d": int(x.shape[1])}
    for c in (0.1, 1.0, 10.0):
        scores = cross_val_score(LogisticRegression(solver="liblinear", C=c), x, y, cv=split)
        key = "liblinear_c" + ("%g" % c)
        expected[key] = float(scores.mean())
        expected[key + "_folds"] = [float(s) for s in scores]
    expected["lbfgs_c1"] = float(cross_val_score(LogisticRegression(C=1.0, max_iter=1000), x, y,
                                                 cv=split).mean())
    out = os.path.join(HERE, name)
    os.makedirs(out, exist_ok=True)
    np.save(os.path.join(out, "features.npy"), x.astype(np.float32))
    np.save(os.path.join(out, "labels.npy"), y.astype(np.int64))
    np.save(os.path.join(out, "folds.npy"), folds)
    with open(os.path.join(out, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    print(name, expected)


def main():
    rng = np.random.RandomState(7)
    centres = rng.normal(0, 1.5, (3, 6))
    y = np.repeat(np.arange(3), 40)
    x = (centres[y] + rng.normal(0, 2.0, (120, 6))).astype(np.float32)
    case("blobs", x.astype(np.float64), y)

    features = np.load(sys.argv[1]).astype(np.float32)
    with open(sys.argv[2], encoding="utf-8") as f:
        labels = [row["label"] for row in csv.DictReader(f)]
    _, y = np.unique(labels, return_inverse=True)
    order = np.random.RandomState(3).permutation(len(y))[:300]
    # the float32 values are the fixture; the reference sees exactly them, widened
    case("emoji", features[order].astype(np.float64), y[order])


if __name__ == "__main__":
    main()
