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
echo "--- 50-registry: took $(( $(date +%s) - start )) s"
