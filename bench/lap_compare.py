#!/usr/bin/python3
"""Compare planning/assign.Solve with SciPy's linear_sum_assignment.

Run from anywhere (it finds the bench module beside it):

    /usr/bin/python3 bench/lap_compare.py [--sizes 100,500,1000,2000] [--repeat 3]

Needs Debian's python3-scipy (apt-get install -y python3-scipy); the
machine's default python3 may be a pyenv one without it, hence /usr/bin.

For every size n and every kind of matrix the script writes one n×n cost
matrix to a temporary directory, times SciPy on it (fastest of --repeat
runs, matrix already in memory), times the Go solver on the same file with
lapbench (bench/cmd/lapbench, built from the bench module; likewise),
checks that both reach the same optimum (total cost equal within 1e-9
relative, same number of pairs) and prints the time ratio Go/SciPy. It
exits 1 if an optimum differs.

Kinds of matrix:
  uniform  costs uniform in [0, 1)
  scores   minus a sum of small integer scores plus tiny noise, the shape of
           the matcher's matrices (-score for every allowed pair)
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def uniform(rng, n):
    return rng.random((n, n))


def scores(rng, n):
    parts = rng.integers(0, 4, size=(4, n, n)).astype(np.float64)
    weights = np.array([3.0, 2.0, 1.0, 0.5]).reshape(4, 1, 1)
    return -(parts * weights).sum(axis=0) - rng.random((n, n)) * 1e-3


KINDS = {"uniform": uniform, "scores": scores}


def write(path, m):
    with open(path, "wb") as f:
        f.write(np.array(m.shape, dtype="<i8").tobytes())
        f.write(np.ascontiguousarray(m, dtype="<f8").tobytes())


def scipy_time(m, repeat):
    best, cost = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        rows, cols = linear_sum_assignment(m)
        best = min(best, time.perf_counter() - start)
        cost = float(m[rows, cols].sum())
        pairs = len(rows)
    return best, cost, pairs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,500,1000,2000")
    ap.add_argument("--kinds", default="uniform,scores")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20261124)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory(prefix="lapbench-") as tmp:
        exe = os.path.join(tmp, "lapbench")
        # bench/ is its own Go module: build from inside it.
        subprocess.run(["go", "build", "-o", exe, "./cmd/lapbench"], cwd=os.path.join(root, "bench"), check=True)
        rng = np.random.default_rng(args.seed)
        ok = True
        print(f"{'kind':8} {'n':>5} {'scipy s':>10} {'go s':>10} {'go/scipy':>9}  optimum")
        for kind in kinds:
            for n in sizes:
                m = KINDS[kind](rng, n)
                path = os.path.join(tmp, f"{kind}-{n}.f64")
                write(path, m)
                st, scost, spairs = scipy_time(m, args.repeat)
                out = subprocess.run([exe, "-repeat", str(args.repeat), path],
                                     check=True, capture_output=True, text=True).stdout
                g = json.loads(out)
                same = g["pairs"] == spairs and abs(g["cost"] - scost) <= 1e-9 * max(1.0, abs(scost))
                ok &= same
                verdict = "same" if same else f"DIFFERENT (go {g['cost']!r}, scipy {scost!r})"
                print(f"{kind:8} {n:5d} {st:10.4f} {g['seconds']:10.4f} {g['seconds'] / st:9.2f}  {verdict}",
                      flush=True)
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
