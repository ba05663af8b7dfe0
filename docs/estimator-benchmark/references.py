#!/usr/bin/env python3
"""Time one estimator's Python reference on one task, as `logme bench estimators` compares it.

    references.py --mirrors DIR --features F.npy --labels y.npy --estimator NAME
                  [--label-embeddings E.npy] [--param KEY=VALUE ...]

prints one JSON object: {"estimator", "seconds", "score", "peak_rss_mb", "reference", ...}.

`seconds` is the reference function's compute time alone (time.perf_counter around the call):
the features are read and widened to float64 before the clock starts, as logme's in-process
figure starts from features already in memory. `peak_rss_mb` is the peak resident memory of this
process (getrusage), reading and the interpreter included. One estimator per process, so the
memory figure is that estimator's.

The reference functions are executed unchanged from the repositories' own files at the pinned
commits below (the named top-level definitions only, read with `git show COMMIT:PATH` from
DIR/OWNER+NAME/repo, the layout of logme's fetched mirrors), so module-level imports of torch,
tensorflow or numba never run. Three references cannot run without a framework that is not
installed here; their few framework calls are ported to numpy one for one (see `gbc`, `etran`
and `knn-transformer-ranker` below), which this script says in its output ("ported": true).
TMI has no runnable reference (its code is licensed for non-commercial use only and was never
read); LEEP and NCE need a source model's probabilities, which the synthetic tasks lack.

Runtime used for the figures in docs/performance.md: Debian's /usr/bin/python3 3.11 with numpy
1.24.2 (OpenBLAS), scipy 1.10.1, scikit-learn 1.2.1.
"""
import argparse
import ast
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import time
import types
import warnings

import numpy as np

# repository -> commit (the commits of the fixtures in ../../shared/fixtures and
# logme-baselines/src/test/resources/fixtures)
COMMITS = {
    "thuml/LogME": "56551ca94a3295bcc37e6a01b1291911af985f07",
    "thuml/Transfer-Learning-Library": "c4aa59eb565650a552b809411601d0589efbbfe4",
    "TencentARC/SFDA": "3b7edf76bd682acb1eba4f4c5eb7ea7f3f7f6c59",
    "dbolya/parc": "ddfca43a84d35328897d107d6f86e860b11801ce",
    "google-research/pactran_metrics": "a5e49972ed0856bc79f74c5c198d1c25b6fb9025",
    "BUserName/NCTI": "b18d39514a3f2a7a949500b467a38b93de1428e4",
    "mgholamikn/ETran": "d4551ed8f41f4ed6eba08b9cc1a78bae178acd19",
    "lixiaotong97/PED": "e5af6e79779cbbf16c3c1b4e1961fa74c9a282d2",
    "OpenGVLab/Multitask-Model-Selector": "24d100817c02eab33f6f992f291667533a921384",
    "flairNLP/transformer-ranker": "43b42c1ba6927f3ae559e379c5a2084cc4d1415f",
}


class Mirrors:
    def __init__(self, root):
        self.root = root

    def source(self, repo, path):
        base = os.path.join(self.root, repo.replace("/", "+"), "repo")
        git_dir = os.path.join(base, ".git") if os.path.isdir(os.path.join(base, ".git")) else base
        return subprocess.run(["git", "--git-dir", git_dir, "show", f"{COMMITS[repo]}:{path}"],
                              check=True, capture_output=True).stdout.decode()

    def load(self, repo, path, names, namespace):
        """exec the named top-level definitions of repo:path, unchanged, into namespace."""
        src = self.source(repo, path)
        found = []
        for node in ast.parse(src).body:
            if getattr(node, "name", None) in names:
                segment = ast.get_source_segment(src, node)
                if getattr(node, "decorator_list", None):  # numba's @njit: dropped, not run
                    node.decorator_list = []
                    segment = ast.unparse(node)
                exec(compile(segment, f"{repo}:{path}:{node.name}", "exec"), namespace)
                found.append(node.name)
        missing = set(names) - set(found)
        if missing:
            raise SystemExit(f"not found in {repo}:{path}: {sorted(missing)}")
        return {"repository": repo, "path": path, "commit": COMMITS[repo], "definitions": found}


