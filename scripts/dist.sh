#!/usr/bin/env bash
# Build dist/: the page as a static site for any static host, at its root or
# under a sub-path (with or without the trailing slash), working offline
# after the first visit. `--no-build` copies the last build (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/setup.sh
  bash scripts/build.sh
fi
rm -rf dist
mkdir -p dist/pkg
cp www/index.html www/app.js www/worker.js www/sample.js www/style.css www/sw.js www/world.json dist/
cp www/pkg/index.js www/pkg/lede.js www/pkg/lede_bg.wasm dist/pkg/
# the offline copy is named after the files: a new deployment replaces it
hash=$(cat dist/*.* dist/pkg/* | sha256sum | cut -c1-12)
sed -i "s/^const CACHE = 'lede-[^']*';/const CACHE = 'lede-$hash';/" dist/sw.js
grep -q "lede-$hash" dist/sw.js
echo "dist: $(du -sh dist | cut -f1) in dist/ (cache lede-$hash); copy it to any static host, e.g. under /lede/"
