#!/usr/bin/env bash
# Native speed of the working tree side by side with another commit (the
# commit before by default), alternating runs so that both see the same
# minutes of this shared machine:
#   bash bench/compare.sh [REV] [ROUNDS] [FILE]     (REV: HEAD, ROUNDS: 3)
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:-HEAD}"
rounds="${2:-3}"
file="$(realpath "${3:-../shared/examples/idlib-2020.txt}")"
dir="$(mktemp -d)"
git worktree add -q --detach "$dir" "$rev"
trap 'git worktree remove --force "$dir"' EXIT
echo "building $rev ($(git rev-parse --short "$rev")) and the working tree"
(cd "$dir" && cargo build -q --release --example bench)
cargo build -q --release --example bench
for r in $(seq "$rounds"); do
  echo "== round $r: $rev"
  "$dir/target/release/examples/bench" "$file"
  echo "== round $r: working tree"
  target/release/examples/bench "$file"
done