def quiet(fn):
    """run fn with the references' prints and warnings swallowed"""
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


# --------------------------------------------------------------------------- the references
# Each returns (provenance, prepare) where prepare(F, y, extra) returns a zero-argument function
# that computes the score; only that call is timed. Copies the reference would overwrite are
# made in prepare, outside the clock.

def ref_logme(m, p):
    ns = {"np": np, "warnings": warnings}
    prov = m.load("thuml/LogME", "LogME.py", ["each_evidence", "truncated_svd", "LogME"], ns)
    return prov, lambda F, y, e: (lambda: ns["LogME"](regression=False).fit(F, y))


def ref_hscore(m, p):
    ns = {"np": np}
    prov = m.load("thuml/Transfer-Learning-Library", "tllib/ranking/hscore.py", ["h_score"], ns)
    return prov, lambda F, y, e: (lambda: ns["h_score"](F, y))


def ref_hscore_shrinkage(m, p):
    from sklearn.covariance import LedoitWolf
    ns = {"np": np, "LedoitWolf": LedoitWolf}
    prov = m.load("thuml/Transfer-Learning-Library", "tllib/ranking/hscore.py",
                  ["regularized_h_score"], ns)
    return prov, lambda F, y, e: (lambda: ns["regularized_h_score"](F, y))


def ref_transrate(m, p):
    ns = {"np": np}
    prov = m.load("thuml/Transfer-Learning-Library", "tllib/ranking/transrate.py",
                  ["coding_rate", "transrate"], ns)
    return prov, lambda F, y, e: (lambda: ns["transrate"](F, y, eps=float(p.get("eps", 1e-4))))


def _sfda_namespace(m, repo):
    from scipy import linalg
    from sklearn.decomposition import PCA
    from sklearn.mixture import GaussianMixture
    ns = {"np": np, "linalg": linalg, "PCA": PCA, "GaussianMixture": GaussianMixture}
    prov = m.load(repo, "metrics.py", ["_cov", "softmax", "_class_means", "SFDA", "SFDA_Score",
                                       "NLEEP"], ns)
    m.load(repo, "utils.py", ["iterative_A"], ns)
    return ns, prov


def ref_sfda(m, p):
    ns, prov = _sfda_namespace(m, "TencentARC/SFDA")

    def prepare(F, y, e):
        X = F.copy()  # SFDA_Score overwrites its argument
        return lambda: ns["SFDA_Score"](X, y)
    return prov, prepare


def ref_nleep(m, p):
    ns, prov = _sfda_namespace(m, "TencentARC/SFDA")
    seed = int(p.get("seed", 0))

    def prepare(F, y, e):
        def run():
            np.random.seed(seed)  # the reference draws from numpy's global generator
            return ns["NLEEP"](F, y, component_ratio=int(p.get("component_ratio", 5)))
        return run
    return prov, prepare


def _parc_namespace(m):
    import scipy.stats
    import sklearn.decomposition
    import sklearn.metrics
    import sklearn.preprocessing
    constants = types.SimpleNamespace(num_classes={})
    ns = {"np": np, "scipy": scipy, "sklearn": sklearn, "constants": constants}
    prov = m.load("dbolya/parc", "methods.py",
                  ["TransferabilityMethod", "feature_reduce", "PARC", "kNN"], ns)
    return ns, constants, prov


def ref_parc(m, p):
    ns, constants, prov = _parc_namespace(m)
    n_dims = p.get("n_dims", "32")

    def prepare(F, y, e):
        constants.num_classes["target"] = int(y.max()) + 1
        method = ns["PARC"](n_dims=None if n_dims == "none" else int(n_dims))
        return lambda: method(F, None, y, "source", "target", "architecture", None)
    return prov, prepare


def ref_knn(m, p):
    ns, constants, prov = _parc_namespace(m)

    def prepare(F, y, e):
        method = ns["kNN"](k=int(p.get("k", 1)))
        return lambda: method(F, None, y, "source", "target", "architecture", None)
    return prov, prepare


