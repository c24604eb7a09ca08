#!/usr/bin/env bash
# Growth: each stage's time at 100 KB, 1 MB and 4 MB of ordinary news and of
# 21 pathological kinds of text, with the ratio between sizes (linear ≈ 10×).
#   bash bench/growth.sh [KIND ...]     (SIZES=100000,1000000 to choose sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --release --example growth -- "$@"
