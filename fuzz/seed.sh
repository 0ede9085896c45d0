#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed) from the
# repository's own inputs. Run from anywhere; safe to run again (it only adds files).
set -euo pipefail
cd "$(dirname "$0")/.."

seed() { # seed TARGET FILE...
    local dir="fuzz/corpus/$1"
    shift
    mkdir -p "$dir"
    local file
    for file in "$@"; do
        [ -f "$file" ] || continue
        # Named by content, as libFuzzer names what it finds, so reruns add nothing twice.
        cp "$file" "$dir/$(sha1sum "$file" | cut -c1-40)"
    done
}

shopt -s globstar nullglob
messages=(tests/fixtures/**/*.md tests/fixtures/**/*.txt tests/fixtures/**/*.eml examples/* tests/messages/*)
markdown=(tests/fixtures/**/*.md examples/*.md)
emails=(tests/fixtures/**/*.eml examples/*.eml)
configs=(tests/cmd/**/*.toml)
rule_files=(rules/*.toml)

# Every kind of message goes to every checking target: a Markdown reader must survive
# an email, and the other way round.
seed check_markdown "${markdown[@]}" "${messages[@]}"
seed check_text "${messages[@]}"
seed check_email "${emails[@]}" "${messages[@]}"
# The README's TOML examples (a plainly.toml and a rule file) seed both TOML targets.
readme_toml=$(mktemp -d)
trap 'rm -rf "$readme_toml"' EXIT
awk -v dir="$readme_toml" '/^```toml$/ { n++; on = 1; next } /^```$/ { on = 0 } on { print > (dir "/" n ".toml") }' README.md
seed config "${configs[@]}" "$readme_toml"/*.toml
seed rule_file "${rule_files[@]}" "$readme_toml"/*.toml
seed positions "${messages[@]}"
seed lsp_edits "${messages[@]}"

for target in check_markdown check_text check_email config rule_file positions lsp_edits; do
    printf '%-15s %4d seeds\n' "$target" "$(find "fuzz/corpus/$target" -type f | wc -l)"
done