def ref_knn_transformer_ranker(m, p):
    """flairNLP/transformer-ranker NearestNeighbors.fit (k = 3, euclidean), its torch calls
    ported to numpy one for one: torch.cdist (the matrix-product form it uses for more than 25
    rows: sqrt(clamp(|x|^2 - 2 x.y + |y|^2, 0))), the diagonal set to inf, topk(k, largest=False)
    (here a stable argsort), torch.mode (the smallest of the most frequent labels, as on CPU)
    and torchmetrics' f1_score (micro F1 = accuracy for more than two classes; the F1 of class 1
    for two). Batches of 1024 rows as in the reference."""
    src = m.source("flairNLP/transformer-ranker", "transformer_ranker/estimators/nearestneighbors.py")
    prov = {"repository": "flairNLP/transformer-ranker",
            "path": "transformer_ranker/estimators/nearestneighbors.py",
            "commit": COMMITS["flairNLP/transformer-ranker"], "definitions": ["NearestNeighbors"],
            "ported": True, "source_bytes": len(src)}
    k = int(p.get("k", 3))

    def fit(embeddings, labels, batch_size=1024):
        n = embeddings.shape[0]
        num_classes = len(np.unique(labels))
        knn = np.zeros((n, k), dtype=np.int64)
        sq = (embeddings * embeddings).sum(axis=1)
        for start in range(0, n, batch_size):
            end = min(start + batch_size, n)
            batch = embeddings[start:end]
            d = np.sqrt(np.maximum(sq[start:end, None] - 2 * batch @ embeddings.T + sq[None, :], 0))
            d[np.arange(end - start), np.arange(start, end)] = np.inf
            knn[start:end] = np.argsort(d, axis=1, kind="stable")[:, :k]
        votes = labels[knn]
        counts = np.zeros((n, int(labels.max()) + 1), dtype=np.int64)
        np.add.at(counts, (np.repeat(np.arange(n), k), votes.ravel()), 1)
        pred = counts.argmax(axis=1)  # first maximum = smallest label among the modes
        if num_classes > 2:
            return float((pred == labels).mean())
        tp = int(((pred == 1) & (labels == 1)).sum())
        fp = int(((pred == 1) & (labels == 0)).sum())
        fn = int(((pred == 0) & (labels == 1)).sum())
        return 0.0 if 2 * tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)

    return prov, lambda F, y, e: (lambda: fit(F, y))


def ref_gbc(m, p):
    """google-research stable_transfer/transferability/gbc.py get_gbc_score(features, labels,
    'spherical') after features_targets_utils.pca_reduction(features, 64) (the experiment
    config's pca_reduction = 64, exact SVD, float32 output), its TensorFlow calls ported to
    numpy one for one in float32 (tf.reduce_mean, tf.math.reduce_variance, tf.maximum(., 1e-4),
    tf.exp, tf.reduce_sum); the repository is not fetched here (TensorFlow is not installed)."""
    from sklearn.decomposition import PCA
    prov = {"repository": "google-research/google-research",
            "path": "stable_transfer/transferability/gbc.py",
            "commit": "4c4299485319ed72ef782020c81784be5468924e",
            "definitions": ["get_gbc_score", "compute_bhattacharyya_distance"], "ported": True}
    n_dims = int(p.get("n_dims", 64))

    def gbc(features, labels):
        reduced = PCA(n_components=n_dims, svd_solver="full").fit_transform(features)
        reduced = reduced.astype(np.float32)
        stats = {}
        for c in np.unique(labels):
            rows = reduced[labels == c]
            stats[c] = (rows.mean(axis=0), np.maximum(rows.var(axis=0), np.float32(1e-4)))
        total = 0.0
        for c1 in stats:
            per = []
            for c2 in stats:
                if c1 != c2:
                    mu1, v1 = stats[c1]
                    mu2, v2 = stats[c2]
                    s1, s2 = v1.mean(), v2.mean()
                    avg = (s1 + s2) / 2
                    first = np.sum((mu1 - mu2) ** 2 / avg) / 8
                    second = np.sum(np.log(avg)) - 0.5 * np.sum(np.log(s1)) - 0.5 * np.sum(np.log(s2))
                    per.append(np.exp(-(first + 0.5 * second)))
            total += np.sum(per)
        return -total

    return prov, lambda F, y, e: (lambda: gbc(F, y))


