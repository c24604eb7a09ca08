#!/usr/bin/env bash
# Regenerate the README's screenshots of the page (docs/screenshot*.jpg)
# from the browser tests, which take them after analyzing the seed article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bash scripts/build.sh
LEDE_SCREENSHOTS=docs node --test --test-name-pattern='seed article: highlights|dark theme|the map places' tests/e2e/page.test.mjs
ls -l docs/screenshot*.jpg
