"""Python baselines doing the same work the way an analyst would, on the same inputs as
`yeta bench`:

- appraise the largest fixture (rail): expand the flows, PV of costs and benefits with
  numpy-financial's npv (the stepped schedule as year-by-year factors), NPV, B/C, IRR with
  npf.irr, and the 11 sensitivity cases;
- Monte Carlo: 100,000 draws on the synthetic 50-year, 30-line study, vectorised numpy
  (triangular and PERT multipliers on precomputed line PVs);
- AHP: the 15x15 matrix of `yeta bench` with ahpy (principal eigenvector and CR).

Prints median seconds per task as JSON.
"""
import json
import os
import sys
import time

import numpy as np
import numpy_financial as npf

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "tests", "reference"))
from check_fixtures import expand, factors, schedule  # noqa: E402


def median_time(reps, f):
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return sorted(ts)[len(ts) // 2]


def appraise(study):
    p = study["parameters"]
    first, last, base = p["first_year"], p["last_year"], p["base_year"]
    c = np.array([float(sum(x)) for x in zip(*[expand(l, first, last) for l in study["costs"]])])
    b = np.array([float(sum(x)) for x in zip(*[expand(l, first, last) for l in study["benefits"]])])
    _, steps = schedule(study)
    df = np.array(factors(base, steps, first, last))
    out = {}
    for name, cf, bf, shift in [("base", 1, 1, 0)] + [(f"c{k}", 1 + k / 100, 1, 0) for k in (10, 20, -10, -20)] + \
            [(f"b{k}", 1, 1 + k / 100, 0) for k in (10, 20, -10, -20)] + [("r+", 1, 1, 0.01), ("r-", 1, 1, -0.01)]:
        if shift:
            d = np.array(factors(base, [(y, r + shift) for y, r in steps], first, last))
        else:
            d = df
        pvc, pvb = float(cf * c @ d), float(bf * b @ d)
        irr = npf.irr(bf * b - cf * c)
        out[name] = (pvb - pvc, pvb / pvc, irr)
    return out


def monte_carlo(study, draws=100_000, seed=1):
    p = study["parameters"]
    first, last, base = p["first_year"], p["last_year"], p["base_year"]
    r = float(schedule(study)[1][0][1])
    rng = np.random.default_rng(seed)
    npv = np.zeros(draws)
    pvb = np.zeros(draws)
    pvc = np.zeros(draws)
    for sign, lines in ((-1, study["costs"]), (1, study["benefits"])):
        for l in lines:
            flows = [0.0] * (first - base) + [float(x) for x in expand(l, first, last)]
            pv = npf.npv(r, flows)
            u = l["uncertainty"]
            a, m, bb = float(u["min"]), float(u["mode"]), float(u["max"])
            if u["dist"] == "triangular":
                mult = rng.triangular(a, m, bb, draws)
            else:
                al = 1 + 4 * (m - a) / (bb - a)
                be = 1 + 4 * (bb - m) / (bb - a)
                mult = a + (bb - a) * rng.beta(al, be, draws)
            if sign > 0:
                pvb += mult * pv
            else:
                pvc += mult * pv
    npv = pvb - pvc
    bc = pvb / pvc
    return np.percentile(npv, [10, 50, 90]), np.percentile(bc, 50), float((bc >= 1).mean())


def ahp15():
    import ahpy
    scale = [1 / 9, 1 / 5, 1 / 3, 1, 2, 3, 5, 7, 9]
    n = 15
    names = [f"c{i:02d}" for i in range(n)]
    comps = {}
    k = 0
    for i in range(n):
        for j in range(i + 1, n):
            comps[(names[i], names[j])] = scale[(i * 7 + j * 3 + k) % len(scale)]
            k += 1
    def run():
        c = ahpy.Compare("bench", comps, precision=10, random_index="saaty")
        return c.target_weights, c.consistency_ratio
    return run


def main():
    rail = json.load(open(os.path.join(ROOT, "fixtures", "rail-wide-area.yeta.json")))
    syn = json.load(open(os.path.join(ROOT, "fixtures", "bench", "synthetic-50y-30lines.yeta.json")))
    res = {
        "appraise_rail_s": median_time(31, lambda: appraise(rail)),
        "monte_carlo_100k_s": median_time(5, lambda: monte_carlo(syn)),
    }
    try:
        run = ahp15()
        res["ahp_15_s"] = median_time(21, run)
        res["ahp_15_weights"] = run()[0]
    except ImportError:
        res["ahp_15_s"] = None
        res["ahp_note"] = "ahpy is not installed (pip install ahpy)"
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
