#!/usr/bin/env bash
# Runs every test of Yeta: installs what is needed, then each step of scripts/test.d in order,
# printing how long each took. Exits non-zero at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
total=$(date +%s)
for step in scripts/test.d/*.sh; do
  start=$(date +%s)
  echo "=== test step $(basename "$step")"
  bash "$step"
  echo "=== test step $(basename "$step") took $(( $(date +%s) - start )) s"
done
echo "=== all test steps took $(( $(date +%s) - total )) s"
