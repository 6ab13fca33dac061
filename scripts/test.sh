#!/usr/bin/env bash
# Runs every test: the native core tests (cargo test, data checks included), the release WASM
# build, and the browser tests in headless Chromium. Ends with the size report (a report, not a
# test). Sets up whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> cargo fmt --check, cargo clippy (native, and wasm32 as the residents' build)"
cargo fmt --check
cargo clippy --all-targets --all-features -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings

echo "==> cargo test (native core, data, engine)"
cargo test --release --all-features

echo "==> trunk build --release"
trunk build --release

echo "==> node tests: JSON Schemas, chart options, the SVG baker"
node --test tests/js/

echo "==> browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

echo "==> size report"
node scripts/size-report.mjs
