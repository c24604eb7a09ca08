#!/usr/bin/env bash
# Command 2 of the README: install what is missing, build the wasm module and
# the npm package, and run the whole test suite (Rust, wasm, Node, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh --browser

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --features train -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "Rust unit, integration and doc tests (10,000 random texts for the property tests)"
PROPTEST_CASES=10000 cargo test
cargo test --features train --lib   # the trainers and evaluations (NER, parse, time) too

step "wasm tests (wasm-bindgen-test in Node)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm

step "build: CLI, wasm module, npm package, page"
cargo build --release
bash scripts/build.sh

step "npm package in Node, page in headless Chromium"
# No test may wait for ever: each gets 15 minutes, and the runner exits when
# the last one ends even if a child process or socket is left open. (The
# bound applies to each test file as a whole too: the hostile inputs' files
# take about 2 minutes here, and 5 minutes left too little room on a slow
# or busy machine. The slow tests set their own, tighter bounds.)
node --test --test-timeout=900000 --test-force-exit tests/node/ tests/e2e/
