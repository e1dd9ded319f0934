#!/usr/bin/env bash
# Installs what is missing (scripts/install-tools.sh --browser), then runs
# every check of the project, one stage after the other, and keeps going
# after a failure so that one run shows everything. Ends with a plain line
# "N passed, M failed" (CI reads it) and exits non-zero if any stage failed.
#
#   ./scripts/test.sh              all stages
#   ./scripts/test.sh e2e size     only the named stages (see the list below)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# Each stage gets at most this many seconds (a hung browser must not eat CI's budget).
STAGE_TIMEOUT=${STAGE_TIMEOUT:-1800}

ENGINE_CRATES=(baleine-vfs baleine-shell baleine-dockerfile baleine-compose baleine-engine baleine-docker baleine-host)
# Other pure crates the web app may use are held to the same rules.
for extra in baleine-lessons baleine-util; do
  [ -f "crates/$extra/Cargo.toml" ] && ENGINE_CRATES+=("$extra")
done
SHARED=$(cd "$ROOT/.." && pwd)/shared

passed=0
failed=0
summary=()

say() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

# stage NAME COMMAND...: runs the command (a shell function or program) with a timeout.
stage() {
  local name=$1
  shift
  if [ ${#only[@]} -gt 0 ] && [[ " ${only[*]} " != *" $name "* ]]; then
    return 0
  fi
  say "$name"
  local start=$SECONDS rc
  timeout -k 10 "$STAGE_TIMEOUT" bash -o pipefail -c "$(declare -p ENGINE_CRATES SHARED); $(declare -f); $*"
  rc=$?
  local took=$((SECONDS - start))
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    summary+=("PASS  $name (${took}s)")
  elif [ $rc -eq 77 ]; then
    summary+=("SKIP  $name")
  else
    failed=$((failed + 1))
    [ $rc -eq 124 ] && echo "stage $name timed out after ${STAGE_TIMEOUT}s"
    summary+=("FAIL  $name (exit $rc, ${took}s)")
  fi
}

# --- stage bodies ------------------------------------------------------------

tools() { bash ./scripts/install-tools.sh --browser; }

native_tests() { cargo test --workspace --exclude baleine-web; }

web_native_tests() { cargo test -p baleine-web; }

acceptance() {
  local runner="$SHARED/acceptance/run.py"
  if [ ! -f "$runner" ]; then
    echo "SKIP: $runner not found (the shared folder is expected at ../shared)"
    return 77
  fi
  cargo build --release --bin baleine && python3 "$runner" --bin "${CARGO_TARGET_DIR:-target}/release/baleine" -j 2
}

# Our own cases in the same format (tests/acceptance/*.toml), run by the shared runner.
own_acceptance() {
  local runner="$SHARED/acceptance/run.py"
  if [ ! -f "$runner" ] || ! ls tests/acceptance/*.toml >/dev/null 2>&1; then
    echo "SKIP: no runner or no cases"
    return 77
  fi
  cargo build --release --bin baleine && python3 "$runner" --bin "${CARGO_TARGET_DIR:-target}/release/baleine" --cases tests/acceptance -j 2
}

# Every built-in lesson's solution passes its checks on a fresh host.
lessons() {
  if ! ls public/lessons/*.toml >/dev/null 2>&1; then
    echo "SKIP: no lessons"
    return 77
  fi
  cargo build --release --bin baleine && "${CARGO_TARGET_DIR:-target}/release/baleine" lesson check public/lessons/*.toml
}

wasm_check() {
  local args=()
  for c in "${ENGINE_CRATES[@]}"; do args+=(-p "$c"); done
  cargo build --target wasm32-unknown-unknown "${args[@]}"
}

dependency_boundary() {
  # The engine crates must not depend on browser crates: they stay pure and
  # usable natively (CLI, tests) as well as in the web app.
  local bad=0 out
  for c in "${ENGINE_CRATES[@]}"; do
    out=$(cargo tree -p "$c" -e normal --prefix none) || return 1
    if grep -E '^(wasm-bindgen|web-sys|js-sys|gloo[a-z-]*|yew[a-z-]*) v' <<<"$out" | sort -u | grep .; then
      echo "FAIL: $c depends on the crates above"
      bad=1
    else
      echo "ok: $c"
    fi
  done
  return $bad
}

wasm_browser_tests() {
  CHROMEDRIVER=$(command -v chromedriver) cargo test -p baleine-web --target wasm32-unknown-unknown
}

trunk_release() { trunk build --release; }

e2e() { node --test e2e/*.test.mjs; }

size() { node scripts/size-report.mjs; }

# --- run ---------------------------------------------------------------------

only=("$@")
total_start=$SECONDS
stage tools tools
stage native-tests native_tests
stage web-native-tests web_native_tests
stage acceptance acceptance
stage own-acceptance own_acceptance
stage lessons lessons
stage wasm32-check wasm_check
stage dependency-boundary dependency_boundary
stage wasm-browser-tests wasm_browser_tests
stage trunk-build trunk_release
stage e2e e2e
stage size-report size

echo
echo "Stages ($((SECONDS - total_start))s in all):"
printf '  %s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
