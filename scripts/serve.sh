#!/usr/bin/env bash
# Installs whatever is missing (scripts/install-tools.sh), then serves the web
# app with `trunk serve` on http://127.0.0.1:8080/ (rebuilds on change).
# Extra arguments go to trunk, e.g. `./scripts/serve.sh --release`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ./scripts/install-tools.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
echo "baleine: http://127.0.0.1:8080/ (Ctrl+C stops the server)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
