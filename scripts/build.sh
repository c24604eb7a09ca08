#!/usr/bin/env bash
# Build the WebAssembly module and the npm package (pkg/), and copy the
# package into the page (www/pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --lib --release --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen target/wasm32-unknown-unknown/release/lede.wasm \
  --out-dir pkg --out-name lede --target web
cp npm/package.json npm/index.js npm/node.js npm/index.d.ts npm/README.md pkg/
rm -f pkg/.gitignore
rm -rf www/pkg
cp -r pkg www/pkg
echo "build: pkg/ (npm package) and www/pkg/ ready; lede_bg.wasm is $(wc -c < pkg/lede_bg.wasm) bytes ($(gzip -9c pkg/lede_bg.wasm | wc -c) gzipped)"