def ref_pactran(m, p):
    import scipy.optimize
    import scipy.special
    import sklearn.decomposition
    import sklearn.mixture
    ns = {"np": np, "scipy": scipy, "sklearn": sklearn, "time": time}
    prov = m.load("google-research/pactran_metrics", "compute_metrics.py",
                  ["one_hot", "calculate_pac_gauss"], ns)
    lda = float(p.get("lda_factor", 1.0))

    def prepare(F, y, e):
        X = F.copy()  # centred in place by the reference

        def run():
            np.random.seed(int(p.get("seed", 0)))
            result, _ = ns["calculate_pac_gauss"](X, y, lda_factor=lda)
            return result[0][1]  # s2 factor 100 for lambda = 1
        return run
    return prov, prepare


def ref_ncti(m, p):
    from sklearn.decomposition import PCA
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    ns = {"np": np, "PCA": PCA, "LinearDiscriminantAnalysis": LinearDiscriminantAnalysis}
    prov = m.load("BUserName/NCTI", "metrics.py", ["NCTI_Score"], ns)
    prov["note"] = "one model's components (seli, ncc, vc); the set normalisation is negligible"

    def prepare(F, y, e):
        X = F.copy()
        return lambda: ns["NCTI_Score"](X, y)[1]
    return prov, prepare


class _Tensor:
    def __init__(self, a):
        self.a = a

    def numpy(self):
        return self.a


def _etran_namespace(m):
    import scipy.special
    torch = types.SimpleNamespace(
        from_numpy=lambda a: _Tensor(a), is_tensor=lambda t: isinstance(t, _Tensor),
        logsumexp=lambda t, dim: _Tensor(scipy.special.logsumexp(t.a, axis=dim)))
    ns = {"np": np, "torch": torch}
    prov = m.load("mgholamikn/ETran", "metrics.py",
                  ["to_torch", "LDA", "LDA_Score", "Energy_Score"], ns)
    m.load("mgholamikn/ETran", "utils.py", ["iterative_A"], ns)
    prov["ported"] = True
    prov["note"] = ("torch.from_numpy and torch.logsumexp replaced by numpy and"
                    " scipy.special.logsumexp in float64")
    return ns, prov


def ref_etran(m, p):
    ns, prov = _etran_namespace(m)
    prov["note"] += "; one model's two terms (the set normalisation is negligible)"

    def prepare(F, y, e):
        X = F.copy()
        return lambda: (ns["LDA_Score"](X, y), ns["Energy_Score"](F, 0.5, "bot"))[0]
    return prov, prepare


def ref_etran_lda(m, p):
    ns, prov = _etran_namespace(m)

    def prepare(F, y, e):
        X = F.copy()
        return lambda: ns["LDA_Score"](X, y)
    return prov, prepare


def ref_etran_energy(m, p):
    ns, prov = _etran_namespace(m)
    percent = float(p.get("energy_percent", 0.5))
    return prov, lambda F, y, e: (lambda: ns["Energy_Score"](F, percent, "bot"))


def _ped(m, p, kind):
    import random
    from scipy import linalg
    from sklearn.decomposition import PCA
    from sklearn.mixture import GaussianMixture
    ns = {"np": np, "linalg": linalg, "time": time, "warnings": warnings, "random": random,
          "tqdm": lambda x: x, "PCA": PCA, "GaussianMixture": GaussianMixture}
    prov = m.load("lixiaotong97/PED", "metrics.py",
                  ["_cov", "softmax", "_class_means", "SFDA", "each_evidence", "truncated_svd",
                   "LogME", "NLEEP", "LogME_Score", "SFDA_Score",
                   "compute_per_class_mean_variance_num", "One_Step_PED", "PED_Score"], ns)
    m.load("lixiaotong97/PED", "utils.py", ["iterative_A"], ns)
    prov["note"] = "general_X = the task's own features (no ImageNet-val features exist here)"

    def prepare(F, y, e):
        X = F.copy()
        G = F.copy()
        return lambda: ns["PED_Score"](X, y, general_X=G, exit_ratio=0.5, time_step=0.1,
                                       type=kind, nsigma=float(p.get("ped.n_sigma", 0.6)),
                                       constant=1.0)
    return prov, prepare


