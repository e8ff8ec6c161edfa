#!/usr/bin/env bash
# Installs what Yeta's build and tests need on a Debian 12 machine (idempotent; quick when done).
# Each part of the project adds its own step in scripts/setup.d/NN-name.sh.
#   bash scripts/setup.sh          every step
#   bash scripts/setup.sh rust     only the steps whose file name contains "rust"
set -euo pipefail
cd "$(dirname "$0")/.."
for step in scripts/setup.d/*.sh; do
  if [ $# -gt 0 ]; then
    match=0
    for want in "$@"; do case "$(basename "$step")" in *"$want"*) match=1 ;; esac; done
    [ "$match" = 1 ] || continue
  fi
  start=$(date +%s)
  bash "$step"
  echo "setup: $(basename "$step") took $(( $(date +%s) - start )) s"
done
