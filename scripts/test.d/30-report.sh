#!/usr/bin/env bash
# The PDF report: every fixture in ko and en (pdftotext, pdftoppm, pdfdetach), determinism,
# signatures (pdfsig on a twice-signed report), the attack corpus and the bounded fuzzer; then the
# CLI end to end: a team CA issues two reviewers, trust lists, tamper and laundering refusals.
set -euo pipefail
cargo test --locked -p yeta-report 2>&1 | tail -n 40
cargo build --locked -p yeta-cli
Y="${CARGO_TARGET_DIR:-target}/debug/yeta"
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
export YETA_KEY_PASSWORD="test passphrase 비밀"
"$Y" report fixtures/rail-wide-area.yeta.json --pdf "$d/r.pdf" --lang ko
"$Y" keygen --ca --name "Yeta Test CA" --out "$d/ca.pem"
"$Y" keygen --name "Reviewer One" --issuer "$d/ca.pem" --out "$d/k1.pem"
"$Y" keygen --name "Reviewer Two" --issuer "$d/ca.pem" --out "$d/k2.pem"
"$Y" keygen --name "Mallory" --out "$d/km.pem"
grep -q "ENCRYPTED PRIVATE KEY" "$d/k1.pem"
"$Y" sign "$d/r.pdf" --key "$d/k1.pem" --reviewer "Reviewer One" --role "PFS reviewer" --out "$d/s.pdf"
"$Y" sign "$d/s.pdf" --key "$d/k2.pem" --reviewer "Reviewer Two" --role "Budget officer"
"$Y" verify "$d/s.pdf"
test "$(pdfsig "$d/s.pdf" | grep -c 'Signature is Valid.')" = 2
# Trust: the CA's certificate trusts both reviewers; Mallory's self-signed one trusts neither.
"$Y" verify "$d/s.pdf" --trust "$d/ca.pem" | grep -q "all trusted"
sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' "$d/km.pem" > "$d/mallory-cert.pem"
if "$Y" verify "$d/s.pdf" --trust "$d/mallory-cert.pem"; then echo "untrusted signers passed --trust" >&2; exit 1; fi
# A --reviewer that is not the certificate's subject is refused.
if "$Y" sign "$d/s.pdf" --key "$d/km.pem" --reviewer "기획재정부 장관" --role x --out "$d/x.pdf" 2>/dev/null; then
  echo "sign accepted a reviewer name that is not the certificate's" >&2; exit 1
fi
"$Y" extract "$d/s.pdf" --out "$d/study.json"
cmp "$d/study.json" fixtures/rail-wide-area.yeta.json
cp "$d/s.pdf" "$d/t.pdf"; printf 'Z' | dd of="$d/t.pdf" bs=1 seek=4000 conv=notrunc 2>/dev/null
if "$Y" verify "$d/t.pdf"; then echo "tampered report passed verify" >&2; exit 1; fi
# No laundering: a tampered report is not signed again.
if "$Y" sign "$d/t.pdf" --key "$d/km.pem" --reviewer "Mallory" --role x --out "$d/x.pdf" 2>/dev/null; then
  echo "sign accepted a tampered report" >&2; exit 1
fi
echo "report CLI: ok"
