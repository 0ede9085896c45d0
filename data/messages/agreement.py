#!/usr/bin/env python3
"""Agreement between two labelers of the same messages.

Usage: agreement.py SECOND.jsonl FIRST.jsonl...

SECOND holds a second labeler's labels of messages whose first labels are somewhere in
the FIRST files (matched by id). Prints, per rule, the cells that agree and the F1 of the
second labeler against the first (labels that are null on either side are left out), the
macro-F1 over rules with at least 3 positives, and per act the F1 of "this act is in the
message" between the two. Python 3 standard library only.
"""
import json, sys
from pathlib import Path

RULES = ["missing-ask", "no-deadline", "vague-deadline", "time-zone", "buried-blocker", "buried-ask",
         "bare-greeting", "call-without-agenda", "missing-context", "too-long", "standup-format"]
ACTS = ["ask", "propose", "meeting", "purpose", "deadline", "vague-time", "clock-time", "greeting",
        "reference", "blocker", "done", "next", "no-blockers", "commit", "answer", "fyi"]


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main(second_path, first_paths):
    first = {}
    for path in first_paths:
        for line in Path(path).read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                first[row["id"]] = row
    pairs = []
    for line in Path(second_path).read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            if row["id"] in first:
                pairs.append((first[row["id"]], row))
    print(f"{len(pairs)} messages labeled twice")
    cells = agree = 0
    macro = []
    print(f"{'rule':22} {'agree':>9} {'pos1':>5} {'pos2':>5} {'F1':>5}")
    for rule in RULES:
        tp = fp = fn = same = n = 0
        for a, b in pairs:
            x, y = a["labels"].get(rule), b["labels"].get(rule)
            if x is None or y is None:
                continue
            n += 1; same += x == y
            tp += x and y; fp += (not x) and y; fn += x and not y
        cells += n; agree += same
        score = f1(tp, fp, fn)
        if tp + fn >= 3:
            macro.append(score)
        print(f"{rule:22} {same:>4}/{n:<4} {tp + fn:>5} {tp + fp:>5} {score:5.2f}")
    macro_text = f"{sum(macro) / len(macro):.2f}" if macro else "n/a"
    print(f"rule cells agree {agree}/{cells}; macro-F1 {macro_text} over {len(macro)} rules with 3+ positives")
    print(f"{'act':14} {'pos1':>5} {'pos2':>5} {'F1':>5}")
    for act in ACTS:
        tp = fp = fn = 0
        for a, b in pairs:
            x = any(t["act"] == act for t in a["acts"])
            y = any(t["act"] == act for t in b["acts"])
            tp += x and y; fp += (not x) and y; fn += x and not y
        print(f"{act:14} {tp + fn:>5} {tp + fp:>5} {f1(tp, fp, fn):5.2f}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__.strip()); sys.exit(2)
    main(sys.argv[1], sys.argv[2:])
