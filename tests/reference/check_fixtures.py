"""An independent check of every fixture's economic analysis.

This script does not share code with Yeta: it reads each study with Python's json module, expands
its flows itself (single years, ranges with growth, quantities x unit value), builds the discount
factors from the rule set file (or the study's own schedule) and computes PVs, NPV, B/C with
numpy-financial where the schedule is flat and by the year-by-year product where it is stepped,
and IRR with numpy-financial. It then runs `yeta appraise --json -` and compares:
PVs, NPV, B/C to 1e-9 relative, IRR to 1e-7.

    python3 tests/reference/check_fixtures.py path/to/yeta
"""
import glob
import json
import os
import subprocess
import sys
from decimal import Decimal

import numpy as np
import numpy_financial as npf

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def demand_quantities(m):
    """{year: quantity} of a demand model, from the formulas of docs/METHOD.md, in floats."""
    f = m["forecast"]

    def forecast(y):
        if f["method"] == "growth":
            return float(f["base_quantity"]["value"]) * (1 + float(f["growth"]["value"])) ** (y - f["base_year"])
        pts = [(p["year"], float(p["quantity"])) for p in f["points"]]
        if y <= pts[0][0]:
            return pts[0][1]
        if y >= pts[-1][0]:
            return pts[-1][1]
        return float(np.interp(y, [p[0] for p in pts], [p[1] for p in pts]))

    def share(k):
        r = m.get("ramp_up")
        if not r or k >= r["years"]:
            return 1.0
        s0, n = float(r["start_share"]["value"]), r["years"]
        if r["curve"] == "linear":
            return s0 + (1 - s0) * k / n
        a = float(r["steepness"])
        L = lambda x: 1 / (1 + np.exp(-a * (x - n / 2)))
        return s0 + (1 - s0) * (L(k) - L(0)) / (L(n) - L(0))

    def elasticity(y):
        out = 1.0
        for e in m.get("elasticities", []):
            d0 = float(e["base_value"]["value"])
            d = d0
            for s in e["path"]:
                if s["from_year"] <= y:
                    d = float(s["value"])
            out *= (d / d0) ** float(e["elasticity"]["value"])
        return out

    return {y: forecast(y) * share(y - m["from"]) * elasticity(y) for y in range(m["from"], m["to"] + 1)}


def expand(line, first, last):
    out = [Decimal(0)] * (last - first + 1)
    unit = Decimal(line["unit_value"]["value"]) if "unit_value" in line else Decimal(1)
    if "demand" in line:
        for y, q in demand_quantities(line["demand"]).items():
            out[y - first] += Decimal(repr(q)) * unit
    for f in line.get("flows", []):
        lo, hi = (f["year"], f["year"]) if "year" in f else (f["from"], f["to"])
        q = Decimal(f["amount"])
        g = Decimal(f.get("growth", "0"))
        for k, y in enumerate(range(lo, hi + 1)):
            out[y - first] += q * unit * (1 + g) ** k
    return out


def schedule(study):
    """(base_year, [(from_year, rate)]) as the study and its rule set define it."""
    p = study["parameters"]
    base = p["base_year"]
    if "discount" in p:
        return base, [(s["from_year"], float(s["rate"])) for s in p["discount"]]
    rid = study.get("rules", {}).get("id", "kr-pfs-2026")
    rules = json.load(open(os.path.join(ROOT, "fixtures", "rules", rid + ".json")))
    steps = [(base + s["from_t"], float(s["rate"])) for s in rules["social_discount"]["value"]]
    lh = rules.get("long_horizon", {}).get("value")
    over = study.get("rules", {}).get("overrides", {}).get("long_horizon")
    enabled = over["value"] if over else (lh or {}).get("enabled", False)
    if lh and enabled:
        start = base + lh["after_t"] + 1
        steps = [s for s in steps if s[0] < start] + [(start, float(lh["rate"]))]
    return base, steps


