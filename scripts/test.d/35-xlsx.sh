#!/usr/bin/env bash
# Excel interop end to end: every fixture exported to XLSX and imported back through the CLI (same
# B/C); then LibreOffice, an independent spreadsheet program, opens each export headlessly and its
# CSV shows the appraisal's cash-flow numbers. (The crate's own tests run in 10-engine.)
set -euo pipefail
cargo build --locked -q -p yeta-cli
Y="${CARGO_TARGET_DIR:-target}/debug/yeta"
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
for f in fixtures/*.yeta.json; do
  n=$(basename "$f" .yeta.json)
  "$Y" appraise "$f" --json "$d/$n.json" >/dev/null
  "$Y" export "$f" --xlsx "$d/$n.xlsx" >/dev/null
  "$Y" import "$f" --lines "$d/$n.xlsx" --out "$d/$n.back.json" >/dev/null
  "$Y" appraise "$d/$n.back.json" --json "$d/$n.back.appraisal.json" >/dev/null
  python3 - "$d/$n.json" "$d/$n.back.appraisal.json" <<'PY'
import json, sys
a, b = (json.load(open(p))["economic"] for p in sys.argv[1:3])
assert abs(a["bc_ratio"] - b["bc_ratio"]) < 1e-12, (a["bc_ratio"], b["bc_ratio"])
assert abs(float(a["npv"]) - float(b["npv"])) < 0.01, (a["npv"], b["npv"])
PY
done
echo "xlsx round trip through the CLI: ok"
if ! command -v soffice >/dev/null; then
  echo "NOTICE: soffice (LibreOffice) not found: skipping the independent XLSX check (bash scripts/setup.sh xlsx installs it)"
  exit 0
fi
for f in fixtures/*.yeta.json; do
  n=$(basename "$f" .yeta.json)
  # Every sheet to its own CSV (token 12 = -1), cells as shown (token 9), UTF-8 (76).
  HOME="$d" soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
    --outdir "$d/lo" "$d/$n.xlsx" >/dev/null 2>&1
  python3 - "$d/$n.json" "$d/lo/$n-Cash flow.csv" "$d/lo/$n-Summary.csv" <<'PY'
import csv, json, sys
econ = json.load(open(sys.argv[1]))["economic"]
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
assert rows[0][0] == "year" and len(rows) == len(econ["cash_flow"]) + 1, rows[0]
num = lambda s: float(s.replace(",", ""))
for r, y in zip(rows[1:], econ["cash_flow"]):
    assert int(r[0]) == y["year"], (r, y)
    for col, key in [(2, "costs"), (3, "benefits"), (7, "pv_costs"), (8, "pv_benefits"), (10, "cumulative_pv_net")]:
        want = float(y[key]) / 1e6
        assert abs(num(r[col]) - want) <= 0.5 + 1e-9, (y["year"], key, r[col], want)
summary = {r[0]: r[1] for r in csv.reader(open(sys.argv[3], encoding="utf-8")) if len(r) > 1}
assert summary["B/C ratio"] == f'{econ["bc_ratio"]:.3f}', (summary["B/C ratio"], econ["bc_ratio"])
assert abs(num(summary["NPV (KRW million)"]) - float(econ["npv"]) / 1e6) <= 0.5 + 1e-9
print(f"  LibreOffice shows {sys.argv[2].split('/')[-1]}: {len(rows) - 1} years, B/C {summary['B/C ratio']}: ok")
PY
  # The other way: LibreOffice writes the Lines sheet's raw values as CSV and Yeta imports them.
  HOME="$d" soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$d/raw" "$d/$n.xlsx" >/dev/null 2>&1
  "$Y" import "$f" --lines "$d/raw/$n-Lines.csv" --out "$d/$n.lo.json" >/dev/null
  "$Y" appraise "$d/$n.lo.json" --json "$d/$n.lo.appraisal.json" >/dev/null
  # And as LibreOffice's own format: the export saved as ODS, imported back.
  HOME="$d" soffice --headless --convert-to ods --outdir "$d/ods" "$d/$n.xlsx" >/dev/null 2>&1
  "$Y" import "$f" --lines "$d/ods/$n.ods" --out "$d/$n.ods.json" >/dev/null
  "$Y" appraise "$d/$n.ods.json" --json "$d/$n.ods.appraisal.json" >/dev/null
  python3 - "$d/$n.json" "$d/$n.lo.appraisal.json" "$d/$n.ods.appraisal.json" <<'PY'
import json, sys
a, b, c = (json.load(open(p))["economic"] for p in sys.argv[1:4])
for x in (b, c):
    assert abs(a["bc_ratio"] - x["bc_ratio"]) < 1e-9, (a["bc_ratio"], x["bc_ratio"])
PY
  echo "  Yeta imports LibreOffice's CSV and ODS of $n: same B/C"
done
echo "xlsx LibreOffice check: ok"
