#!/usr/bin/env bash
# The Python wheel, as a user gets it: `pip wheel .` builds it (maturin, from
# pyproject.toml), a new virtual environment installs it with no Rust toolchain on PATH
# and no index, and plainly runs from there: `plainly --version`, a check of
# examples/draft.txt (exit 1, findings), and `python -m plainly`.
# Run by .ci/run; prints the wheel's size and the time from install to first result.
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/ci/wheel
rm -rf "$work"
mkdir -p "$work"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)

python3 -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" .
wheel=$(ls "$work"/dist/plainly-"$version"-*.whl)
echo "built $(basename "$wheel"): $(wc -c < "$wheel") bytes"

venv=$PWD/$work/venv
python3 -m venv "$venv"
# Only the environment's own bin folder is on PATH: no cargo, no rustc.
run() { env -i HOME="$HOME" PATH="$venv/bin" "$@"; }
if run "$BASH" -c 'command -v cargo || command -v rustc'; then
  echo "wheel: a Rust toolchain is on the test's PATH" >&2
  exit 1
fi
start=$(date +%s%N)
run "$venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$wheel"
status=0
run plainly check examples/draft.txt > "$work/draft.out" || status=$?
end=$(date +%s%N)
echo "pip install to first result: $(( (end - start) / 1000000 )) ms"

fail() { echo "wheel: $*" >&2; exit 1; }
[ "$(run plainly --version)" = "plainly $version" ] || fail "plainly --version printed $(run plainly --version)"
[ "$status" -eq 1 ] || fail "plainly check examples/draft.txt exited $status, not 1"
grep -q '^warning\[time-zone\]: ' "$work/draft.out" || fail "no time-zone finding in: $(cat "$work/draft.out")"
grep -q '^examples/draft.txt: clarity [0-9]*/100 · ' "$work/draft.out" || fail "no score in: $(cat "$work/draft.out")"
[ "$(run python -m plainly --version)" = "plainly $version" ] || fail "python -m plainly --version failed"
echo "wheel: installed without Rust; plainly --version, plainly check and python -m plainly work"
