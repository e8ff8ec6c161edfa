#!/usr/bin/env bash
# The Rust toolchain and the Python reference (numpy-financial) the tests compare against.
set -euo pipefail
if ! command -v cargo >/dev/null; then
  [ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
fi
if ! command -v cargo >/dev/null; then
  echo "setup: installing Rust with rustup" >&2
  command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl build-essential pkg-config; }
  curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi
command -v cc >/dev/null || { apt-get update -qq && apt-get install -y -qq build-essential pkg-config; }
if ! python3 -c 'import numpy_financial' 2>/dev/null; then
  python3 -m pip install --quiet numpy numpy-financial 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages numpy numpy-financial
fi
