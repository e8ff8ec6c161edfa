#!/usr/bin/env bash
# Packages the release build of the desktop app as a .deb (Tauri's bundler, from npm, pinned) and
# installs it with apt, which pulls in its dependencies as it would on a clean Debian 12 PC; then
# checks what the package put on the system. Needs `cargo build --release -p yeta-app` first.
#
#   bash scripts/deb.sh            # → $CARGO_TARGET_DIR/release/bundle/deb/Yeta_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
T="${CARGO_TARGET_DIR:-target}"
case "$T" in /*) ;; *) T="$PWD/$T" ;; esac
export CARGO_TARGET_DIR="$T"
CLI_VERSION=2.12.5
test -x "$T/release/yeta-app" || { echo "deb: build the app first: cargo build --release -p yeta-app" >&2; exit 1; }
test -f ui/dist/index.html || { echo "deb: build the UI first: (cd ui && npm run build)" >&2; exit 1; }
rm -rf "$T/release/bundle/deb"
(cd src-tauri && npx --yes "@tauri-apps/cli@$CLI_VERSION" bundle --bundles deb --ci)
deb=$(ls "$T"/release/bundle/deb/*.deb | head -n 1)
echo "deb: $deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --info "$deb" | sed -n 's/^ *\(Package\|Version\|Depends\|Installed-Size\):/  &/p'
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq -o DPkg::Lock::Timeout=600 --reinstall "$deb" >/dev/null
dpkg -L yeta | grep -E '/usr/bin/yeta-app$|\.desktop$|/icons/' | sed 's/^/  installed /'
test -x /usr/bin/yeta-app
grep -q '^Exec=yeta-app' /usr/share/applications/Yeta.desktop
echo "deb: installed"
