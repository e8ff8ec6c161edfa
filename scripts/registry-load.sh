#!/usr/bin/env bash
# The registry's load benchmark on a temporary PostgreSQL cluster (not part of CI):
#   bash scripts/registry-load.sh [--studies N] [--clients C] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=pg-temp.sh
source scripts/pg-temp.sh
cargo run --locked --release -q -p yeta-registry --example load -- "$@"
