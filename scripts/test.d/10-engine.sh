#!/usr/bin/env bash
# The engine and the CLI: unit, property and whole-study tests; then the numbers of every fixture
# against an independent Python implementation built on numpy-financial.
set -euo pipefail
cargo test --locked --workspace --exclude yeta-app 2>&1 | tail -n +1
cargo build --locked --release -p yeta-cli
python3 tests/reference/check_fixtures.py "${CARGO_TARGET_DIR:-target}/release/yeta"
# Style gates, where the toolchain has the components.
if cargo fmt --version >/dev/null 2>&1; then cargo fmt --all -- --check; fi
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --locked -q --workspace --exclude yeta-app --all-targets -- -D warnings
fi
