#!/usr/bin/env bash
# The shared review registry against a real PostgreSQL (a temporary cluster, stopped at the end):
# every route, roles and scope, bad input, a server killed mid-submission; then a small smoke run
# of the load benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
# shellcheck source=../pg-temp.sh
source scripts/pg-temp.sh
cargo test --locked -p yeta-registry 2>&1 | tail -n 30
# The CLI end to end, as a ministry would: the server binary, an administrator, two officers of
# different ministries, a reviewer who returns one study and signs off the next revision.
cargo build --locked -q -p yeta-cli -p yeta-registry
T="${CARGO_TARGET_DIR:-target}/debug"
Y="$T/yeta"
d=$(mktemp -d); srv=""
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$d"; pg_stop; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
admin=$("$T/yeta-registry" --database-url "$YETA_REGISTRY_TEST_URL" add-admin "cli-admin-$port")
"$T/yeta-registry" --database-url "$YETA_REGISTRY_TEST_URL" --listen "127.0.0.1:$port" 2>"$d/server.log" & srv=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
as() { YETA_REGISTRY_CONFIG="$d/$1.json" "${@:2}"; }
as admin "$Y" registry login "http://127.0.0.1:$port" --token "$admin" | grep -q "as cli-admin-$port (admin"
ta=$(as admin "$Y" registry user add "molit-$port" --role officer --ministry 국토교통부)
tb=$(as admin "$Y" registry user add "msit-$port" --role officer --ministry 과학기술정보통신부)
tr=$(as admin "$Y" registry user add "moef-$port" --role reviewer --signer "Reviewer One")
as a "$Y" registry login "http://127.0.0.1:$port" --token "$ta" >/dev/null
as b "$Y" registry login "http://127.0.0.1:$port" --token "$tb" >/dev/null
as r "$Y" registry login "http://127.0.0.1:$port" --token "$tr" >/dev/null
test "$(stat -c %a "$d/a.json")" = 600
if "$Y" registry login "http://192.0.2.1:$port" --token "$ta" 2>/dev/null; then echo "a token was sent over plain http to another host" >&2; exit 1; fi
k="rail-$port"
as a "$Y" registry submit fixtures/rail-wide-area.yeta.json --key "$k" | grep -q "revision 1 submitted"
as b "$Y" registry submit fixtures/ict-e-procurement.yeta.json --key "ict-$port" --draft | grep -q "draft"
if as a "$Y" registry status "ict-$port" 2>/dev/null; then echo "officer A read B's draft" >&2; exit 1; fi
as r "$Y" registry list | grep -q "$k"
if as r "$Y" registry list | grep -q "ict-$port"; then echo "a reviewer saw a draft" >&2; exit 1; fi
as r "$Y" registry comment "$k" --start | grep -q under_review
as r "$Y" registry comment "$k" --return --path 'project.name' --body '사업명을 확인하십시오' | grep -q returned
sed '0,/"name": "/s//"name": "(수정) /' fixtures/rail-wide-area.yeta.json > "$d/rail2.yeta.json"
as a "$Y" registry submit "$d/rail2.yeta.json" --key "$k" | grep -q "revision 2 submitted"
as r "$Y" registry pull "$k" --diff --out "$d/pulled.yeta.json" | tee "$d/diff.txt" | grep -q "project.name"
grep -q "사업명을 확인하십시오" "$d/diff.txt"
grep -Eq "changed since|이후 수정됨" "$d/diff.txt"
cmp "$d/pulled.yeta.json" "$d/rail2.yeta.json"
as r "$Y" registry portfolio --budget 10000000000000 | grep -q "$k"
as r "$Y" registry comment "$k" --start >/dev/null
export YETA_KEY_PASSWORD="registry test"
"$Y" keygen --ca --name "MOEF CA" --out "$d/ca.pem" >/dev/null
"$Y" keygen --name "Reviewer One" --issuer "$d/ca.pem" --out "$d/k1.pem" >/dev/null
sed -n '/BEGIN CERTIFICATE/,/END CERTIFICATE/p' "$d/ca.pem" > "$d/ca-cert.pem"
as admin "$Y" registry trust add "$d/ca-cert.pem" >/dev/null
"$Y" report "$d/rail2.yeta.json" --pdf "$d/r.pdf" --lang ko >/dev/null
"$Y" sign "$d/r.pdf" --key "$d/k1.pem" --reviewer "Reviewer One" --role "PFS reviewer" --out "$d/s.pdf" >/dev/null
cp "$d/s.pdf" "$d/t.pdf"; printf 'Z' | dd of="$d/t.pdf" bs=1 seek=4000 conv=notrunc 2>/dev/null
if as r "$Y" registry signoff "$k" "$d/t.pdf" --role "PFS reviewer" 2>/dev/null; then echo "a tampered report was signed off" >&2; exit 1; fi
"$Y" keygen --name "Reviewer Two" --issuer "$d/ca.pem" --out "$d/k2.pem" >/dev/null
"$Y" sign "$d/r.pdf" --key "$d/k2.pem" --reviewer "Reviewer Two" --role "PFS reviewer" --out "$d/s2.pdf" >/dev/null
if as r "$Y" registry signoff "$k" "$d/s2.pdf" --role "PFS reviewer" 2>/dev/null; then echo "a colleague's report was signed off" >&2; exit 1; fi
as admin "$Y" registry user signer "moef-$port" --signer "Reviewer One" | grep -q "signer Reviewer One"
as r "$Y" registry signoff "$k" "$d/s.pdf" --role "PFS reviewer" | grep -q "certificate SHA-256"
as a "$Y" registry status "$k" | grep -q "signed_off"
# The outbox (제출 대기함): submitted while the registry is down, it waits; back up, it goes.
export YETA_OUTBOX="$d/outbox"
kill "$srv"; wait "$srv" 2>/dev/null || true
as a "$Y" registry submit fixtures/road-national-route.yeta.json --key "road-$port" --queue | grep -q "1 waiting in the outbox"
as a "$Y" registry queue | grep -q "waiting .*road-$port"
"$T/yeta-registry" --database-url "$YETA_REGISTRY_TEST_URL" --listen "127.0.0.1:$port" 2>>"$d/server.log" & srv=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
as a "$Y" registry queue --flush | grep -q "road-$port: revision 1 submitted"
as a "$Y" registry queue | grep -q "^0 waiting, 0 refused"
as r "$Y" registry list | grep -q "road-$port"
as admin "$Y" registry user remove "msit-$port" >/dev/null
if as b "$Y" registry list 2>/dev/null; then echo "a removed user's token was accepted" >&2; exit 1; fi
echo "registry CLI: ok"
# A smoke run of the load benchmark (the real one: scripts/registry-load.sh, not in CI).
cargo run --locked -q -p yeta-registry --example load -- --studies 60 --clients 4 --seconds 2
echo "=== 50-registry: took $(( $(date +%s) - start )) s"