def ref_ped_sfda(m, p):
    return _ped(m, p, "SFDA")


def ref_ped_logme(m, p):
    return _ped(m, p, "LOGME")


def ref_emms(m, p):
    from numpy.linalg import lstsq
    ns = {"np": np, "lstsq": lstsq}
    prov = m.load("OpenGVLab/Multitask-Model-Selector", "metrics.py", ["sparsemax", "EMMS"], ns)
    prov["note"] = ("label tensor built as evaluate_metric_cls_cpu_CNN.py builds it, from the"
                    " task's label embeddings [C, E] (one encoder): Y[i, :, 0] = E[y_i]")

    def prepare(F, y, e):
        Y = e[y][:, :, None].astype(np.float64).copy()
        X = F.copy()
        return lambda: ns["EMMS"](X, Y)
    return prov, prepare


def ref_probe(m, p):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    prov = {"repository": "scikit-learn/scikit-learn", "path": "LogisticRegression(solver='liblinear')",
            "commit": "1.2.1", "definitions": ["cross_val_score"]}
    folds = int(p.get("folds", 5))
    c = float(p.get("c", 1.0))
    return prov, lambda F, y, e: (lambda: cross_val_score(
        LogisticRegression(solver="liblinear", C=c), F, y,
        cv=StratifiedKFold(folds, shuffle=True, random_state=0)).mean())


REFERENCES = {
    "logme": ref_logme, "hscore": ref_hscore, "hscore-shrinkage": ref_hscore_shrinkage,
    "transrate": ref_transrate, "sfda": ref_sfda, "nleep": ref_nleep, "parc": ref_parc,
    "knn": ref_knn, "knn-transformer-ranker": ref_knn_transformer_ranker, "gbc": ref_gbc,
    "pactran": ref_pactran, "ncti": ref_ncti, "etran": ref_etran, "etran-lda": ref_etran_lda,
    "etran-energy": ref_etran_energy, "ped+sfda": ref_ped_sfda, "ped+logme": ref_ped_logme,
    "emms": ref_emms, "probe": ref_probe,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", required=True,
                        help="directory of OWNER+NAME/repo git directories (logme's fetch layout)")
    parser.add_argument("--features", required=True)
    parser.add_argument("--labels", required=True)
    parser.add_argument("--label-embeddings")
    parser.add_argument("--estimator", required=True, help=", ".join(REFERENCES))
    parser.add_argument("--param", action="append", default=[], help="KEY=VALUE")
    parser.add_argument("--list", action="store_true", help="print the estimators and exit")
    args = parser.parse_args()
    if args.estimator not in REFERENCES:
        print(json.dumps({"estimator": args.estimator, "skipped": "no Python reference"}))
        return
    params = dict(kv.split("=", 1) for kv in args.param)
    provenance, prepare = REFERENCES[args.estimator](Mirrors(args.mirrors), params)
    F = np.load(args.features).astype(np.float64)
    y = np.load(args.labels).astype(np.int64).ravel()
    e = np.load(args.label_embeddings) if args.label_embeddings else None
    call = prepare(F, y, e)
    start = time.perf_counter()
    score = quiet(call)
    seconds = time.perf_counter() - start
    import scipy
    import sklearn
    print(json.dumps({
        "estimator": args.estimator, "seconds": seconds, "score": float(score),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "n": int(F.shape[0]), "d": int(F.shape[1]), "reference": provenance,
        "runtime": {"python": sys.version.split()[0], "numpy": np.__version__,
                    "scipy": scipy.__version__, "sklearn": sklearn.__version__}}))


if __name__ == "__main__":
    main()
