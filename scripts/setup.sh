#!/usr/bin/env bash
# Installs what Yeta's build and tests need on a Debian 12 machine (idempotent; quick when done).
# Each part of the project adds its own step in scripts/setup.d/NN-name.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
for step in scripts/setup.d/*.sh; do
  start=$(date +%s)
  bash "$step"
  echo "setup: $(basename "$step") took $(( $(date +%s) - start )) s"
done
