#!/usr/bin/env bash
# Sets up what is missing, builds the monitor with its bundled data and serves dist/ on
# http://127.0.0.1:8080/ (the port can be given: scripts/serve.sh 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release
exec node tests/browser/serve.mjs "${1:-8080}" /
