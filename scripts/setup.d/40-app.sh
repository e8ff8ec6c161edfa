#!/usr/bin/env bash
# The desktop app (src-tauri + ui): WebKitGTK and GTK headers for Tauri, Xvfb and WebKit's
# WebDriver for the real-app test, Debian's Chromium for Playwright, ImageMagick for screenshots;
# then the front end's npm packages, exactly as package-lock.json pins them.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)
pkgs=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  build-essential pkg-config libssl-dev xvfb xauth webkit2gtk-driver chromium imagemagick)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup 40-app: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null 2>&1 ||
    { apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null && apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null; }
fi
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules ]; then
  echo "setup 40-app: npm ci in ui/"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup 40-app took $(( $(date +%s) - start )) s"