def factors(base, steps, first, last):
    def rate(k):
        r = steps[0][1]
        for y, s in steps:
            if y <= k:
                r = s
        return r
    out, df = [], 1.0
    for k in range(base + 1, first + 1):
        df /= 1 + rate(k)
    for y in range(first, last + 1):
        if y > first:
            df /= 1 + rate(y)
        out.append(df)
    return out


def carbon_costs(study, first, last, cost_lines):
    """The carbon value by year when the study counts it as a cost (environment section)."""
    env = study.get("environment")
    if not env or not env.get("include_in_economics"):
        return None
    n = last - first + 1
    kwh = [0.0] * n
    for e in env.get("energy", []):
        if e["kind"] in ("it_load", "kwh"):
            amounts = expand({"flows": e["flows"]}, first, last)
            k = float(e.get("pue", 1)) * e.get("hours", 8760) if e["kind"] == "it_load" else 1.0
            for i, a in enumerate(amounts):
                kwh[i] += float(a) * k
        else:
            for name in e["cost_lines"]:
                for i, a in enumerate(cost_lines[name]):
                    kwh[i] += float(a) / 1e6 * float(e["kwh_per_million_krw"])
    path = [(p["year"], float(p["krw_per_tco2e"])) for p in env["carbon_price"]["path"]]
    def price(y):
        if y <= path[0][0]:
            return path[0][1]
        for (y0, p0), (y1, p1) in zip(path, path[1:]):
            if y <= y1:
                return p0 + (y - y0) / (y1 - y0) * (p1 - p0)
        return path[-1][1]
    grid = float(env["grid_factor"]["value"])
    out = []
    for i in range(n):
        y = first + i
        t = kwh[i] / 1000 * grid + sum(float(e["tco2e"]) for e in env.get("embodied", []) if e["year"] == y)
        out.append(Decimal(round(t * price(y))))
    return out


def footprint(side, first, last, grid, lines=None):
    """tCO2e by year of one side (the project's section or its counterfactual): electricity at the
    grid factor of the year, activities (quantity x kg factor; trips x km x kg per passenger-km),
    embodied emissions."""
    n = last - first + 1
    t = [Decimal(0)] * n
    for e in side.get("energy", []):
        amounts = expand({"flows": e["flows"]}, first, last)
        k = Decimal(e.get("pue", "1")) * e.get("hours", 8760) if e["kind"] == "it_load" else Decimal(1)
        for i, a in enumerate(amounts):
            t[i] += a * k / 1000 * grid[i]
    for a in side.get("activities", []):
        per = Decimal(a["factor"]["value"]) * Decimal(a.get("distance_km", "1"))
        for i, q in enumerate(expand({"flows": a["flows"]}, first, last)):
            t[i] += q * per / 1000
    for e in side.get("embodied", []):
        t[e["year"] - first] += Decimal(e["tco2e"])
    for dv in side.get("devices", []):
        # Device classes: the refresh line's spending x share, per unit price or per KRW 1 m.
        per = Decimal(dv["unit_cost"]) if "unit_cost" in dv else Decimal(1000000)
        for i, a in enumerate(lines[dv["cost_line"]]):
            t[i] += a * Decimal(dv.get("share", "1")) / per * Decimal(dv["kgco2e"]["value"]) / 1000
    return t


def interp(points, y):
    """Linear between points, flat outside: [(year, Decimal)]."""
    if y <= points[0][0]:
        return points[0][1]
    for (y0, p0), (y1, p1) in zip(points, points[1:]):
        if y <= y1:
            return p0 + (p1 - p0) * (y - y0) / (y1 - y0)
    return points[-1][1]


