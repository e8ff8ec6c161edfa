"""Reference numbers for the worked example of METHOD.md, from numpy-financial (an independent
implementation). Rust tests paste these values; rerun to check them:

    python3 tests/reference/method_example.py

Example: base year t = 0, rate 4.5 %; costs 100 (t=0), 100 (t=1), 10 a year t=2..31;
benefits 30 a year t=2..31.
"""
import numpy_financial as npf

costs = [100, 100] + [10] * 30
benefits = [0, 0] + [30] * 30
net = [b - c for b, c in zip(benefits, costs)]
r = 0.045
pv_b = npf.npv(r, benefits)
pv_c = npf.npv(r, costs)
print(f"pv_benefits = {pv_b!r}")
print(f"pv_costs    = {pv_c!r}")
print(f"npv         = {pv_b - pv_c!r}")
print(f"bc_ratio    = {pv_b / pv_c!r}")
print(f"irr         = {npf.irr(net)!r}")
# costs +20 %: switching-value cross-check
print(f"bc_costs_plus_20 = {pv_b / (1.2 * pv_c)!r}")
print(f"npv_rate_plus_1pp = {npf.npv(r + 0.01, net)!r}")
print(f"npv_rate_minus_1pp = {npf.npv(r - 0.01, net)!r}")
