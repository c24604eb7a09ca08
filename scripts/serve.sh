#!/usr/bin/env bash
# Command 1 of the README: build everything and serve the page on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
PORT="${PORT:-8080}"
echo "serve: open http://localhost:$PORT/ (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
