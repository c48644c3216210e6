"""NumPy peer for the exhaustive transform benchmark.

The same algorithm as NetClaims' SignUnitEvaluator: the averaged-blades network (Theorem 4: three units per direction
v of {+-1}^d, outputs chi(v)*Q/(2^d)*(1,-2,1), biases 1-s, -s, -1-s) evaluated on every vertex by one Walsh-Hadamard
transform per bias class plus one, in int64 (NumPy wraps mod 2^64 like the C# code; the result is exact while
2^d*sum|N|*max t < 2^63, which holds for d <= 26). Prints one line: d, seconds, mismatches.

Usage: python3 exhaustive_numpy.py D   (needs python3-numpy: apt-get install python3-numpy)
"""
import sys
import time
from math import comb

import numpy as np


def fwht(x):
    n = x.shape[0]
    h = 1
    while h < n:
        y = x.reshape(-1, 2, h)
        a = y[:, 0, :].copy()
        y[:, 0, :] += y[:, 1, :]
        y[:, 1, :] = a - y[:, 1, :]
        h *= 2
    return x


def popcount(v):
    c = np.zeros_like(v)
    w = v.copy()
    while np.any(w):
        c += w & 1
        w >>= 1
    return c


def main():
    d = int(sys.argv[1])
    t0 = time.perf_counter()
    n = 1 << d
    v = np.arange(n, dtype=np.int64)
    weight = popcount(v)
    chi = np.where(weight % 2 == 0, 1, -1).astype(np.int64)
    shift = d % 2
    biases = [1 - shift, -shift, -1 - shift]
    numerators = [chi, -2 * chi, chi]
    kraw = np.array([[sum((-1) ** i * comb(j, i) * comb(d - j, r - i) for i in range(min(j, r) + 1)) for j in range(d + 1)]
                     for r in range(d + 1)], dtype=np.int64)
    acc = np.zeros(n, dtype=np.int64)
    for b, num in zip(biases, numerators):
        t = np.array([max(0, d - 2 * k + b) for k in range(d + 1)], dtype=np.int64)
        hat = t @ kraw  # hat[w] = sum_k t[k] K_k(w)
        acc += fwht(num.copy()) * hat[weight]
    fwht(acc)
    values = acc >> d
    # g = Q/(2^d) * V with Q = (-1)^m 2^d / C(d, m): g(x) = chi(x)  <=>  (-1)^m V(x) = C(d, m) chi(x).
    m = d // 2
    sign = 1 if m % 2 == 0 else -1
    mismatches = int(np.count_nonzero(sign * values != comb(d, m) * chi))
    print(f"d={d} seconds={time.perf_counter() - t0:.3f} mismatches={mismatches}")


if __name__ == "__main__":
    main()
