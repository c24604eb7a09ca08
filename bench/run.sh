#!/usr/bin/env bash
# Speed: native stages (one core) and the whole analyze() in WebAssembly under Node,
# by default (with events), with options.events false, and with options.frames.
#   bash bench/run.sh [FILE]     (FILE defaults to ../shared/examples/idlib-2020.txt)
# The text is FILE repeated to about 2 MB; BYTES=N for another size
# (BYTES=10000000 bash bench/run.sh: 10 MB, one run of each call).
# For the native numbers side by side with the commit before, alternating:
#   bash bench/compare.sh HEAD 3 [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== native, one core (cargo run --release --example bench)"
cargo run -q --release --example bench -- "$@"
echo
echo "== WebAssembly in Node (node bench/wasm.mjs)"
bash scripts/build.sh > /dev/null
node bench/wasm.mjs "$@"
