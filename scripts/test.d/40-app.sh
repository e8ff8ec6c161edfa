#!/usr/bin/env bash
# The desktop app: UI unit tests (Vitest), the production UI build, browser tests (Playwright in
# Debian's Chromium, Tauri IPC mocked and answered by the real `yeta` CLI), the Tauri binary, and
# the real app driven through tauri-driver + WebKitWebDriver under Xvfb, installed from its .deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
T="${CARGO_TARGET_DIR:-target}"
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
export CARGO_TARGET_DIR="$T"
bash scripts/setup.d/40-app.sh
step() { echo "--- 40-app: $1"; s=$(date +%s); }
took() { echo "--- 40-app: took $(( $(date +%s) - s )) s"; }

step "vitest (UI logic)"
(cd ui && npx vitest run)
took

step "UI build (tsc + vite) -> ui/dist"
(cd ui && npm run build --silent)
took

step "yeta CLI for the browser tests' engine"
cargo build --locked -q -p yeta-cli
took

step "Playwright browser tests (mocked IPC, real engine)"
(cd ui && YETA_BIN="$T/debug/yeta" E2E_OUT="$T/app-e2e" node e2e/run.mjs)
took

step "the open-data package of yeta publish, read in Chromium"
pub="$T/publish-read"
YETA_PUBLISH_KEEP="$pub" cargo test --locked -q -p yeta-cli --test publish >"$T/publish.log" 2>&1 || { cat "$T/publish.log"; exit 1; }
(cd ui && node e2e/publish.mjs "$pub")
took

# One release build of the app serves the commands' tests, the .deb and the real-window test:
# a debug build as well would double the longest compile of the run.
step "cargo build --release -p yeta-app"
log="$T/app-build.log"
cargo build --locked --release -p yeta-app >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -Ev '^\s+(Compiling|Checking)' "$log" || true
took

step "cargo test --release -p yeta-app (the commands' work without a window)"
YETA_BIN="$T/debug/yeta" cargo test --locked --release -q -p yeta-app >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -E '^test result' "$log"
took

step ".deb of the release build (tauri bundle), installed with apt as on an officer's PC"
bash scripts/deb.sh
took

step "tauri-driver (crates.io) for the real-app test"
if [ ! -x "$T/tools/bin/tauri-driver" ]; then
  cargo install -q --locked tauri-driver --version '^2' --root "$T/tools"
fi
took

step "the installed app under Xvfb: WebDriver (tauri-driver + WebKitWebDriver)"
APP=/usr/bin/yeta-app TAURI_DRIVER="$T/tools/bin/tauri-driver" YETA_BIN="$T/debug/yeta" OUT="$T/app-e2e" \
  node tests/app/real-app.mjs
took
