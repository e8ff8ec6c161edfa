"""Reference priorities for random reciprocal matrices of sizes 2..10, from numpy's general
eigen-decomposition (LAPACK geev), an implementation independent of Yeta's power iteration.
The Rust test crates/yeta-core/tests/ahp.rs pastes this output; rerun to check it:

    python3 tests/reference/ahp_numpy.py
"""
import numpy as np

RI = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9, 2, 1 / 2, 4, 1 / 4]
rng = np.random.default_rng(20261124)
for n in range(2, 11):
    upper = [SCALE[rng.integers(len(SCALE))] for _ in range(n * (n - 1) // 2)]
    a = np.ones((n, n))
    k = 0
    cells = []
    for i in range(n):
        for j in range(i + 1, n):
            a[i, j] = upper[k]
            a[j, i] = 1 / upper[k]
            cells.append(upper[k])
            k += 1
    vals, vecs = np.linalg.eig(a)
    i = int(np.argmax(vals.real))
    w = np.abs(vecs[:, i].real)
    w /= w.sum()
    lam = vals[i].real
    cr = 0.0 if n <= 2 else (lam - n) / (n - 1) / RI[n - 1]
    print(f"    ({n}, &[{', '.join(repr(float(c)) for c in cells)}], &[{', '.join(f'{x:.12f}' for x in w)}], {lam:.12f}, {cr:.12f}),")