def paths(env, first, last):
    """grid, central, low, high carbon values and electricity value by year: from the factor set
    file (fixtures/environment/<set>.json) replaced series by series by the study, or the
    constant grid factor and the carbon price path of the gross method."""
    years = range(first, last + 1)
    f = env.get("factors")
    if f is None:
        grid = [Decimal(env["grid_factor"]["value"])] * len(years)
        cp = env.get("carbon_price")
        pts = [(q["year"], Decimal(q["krw_per_tco2e"])) for q in cp["path"]] if cp else [(first, Decimal(0))]
        c = [interp(pts, y) for y in years]
        return grid, c, c, c, [Decimal(0)] * len(years)
    s = json.load(open(os.path.join(ROOT, "fixtures", "environment", f.get("set", "kr-illustrative-2026") + ".json")))
    def series(path):
        pts = [(q["year"], Decimal(q["value"])) for q in path["points"]]
        return [interp(pts, y) for y in years]
    pick = lambda k: (f.get(k) or s[k])["value"]
    cv = pick("carbon_values")
    return (series(pick("grid_factor")), series(cv["central"]), series(cv["low"]), series(cv["high"]),
            series(pick("electricity_value")))


def net_values(env, first, last, lines):
    """(net tCO2e, energy value, central, low, high carbon values) by year."""
    grid, central, low, high, elec = paths(env, first, last)
    proj = footprint(env, first, last, grid, lines)
    cf = footprint(env.get("counterfactual", {}), first, last, grid)
    net = [a - b for a, b in zip(proj, cf)]
    kwh = [Decimal(0)] * (last - first + 1)
    for sign, side in ((1, env), (-1, env.get("counterfactual", {}))):
        for e in side.get("energy", []):
            if e.get("energy_in_costs"):
                continue
            k = Decimal(e.get("pue", "1")) * e.get("hours", 8760) if e["kind"] == "it_load" else Decimal(1)
            for i, a in enumerate(expand({"flows": e["flows"]}, first, last)):
                kwh[i] += sign * a * k
    val = lambda prices, q: [round(x * p) for x, p in zip(q, prices)]
    return net, val(elec, kwh), val(central, net), val(low, net), val(high, net)


def counted(env):
    v = env.get("include_in_economics")
    return v if v is not None else "factors" in env


def net_check(study, yeta_env, factors_pv):
    """Net tCO2e and the PV of its carbon value, recomputed; returns failures."""
    env = study.get("environment") or {}
    if "counterfactual" not in env and "factors" not in env:
        return 0
    p = study["parameters"]
    first, last = p["first_year"], p["last_year"]
    lines = {l["name"]: expand(l, first, last) for l in study["costs"]}
    net, energy, values, _, _ = net_values(env, first, last, lines)
    pv = factors_pv([float(v) for v in values])
    got_t, got_pv = float(yeta_env["net"]["net_tco2e"]), float(yeta_env["net"]["carbon_pv"])
    fails = 0
    for what, g, w in (("net_tco2e", got_t, float(sum(net))), ("net carbon_pv", got_pv, pv)):
        ok = abs(g - w) <= 1e-9 * max(1.0, abs(w)) + 5e-5  # yeta writes 4 decimals
        fails += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(study['_path'])} {what}: yeta {g:.4f} reference {w:.4f}")
    return fails


def read_table(path):
    """A `#yeta-table` CSV: the header and the data rows (metadata rows skipped)."""
    import csv
    rows = [r for r in csv.reader(open(path, encoding="utf-8")) if r and r[0].strip()]
    body = [r for r in rows if not r[0].startswith("#")]
    return body[0], body[1:]


