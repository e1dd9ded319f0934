#!/usr/bin/env bash
# Installs, when missing, what building and testing baleine needs on a fresh
# Debian machine with rustup and Node 20: the wasm target, trunk, wasm-bindgen-cli
# at the exact version of Cargo.lock, wasm-opt (binaryen from npm, see
# package.json), and Chromium + chromedriver for browser tests (--browser).
# Every step is idempotent and skipped when already satisfied.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for a in "$@"; do
  case "$a" in
    --browser) want_browser=1 ;;
  esac
done

say() { printf '\033[1;34m[install-tools]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# 0. Node >= 20 (playwright-core 1.65 needs it; Debian 12's own nodejs is 18).
if ! command -v node >/dev/null 2>&1 || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
  say "Node.js >= 20 is required (found: $(node --version 2>/dev/null || echo none)); install Node 20 (e.g. NodeSource) first"
  exit 1
fi

# 1. wasm target
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk 0.21.14 (0.22 needs a newer rustc than 1.95). Built without LTO to
#    halve the compile time; trunk's speed does not matter here.
TRUNK_VERSION=0.21.14
if ! command -v trunk >/dev/null 2>&1 || ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at the version Cargo.lock pins for the wasm-bindgen crate.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock 2>/dev/null || true)
WB_VERSION=${WB_VERSION:-0.2.130}
if ! command -v wasm-bindgen >/dev/null 2>&1 || ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # Its own lockfile pins a crate newer than some registry mirrors have: try
  # --locked first, then resolve afresh.
  cargo install --locked wasm-bindgen-cli --version "$WB_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# 4. npm packages: binaryen (wasm-opt 132; Debian's 108 cannot read our wasm)
#    and playwright-core for the end-to-end test.
if [ -f package.json ]; then
  if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci (binaryen, playwright-core)"
    npm ci --no-audit --no-fund
  fi
fi

# 5. Chromium and its driver, for wasm-bindgen-test and the e2e test.
if [ "$want_browser" = 1 ]; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing chromium and chromium-driver (apt)"
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  fi
fi
say "tools ready"
