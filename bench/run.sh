#!/usr/bin/env bash
# Whole-process benchmark of `plainly check` against the ripgrep floor, on the shared
# corpus. Prints one table: median (min–max) wall time of at least 5 runs after a
# warm-up, CPU seconds, peak RSS, MB/s, and the ratio to rg measured in the same run.
#
#   bench/run.sh            # all sets
#   RUNS=9 bench/run.sh     # more runs per command
#   bench/run.sh msg big    # some sets: full, big, msg, scale, sentence, line
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/k8s-enhancements
if [ ! -d "$corpus" ]; then
  echo "bench: $corpus not found; put the shared material beside this repository" >&2
  exit 2
fi
if ! command -v rg >/dev/null; then
  echo "bench: installing ripgrep (the floor every figure is compared with)" >&2
  if command -v apt-get >/dev/null; then
    (apt-get install -y ripgrep >/dev/null 2>&1 || sudo apt-get install -y ripgrep >/dev/null 2>&1) || true
  fi
  command -v rg >/dev/null || cargo install ripgrep --locked
fi
cargo build --profile dist --quiet
exec python3 bench/measure.py --plainly target/dist/plainly --corpus "$corpus" --runs "${RUNS:-5}" "$@"