def regional_check(study, appraisal, by_line):
    """시·군·구 index (z-scores with the population SD, signed, mean within a factor, weighted sum of
    factors) and the two-region production effects, recomputed with numpy. Returns (failures, checks)."""
    code = study["project"].get("municipality")
    r = appraisal.get("regional") or {}
    if not code or "sigungu" not in r:
        return 0, 0
    method = json.load(open(os.path.join(ROOT, "fixtures", "rules", "backwardness-kdi-2013.json")))
    head, rows = read_table(os.path.join(ROOT, "fixtures", "regions", "kr-sigungu-indicators.csv"))
    codes = [x[head.index("code")] for x in rows]
    wsum = sum(f["weight"] for f in method["factors"])
    index = np.zeros(len(rows))
    for f in method["factors"]:
        zs = []
        for ind in f["indicators"]:
            x = np.array([float(v[head.index(ind["id"])]) for v in rows])
            sd = x.std()  # population SD (ddof = 0)
            zs.append(ind["sign"] * (x - x.mean()) / sd if sd > 0 else 0 * x)
        index += f["weight"] * np.mean(zs, axis=0) / wsum
    mine = index[codes.index(code)]
    rank = 1 + int((index > mine).sum())
    got = r["sigungu"]
    fails = 0
    ok = abs(got["index"] - mine) < 1e-9 and got["rank"] == rank
    fails += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {code} backwardness index: yeta {got['index']:.9f} rank {got['rank']}, reference {mine:.9f} rank {rank}")
    checks = 1
    if "two_region" in r:
        # All investment lines of the fixtures are unclassified construction: capex + reinvestment.
        spend = sum(sum(float(v) for v in by_line[l["name"]]) for l in study["costs"] if l["kind"] in ("capex", "reinvestment"))
        share = float(study["regional"].get("spending_share_in_region", 1))
        ihead, irows = read_table(os.path.join(ROOT, "fixtures", "regions", "io-two-region.csv"))
        row = next(x for x in irows if x[0] == study["project"]["region"] and x[1] == "construction")
        local = round(spend * share)
        for col in ("production_intra", "production_leak", "value_added_intra", "value_added_leak"):
            want = local * float(row[ihead.index(col)])
            what, side = col.rsplit("_", 1)
            g = float(r["two_region"][what][side])
            ok = abs(g - want) <= 1.0
            fails += not ok
            checks += 1
            print(f"{'ok  ' if ok else 'FAIL'} {code} two-region {col}: yeta {g:.0f} reference {want:.0f}")
    return fails, checks


