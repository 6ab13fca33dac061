#!/usr/bin/env bash
# Installs what building and testing the monitor needs, and skips what is already there.
# Everything comes from the package registries (crates.io, npm, Debian): nothing is downloaded
# from anywhere else. `scripts/setup.sh --browser` also installs Debian's Chromium for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

TRUNK_VERSION=0.21.14
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 9 minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# Trunk only uses a wasm-bindgen CLI whose version equals the wasm-bindgen crate in Cargo.lock;
# otherwise it would try to download one, which fails here.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WB_VERSION"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"   # not --locked: that fails here
fi

# The splitter that cuts the residents' WASM into a main module and chunks (scripts/wasm-split.mjs);
# the same crate cargo-leptos uses for Leptos' #[lazy]. Compiles in about 2 minutes, once.
WS_VERSION=0.2.4
if ! cargo install --list | grep -q "^wasm_split_cli_support v$WS_VERSION:"; then
  say "cargo install wasm_split_cli_support $WS_VERSION (wasm-split-cli)"
  cargo install wasm_split_cli_support --version "$WS_VERSION" --features build-binary --locked
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (ECharts, esbuild, binaryen, playwright-core, puppeteer-core, axe-core, resvg-js)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The fonts of the Open Graph preview images (scripts/bake-svg.mjs loads them by file, so a
# preview looks the same on every machine; its tests need them too).
if [ ! -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "apt-get install fonts-liberation fonts-dejavu-core (for the preview images)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation fonts-dejavu-core >/dev/null
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  say "apt-get install chromium (for the browser tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# A second engine: Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi
# (tests/browser/firefox.test.mjs).
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/firefox-esr ]; then
  say "apt-get install firefox-esr (second engine for the browser tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
fi
