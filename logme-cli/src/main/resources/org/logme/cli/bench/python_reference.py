"""Times the Python reference of LogME for `logme bench --reference LogME.py`.

Usage: python3 python_reference.py LOGME_PY FEATURES.npy LABELS.npy

Loads thuml/LogME's LogME.py (https://github.com/thuml/LogME, MIT licence) from the path given,
reads the features and labels with numpy and scores them with LogME().fit(f, y), as that
repository's README does. When numba is not installed, its @njit decorator is replaced by the
identity, so the same functions run as plain numpy (which is then noted in the output).
Prints one JSON object: the score, the time of fit() alone, whether numba was used and the
process's peak resident memory (ru_maxrss, kB on Linux).
"""
import importlib.util
import json
import resource
import sys
import time
import types


def main():
    logme_py, features, labels = sys.argv[1:4]
    try:
        import numba  # noqa: F401
        numba_used = True
    except ImportError:
        stub = types.ModuleType("numba")

        def njit(*args, **kwargs):
            if len(args) == 1 and callable(args[0]) and not kwargs:
                return args[0]
            return lambda function: function

        stub.njit = njit
        sys.modules["numba"] = stub
        numba_used = False
    import numpy as np

    spec = importlib.util.spec_from_file_location("reference_logme", logme_py)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    f = np.load(features)
    y = np.load(labels).astype(np.int64)
    start = time.perf_counter()
    score = module.LogME(regression=False).fit(f, y)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"score": float(score), "fit_seconds": seconds, "numba": numba_used,
                      "peak_rss_kb": peak}))


if __name__ == "__main__":
    main()
