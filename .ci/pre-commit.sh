#!/usr/bin/env bash
# The pre-commit hooks as a user runs them: `pre-commit try-repo` of the mirror
# (pre-commit-mirror/, language: python) in a scratch project, with plainly installed
# from the wheel .ci/wheel.sh built. The commit-message hook must flag the message's
# problems and nothing from git's comments or the diff below the scissors line, and
# pass a clear message; the files hook must check staged Markdown.
# Run by .ci/run after .ci/wheel.sh, with pre-commit on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/ci/pre-commit
wheels=$root/target/ci/wheel/dist
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)
ls "$wheels"/plainly-"$version"-*.whl > /dev/null

rm -rf "$work"
mkdir -p "$work/mirror" "$work/project"
# A cache of its own, so the hook environment is installed here, not reused.
export PRE_COMMIT_HOME=$work/cache
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=plainly GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=plainly GIT_COMMITTER_EMAIL=ci@example.com
# plainly==VERSION resolves to the wheel just built: a release is on PyPI only once published.
export PIP_FIND_LINKS=$wheels

# The mirror as the release workflow publishes it: a repository of its own.
cp -R pre-commit-mirror/. "$work/mirror/"
git -C "$work/mirror" init -q -b main
git -C "$work/mirror" add -A
git -C "$work/mirror" commit -q -m "plainly v$version"

cd "$work/project"
git init -q -b main
mkdir docs
printf '# Deploys\n\nThe deploy runs at 3pm.\n' > docs/deploys.md
git add docs/deploys.md

fail() { echo "pre-commit: $*" >&2; exit 1; }
try() {
  local status=0
  pre-commit try-repo "$work/mirror" "$@" > "$work/out" 2>&1 || status=$?
  echo "$status"
}

cat > .git/COMMIT_EDITMSG <<'MSG'
Ship the importer fix ASAP

It runs nightly now.
# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored, and an empty message aborts the commit.
# ------------------------ >8 ------------------------
# Do not modify or remove the line above.
diff --git a/importer.py b/importer.py
+# We should circle back on this at 3pm.
MSG
start=$(date +%s%N)
status=$(try plainly-commit-msg --hook-stage commit-msg --commit-msg-filename .git/COMMIT_EDITMSG)
end=$(date +%s%N)
[ "$status" -eq 1 ] || fail "plainly-commit-msg exited $status on a message with ASAP: $(cat "$work/out")"
grep -q '^warning\[vague-deadline\]: ' "$work/out" || fail "no vague-deadline finding: $(cat "$work/out")"
grep -q -- '--> .git/COMMIT_EDITMSG:1:23' "$work/out" || fail "the finding is not at line 1: $(cat "$work/out")"
if grep -q 'time-zone\|jargon\|missing-ask' "$work/out"; then fail "comments or the diff were checked: $(cat "$work/out")"; fi
echo "plainly-commit-msg: installed from the wheel and flagged the message in $(( (end - start) / 1000000 )) ms"

# git's convention: an imperative subject, a body, a trailer.
printf 'Add a retry to the importer\n\nThe nightly import now retries twice before it fails.\n\nSigned-off-by: Sam Lee <sam@example.com>\n# a comment about 3pm\n' > .git/COMMIT_EDITMSG
status=$(try plainly-commit-msg --hook-stage commit-msg --commit-msg-filename .git/COMMIT_EDITMSG)
[ "$status" -eq 0 ] || fail "plainly-commit-msg exited $status on a clear message: $(cat "$work/out")"

status=$(try plainly)
[ "$status" -eq 1 ] || fail "plainly exited $status on a staged doc with 3pm: $(cat "$work/out")"
grep -q -- '--> docs/deploys.md:3:' "$work/out" || fail "no finding in docs/deploys.md: $(cat "$work/out")"
echo "pre-commit: both hooks of the mirror work from the wheel"
