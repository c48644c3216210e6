#!/usr/bin/env python3
"""Peer for the whole-cube VP benchmark: the minimum-R-norm interpolation LP of parity on all 2^d vertices over the full
sign dictionary (every w in {+-1}^d, every lattice bias b in {-d+2, ..., d-2}; columns p - q at cost sqrt(d); free affine
part), solved by HiGHS through scipy.optimize.linprog. Prints one JSON line: d, value, seconds (LP build excluded), status.
Needs python3 with NumPy and SciPy (Debian: apt-get install python3-numpy python3-scipy)."""
import json
import sys
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix, hstack


def main(d):
    n = 1 << d
    x = np.arange(n, dtype=np.int64)
    pop = np.array([bin(v).count("1") for v in range(n)], dtype=np.int64)
    chi = np.where(pop % 2 == 0, 1.0, -1.0)
    # S[x, w] = <w, x> = d - 2 popcount(w xor x)
    s = d - 2 * pop[np.bitwise_xor.outer(x, x)]
    blocks = []
    for b in range(-d + 2, d - 1, 2):
        a = csc_matrix(np.maximum(0, s - b).astype(np.float64))
        blocks += [a, -a]
    coords = 1.0 - 2.0 * ((x[:, None] >> np.arange(d)[None, :]) & 1)
    affine = csc_matrix(np.hstack([np.ones((n, 1)), coords]))
    a_eq = hstack(blocks + [affine]).tocsc()
    neurons = a_eq.shape[1] - (d + 1)
    cost = np.concatenate([np.full(neurons, np.sqrt(d)), np.zeros(d + 1)])
    bounds = [(0, None)] * neurons + [(None, None)] * (d + 1)
    start = time.perf_counter()
    res = linprog(cost, A_eq=a_eq, b_eq=chi, bounds=bounds, method="highs")
    seconds = time.perf_counter() - start
    print(json.dumps({"d": d, "value": float(res.fun) if res.status == 0 else None, "seconds": seconds, "status": int(res.status)}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
