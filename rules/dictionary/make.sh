#!/bin/sh
# Rebuilds the two word lists in this folder from SCOWL (Spell Checker Oriented Word
# Lists, Kevin Atkinson), as Debian packages it: `scowl` 2020.12.07-2. Deterministic for
# that version; run from this folder with Debian's apt sources.
#
#   abbreviations.txt  all-caps abbreviations of 2-6 letters in SCOWL's
#                      english-abbreviations lists up to size 50, the size of a standard
#                      spell checker's dictionary
#   words.txt          lowercase words of 2-7 letters in SCOWL's english-words lists up to
#                      size 20, its most common words
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download scowl=2020.12.07-2 >/dev/null && dpkg-deb -x scowl_*.deb x)
lists="$work/x/usr/share/dict/scowl"
for size in 10 20 35 40 50; do
    f="$lists/english-abbreviations.$size"
    if [ -f "$f" ]; then iconv -f latin1 -t utf-8 "$f"; fi
done | grep -E '^[A-Z]{2,6}$' | LC_ALL=C sort -u >abbreviations.txt
for size in 10 20; do
    iconv -f latin1 -t utf-8 "$lists/english-words.$size"
done | grep -E '^[a-z]{2,7}$' | LC_ALL=C sort -u >words.txt