def main(yeta):
    failures = 0
    extra_checks = 0
    checks_extra = []
    files = sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.yeta.json")))
    for path in files:
        study = json.load(open(path))
        p = study["parameters"]
        first, last, base = p["first_year"], p["last_year"], p["base_year"]
        yrs = last - first + 1
        by_line = {l["name"]: expand(l, first, last) for l in study["costs"]}
        prices = study.get("prices") or {}
        if prices.get("lines"):
            # 불변가격: current prices x D(base)/D(t); another year's prices x D(base)/D(Y); the
            # deflator's years after its last value grow at its projection.
            dfl = prices.get("deflator") or json.load(open(os.path.join(ROOT, "fixtures", "prices", prices["deflator_id"] + ".json")))
            idx = {v["year"]: Decimal(v["value"]) for v in dfl["values"]}
            lastv = max(idx)
            def index(y):
                if y in idx:
                    return idx[y]
                return idx[lastv] * (1 + Decimal(dfl["projection"]["growth"])) ** (y - lastv)
            for pl in prices["lines"]:
                assert pl.get("list", "costs") == "costs", "the reference restates cost lines only"
                v = by_line[pl["line"]]
                by_line[pl["line"]] = [a if a == 0 else a * index(base) / index(first + i if pl["basis"] == "current" else pl["price_year"]) for i, a in enumerate(v)]
        derived_total = None
        if "cost_build_up" in study:
            # 총사업비: each derived item = rate x the yearly sum of its base classes' lines.
            bu = study["cost_build_up"]
            rid = study.get("rules", {}).get("id", "kr-pfs-2026")
            rates = {r["class"]: r for r in json.load(open(os.path.join(ROOT, "fixtures", "rules", rid + ".json"))).get("cost_rates", {}).get("value", [])}
            cls = {it["line"]: it["class"] for it in bu["items"]}
            capital = [by_line[n] for n in cls]
            derived = {}
            for d in bu.get("derived", []):
                rate = Decimal(d.get("rate") or rates[d["class"]]["rate"])
                base_cls = d.get("base") or rates[d["class"]]["base"]
                derived[d["name"]] = [rate * sum(by_line[n][i] for n in cls if cls[n] in base_cls) for i in range(last - first + 1)]
            derived_total = sum(sum(v) for v in capital) + sum(sum(v) for v in derived.values())
            by_line.update(derived)
        costs = [sum(x) for x in zip(*by_line.values())]
        if prices.get("conversion_id") or prices.get("conversion"):
            # 경제적 가격: each cost line's class (build-up) or kind factor, (CF - 1) x the line.
            conv = prices.get("conversion") or json.load(open(os.path.join(ROOT, "fixtures", "prices", prices["conversion_id"] + ".json")))
            by_class = {c["class"]: Decimal(c["factor"]) for c in conv.get("classes", [])}
            by_kind = {k["kind"]: Decimal(k["factor"]) for k in conv.get("kinds", [])}
            classes = {it["line"]: it["class"] for it in study.get("cost_build_up", {}).get("items", [])}
            for l in study["costs"]:
                f = by_class.get(classes[l["name"]], Decimal(1)) if l["name"] in classes else by_kind.get(l["kind"], Decimal(1))
                costs = [c + (f - 1) * a for c, a in zip(costs, by_line[l["name"]])]
            for d in study.get("cost_build_up", {}).get("derived", []):
                f = by_class.get(d["class"], Decimal(1))
                costs = [c + (f - 1) * a for c, a in zip(costs, by_line[d["name"]])]
        env = study.get("environment") or {}
        bens = [sum(x) for x in zip(*[expand(l, first, last) for l in study["benefits"]])]
        if "residual_value" in study:
            # 잔존가치: straight-line, RV = C x max(0, L - u) / L in the last year, u = last - in_service + 1.
            rid = study.get("rules", {}).get("id", "kr-pfs-2026")
            lives = {r["class"]: r["years"] for r in json.load(open(os.path.join(ROOT, "fixtures", "rules", rid + ".json")))["service_lives"]["value"]}
            rv = Decimal(0)
            for asset in study["residual_value"]["assets"]:
                life = asset.get("life") or lives[asset["class"]]
                c = sum(sum(by_line[n]) for n in asset["cost_lines"])
                rv += c * max(0, life - (last - asset["in_service"] + 1)) / life
            bens[-1] += rv
            residual_want = rv
        costs0, bens0 = list(costs), list(bens)
        if env and counted(env) and ("counterfactual" in env or "factors" in env):
            # The net method: energy and central carbon values of the net change, each a benefit
            # when its PV is a saving, else a cost (PV sign at the study's discount factors).
            base_, steps_ = schedule(study)
            df = factors(base, steps_, first, last)
            _, energy, central, _, _ = net_values(env, first, last, by_line)
            for v in (energy, central):
                if sum(float(x) * d for x, d in zip(v, df)) < 0:
                    bens = [b - x for b, x in zip(bens, v)]
                else:
                    costs = [c + x for c, x in zip(costs, v)]
        else:
            carbon = carbon_costs(study, first, last, by_line)
            if carbon:
                costs = [c + k for c, k in zip(costs, carbon)]
        c = np.array([float(x) for x in costs])
        b = np.array([float(x) for x in bens])
        base_, steps = schedule(study)
        if len(steps) == 1:
            # numpy-financial's npv discounts values[0] at t = 0: pad the years before `first`.
            pad = [0.0] * (first - base)
            r = steps[0][1]
            pv_c = npf.npv(r, pad + list(c))
            pv_b = npf.npv(r, pad + list(b))
            how = f"numpy-financial npv at {r}"
        else:
            df = np.array(factors(base, steps, first, last))
            pv_c, pv_b = float(c @ df), float(b @ df)
            how = "year-by-year product of the stepped schedule"
        irr = npf.irr(list(b - c))
        out = subprocess.run([yeta, "appraise", path, "--json", "-"], capture_output=True, text=True, check=True)
        appraisal = json.loads(out.stdout)
        rf, rc = regional_check(study, appraisal, by_line)
        failures += rf
        checks_extra.append(rc)
        e = appraisal["economic"]
        if "alternatives" in study:
            # 대안 검토: the base case's PVs from its own lines, the proposed case's from above,
            # increments against the base and the preferred option by the stated rule.
            alt = study["alternatives"]
            dfs = np.array(factors(base, steps, first, last))
            pv = lambda lines: float(sum(np.array([float(x) for x in expand(l, first, last)]) @ dfs for l in lines))
            bc_, bb_ = pv(alt["base"].get("costs", [])), pv(alt["base"].get("benefits", []))
            want = {"base": (bb_, bc_), "proposed": (pv_b, pv_c)}
            got = {o["role"]: o for o in appraisal["alternatives"]["options"]}
            ok = True
            for role, (wb, wc) in want.items():
                o = got[role]
                ok &= abs(float(o["pv_benefits"]) - wb) <= 1e-9 * max(abs(wb), 1) and abs(float(o["pv_costs"]) - wc) <= 1e-9 * max(abs(wc), 1)
            db, dc = pv_b - bb_, pv_c - bc_
            inc = got["proposed"]["incremental_bc"]
            ok &= abs(inc - db / dc) < 1e-9
            qual = pv_b >= pv_c and db >= dc
            ok &= (appraisal["alternatives"]["preferred"] is None) == (not qual)
            failures += not ok
            extra_checks += 1
            print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(path)} alternatives: incremental B/C yeta {inc:.9f} reference {db / dc:.9f}, preferred {appraisal['alternatives']['preferred']}")
        if "cost_effectiveness" in study:
            # 비용효과분석: PV(E) at the study's discount factors, C/E = PV(C)/PV(E) for the
            # proposed option and the base case (PV(C) of the base from its own lines).
            ce = study["cost_effectiveness"]
            dfs = np.array(factors(base, steps, first, last))
            pvq = lambda fl: float(np.array([float(x) for x in expand({"flows": fl}, first, last)]) @ dfs)
            alt = study.get("alternatives")
            base_c = float(sum(np.array([float(x) for x in expand(l, first, last)]) @ dfs for l in alt["base"].get("costs", []))) if alt else None
            for m, gm in zip(ce["measures"], appraisal["cost_effectiveness"]["measures"]):
                rows = {o["role"]: o for o in gm["options"]}
                pe = pvq(m["flows"])
                want = {"proposed": pv_c / pe}
                for o in ce.get("options", []):
                    if alt and o["option"] == alt["base"]["name"]:
                        fl = [e["flows"] for e in o["effects"] if e["measure"] == m["name"]]
                        if fl:
                            pb_e = pvq(fl[0])
                            want["base"] = base_c / pb_e
                            want["icer"] = (pv_c - base_c) / (pe - pb_e)
                ok = abs(rows["proposed"]["cost_per_unit"] - want["proposed"]) <= 1e-9 * want["proposed"]
                if "base" in want:
                    ok &= abs(rows["base"]["cost_per_unit"] - want["base"]) <= 1e-9 * want["base"]
                    ok &= abs(rows["proposed"]["incremental_cost_per_unit"] - want["icer"]) <= 1e-9 * abs(want["icer"])
                failures += not ok
                extra_checks += 1
                print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(path)} E/C {m['name']}: cost per unit yeta {rows['proposed']['cost_per_unit']:.6f} reference {want['proposed']:.6f}")
        if "residual_value" in study:
            got_rv = Decimal(appraisal["residual_value"]["total"])
            ok = abs(got_rv - residual_want) <= Decimal("0.000001")
            failures += not ok
            extra_checks += 1
            print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(path)} residual value: yeta {got_rv} reference {residual_want}")
        if derived_total is not None:
            got_t = Decimal(appraisal["cost_build_up"]["total"])
            ok = got_t == derived_total and Decimal(study["project"]["total_cost"]) == derived_total
            failures += not ok
            extra_checks += 1
            print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(path)} total cost build-up: yeta {got_t} reference {derived_total} stated {study['project']['total_cost']}")
        # Demand models: every year's quantity against the reference formulas.
        for list_name in ("benefits", "revenues"):
            for i, l in enumerate(study.get(list_name, [])):
                if "demand" not in l:
                    continue
                want_q = demand_quantities(l["demand"])
                got_l = [d for d in appraisal.get("demand", []) if d["origin"] == {"from": "study", "list": list_name, "index": i}]
                worst = max(abs(float(y["quantity"]) - want_q[y["year"]]) / max(want_q[y["year"]], 1.0)
                            for y in got_l[0]["years"]) if got_l else float("inf")
                ok = worst < 1e-9 and len(got_l[0]["years"]) == len(want_q)
                failures += not ok
                extra_checks += 1
                print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(path)} {list_name}[{i}] demand quantities by year (worst rel {worst:.1e})")
        got = {k: float(e[k]) for k in ("pv_benefits", "pv_costs", "npv")}
        want = {"pv_benefits": pv_b, "pv_costs": pv_c, "npv": pv_b - pv_c}
        name = os.path.basename(path)
        for k in got:
            rel = abs(got[k] - want[k]) / abs(want[k])
            ok = rel < 1e-9
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {name} {k}: yeta {got[k]:.4f} reference {want[k]:.4f} (rel {rel:.1e}; {how})")
        rel = abs(e["bc_ratio"] - pv_b / pv_c) / (pv_b / pv_c)
        failures += rel >= 1e-9
        print(f"{'ok  ' if rel < 1e-9 else 'FAIL'} {name} bc_ratio: yeta {e['bc_ratio']:.9f} reference {pv_b / pv_c:.9f}")
        if e["irr"] is None or np.isnan(irr):
            ok = (e["irr"] is None) == bool(np.isnan(irr))
            print(f"{'ok  ' if ok else 'FAIL'} {name} irr: yeta {e['irr']} reference {irr}")
        else:
            ok = abs(e["irr"] - irr) / abs(irr) < 1e-7
            print(f"{'ok  ' if ok else 'FAIL'} {name} irr: yeta {e['irr']:.10f} reference {irr:.10f}")
        failures += not ok
        study["_path"] = path
        app = json.loads(out.stdout)
        if app.get("environment"):
            if len(steps) == 1:
                r = steps[0][1]
                pad = [0.0] * (first - base)
                pvf = lambda v: npf.npv(r, pad + v)
            else:
                df = factors(base, steps, first, last)
                pvf = lambda v: float(np.array(v) @ np.array(df))
            nf = net_check(study, app["environment"], pvf)
            failures += nf
            if "factors" in study["environment"]:
                # NPV and B/C under each carbon series: without the environment, plus the energy
                # value and that series' carbon value, each a benefit when a saving.
                _, energy, central, low, high = net_values(study["environment"], first, last, by_line)
                b0, c0 = pvf([float(x) for x in bens0]), pvf([float(x) for x in costs0])
                pe = pvf([float(x) for x in energy])
                for run, vals in zip(app["environment"]["net"]["runs"], (low, central, high)):
                    b, c = b0, c0
                    for x in (pe, pvf([float(v) for v in vals])):
                        b, c = (b - x, c) if x < 0 else (b, c + x)
                    for what, g, w in (("npv", float(run["npv"]), b - c), ("bc", run["bc_ratio"], b / c)):
                        ok = abs(g - w) <= 1e-9 * abs(w) + 1e-4
                        failures += not ok
                        print(f"{'ok  ' if ok else 'FAIL'} {name} {run['series']} {what}: yeta {g:.6f} reference {w:.6f}")
                    checks_extra.append(2)
            env = study["environment"]
            checks_extra.append(2 if "counterfactual" in env or "factors" in env else 0)
    checks = len(files) * 5 + extra_checks + sum(checks_extra)
    print(f"{checks - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "yeta"))
