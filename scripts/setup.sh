#!/usr/bin/env bash
# Install what building and testing lede needs and a fresh machine lacks:
# the wasm32 target, wasm-bindgen-cli pinned to the crate's wasm-bindgen,
# and (with --browser) Debian's Chromium plus the npm dev dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    echo "setup: installing Debian's chromium"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  # npm ls fails when a dev dependency in package-lock.json is missing
  if ! npm ls --silent >/dev/null 2>&1; then
    echo "setup: installing npm dev dependencies"
    npm ci --no-audit --no-fund
  fi
fi
