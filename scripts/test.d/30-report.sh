#!/usr/bin/env bash
# The PDF report: every fixture in ko and en (pdftotext, pdftoppm, pdfdetach), determinism,
# signatures (pdfsig on a twice-signed report), tamper tests; then the CLI end to end.
set -euo pipefail
cargo test --locked -p yeta-report 2>&1 | tail -n 30
cargo build --locked -p yeta-cli
Y="${CARGO_TARGET_DIR:-target}/debug/yeta"
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
"$Y" report fixtures/rail-wide-area.yeta.json --pdf "$d/r.pdf" --lang ko
"$Y" keygen --name "Reviewer One" --out "$d/k1.pem"
"$Y" keygen --name "Reviewer Two" --out "$d/k2.pem"
"$Y" sign "$d/r.pdf" --key "$d/k1.pem" --reviewer "Reviewer One" --role "PFS reviewer" --out "$d/s.pdf"
"$Y" sign "$d/s.pdf" --key "$d/k2.pem" --reviewer "Reviewer Two" --role "Budget officer"
"$Y" verify "$d/s.pdf"
test "$(pdfsig "$d/s.pdf" | grep -c 'Signature is Valid.')" = 2
"$Y" extract "$d/s.pdf" --out "$d/study.json"
cmp "$d/study.json" fixtures/rail-wide-area.yeta.json
cp "$d/s.pdf" "$d/t.pdf"; printf 'Z' | dd of="$d/t.pdf" bs=1 seek=4000 conv=notrunc 2>/dev/null
if "$Y" verify "$d/t.pdf"; then echo "tampered report passed verify" >&2; exit 1; fi
echo "report CLI: ok"
