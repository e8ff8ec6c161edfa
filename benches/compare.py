"""Runs `yeta bench` and the Python baselines on the same inputs, in one run, and prints the
ratios. Usage: python3 benches/compare.py [path/to/yeta]"""
import json
import os
import platform
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
yeta = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "yeta")
rust = json.loads(subprocess.run([yeta, "bench", "--threads", str(os.cpu_count() or 1)], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
py = json.loads(subprocess.run([sys.executable, os.path.join(ROOT, "benches", "baseline.py")], capture_output=True, text=True, check=True).stdout)
print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
print(f"{'task':<40} {'yeta':>12} {'python':>12} {'ratio':>8}  target")
rows = [
    ("appraise rail fixture, all stages", "appraise_rail_s", ">= 50x"),
    ("  economic analysis only (same scope)", "economic_rail_s", ">= 50x"),
    ("Monte Carlo 100k draws, 50y x 30 lines", "monte_carlo_100k_s", ">= 5x, < 1 s"),
    ("AHP 15x15 with hints (ahpy)", "ahp_15_s", ">= 100x"),
    ("  eigenvector and CR only (same scope)", "ahp_15_core_s", ">= 100x"),
]
for label, key, target in rows:
    r, p = rust.get(key), py.get({"economic_rail_s": "appraise_rail_s", "ahp_15_core_s": "ahp_15_s"}.get(key, key))
    if r is None or p is None:
        print(f"{label:<40} {'-':>12} {'-':>12} {'-':>8}  {py.get('ahp_note', '')}")
        continue
    print(f"{label:<40} {r * 1e3:>10.3f}ms {p * 1e3:>10.3f}ms {p / r:>7.1f}x  {target}")
if py.get("ahp_15_weights") and rust.get("ahp_15_weights"):
    pw = list(py["ahp_15_weights"].values()) if isinstance(py["ahp_15_weights"], dict) else py["ahp_15_weights"]
    diff = max(abs(a - b) for a, b in zip(sorted(pw), sorted(rust["ahp_15_weights"])))
    print(f"AHP 15x15: largest difference between ahpy's and yeta's weights: {diff:.1e}")
