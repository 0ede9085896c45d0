#!/usr/bin/env python3
"""Check labeled message files against GUIDE.md's format, and count what they hold.

Usage: validate.py FILE.jsonl...

Each line must be one message with the guide's fields; every act's quote must be an exact
substring of the text; labels must name the eleven rules with true, false or null; ids must
be unique across the files given and the seed corpus; no text may repeat a seed text or
another line; and no text may overlap a held-back text (../../../shared/tools/heldout-guard).
Prints one line per problem (FILE:LINE: what), then counts of acts, rules that fire and
sources. Exit status 1 when there is a problem. Python 3 standard library only.
"""
import collections, importlib.util, json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared"
RULES = ["missing-ask", "no-deadline", "vague-deadline", "time-zone", "buried-blocker", "buried-ask",
         "bare-greeting", "call-without-agenda", "missing-context", "too-long", "standup-format"]
ACTS = ["ask", "propose", "meeting", "purpose", "deadline", "vague-time", "clock-time", "greeting",
        "reference", "blocker", "done", "next", "no-blockers", "commit", "answer", "fyi"]
FIELDS = ["id", "source", "kind", "text", "labels", "missing_parts", "acts", "notes"]


def norm(text):
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def load_guard():
    path = SHARED / "tools" / "heldout-guard" / "guard.py"
    spec = importlib.util.spec_from_file_location("guard", path)
    guard = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(guard)
    known = set((path.parent / "shingles.txt").read_text().split())
    return lambda text: guard.overlaps(text, known)


def source_key(source):
    """The repository, list or channel a message comes from: what the 5 % cap counts."""
    m = re.match(r"https?://(?:www\.)?github\.com/([^/\s]+/[^/\s#?]+)", source)
    if m:
        return "github.com/" + m.group(1).lower()
    m = re.match(r"https?://([^/\s]+)((?:/[^/\s#?]+){0,3})", source)
    if m:
        return (m.group(1) + m.group(2)).lower()
    return source.split("(")[0].strip().lower()[:60]


def main(paths):
    overlaps = load_guard()
    problems = 0
    seed_ids, seed_texts = set(), set()
    seed = SHARED / "data" / "messages-train" / "messages.jsonl"
    for line in seed.read_text().splitlines():
        row = json.loads(line)
        seed_ids.add(row["id"]); seed_texts.add(norm(row["text"]))
    ids, texts = set(), set()
    acts, rules, sources, kinds = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    total = 0

    def problem(where, what):
        nonlocal problems
        problems += 1
        print(f"{where}: {what}")

    for path in map(Path, paths):
        if path.resolve() == seed.resolve() or path.name == "seed.jsonl":
            seed_ids, seed_texts = set(), set()
        for n, line in enumerate(path.read_text().splitlines(), 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                problem(where, f"not JSON: {err}"); continue
            missing = [f for f in FIELDS if f not in row]
            if missing:
                problem(where, f"missing fields {missing}"); continue
            total += 1
            text = row["text"]
            if not isinstance(text, str) or not text.strip():
                problem(where, "empty text"); continue
            if row["id"] in ids or row["id"] in seed_ids:
                problem(where, f"id {row['id']} is not unique")
            ids.add(row["id"])
            key = norm(text)
            # Short texts ("ping", "Hi all") repeat in real traffic; only longer ones must be new.
            if len(key.split()) < 4:
                key = f"{row['id']}:{key}"
            if key in seed_texts:
                problem(where, f"{row['id']}: the same text is in the seed corpus")
            if key in texts:
                problem(where, f"{row['id']}: the same text is on another line")
            texts.add(key)
            if overlaps(text):
                problem(where, f"{row['id']}: overlaps a held-back text (drop it)")
            labels = row["labels"]
            if sorted(labels) != sorted(RULES):
                problem(where, f"{row['id']}: labels must name exactly {RULES}")
            for rule, value in labels.items():
                if value not in (True, False, None):
                    problem(where, f"{row['id']}: label {rule} is {value!r}")
                elif value:
                    rules[rule] += 1
            if not set(row["missing_parts"]) <= {"done", "next", "blockers"}:
                problem(where, f"{row['id']}: missing_parts {row['missing_parts']}")
            if labels.get("standup-format") is True and not row["missing_parts"]:
                problem(where, f"{row['id']}: standup-format fires but missing_parts is empty")
            if labels.get("standup-format") is False and row["missing_parts"]:
                problem(where, f"{row['id']}: standup-format is false but missing_parts is {row['missing_parts']}")
            for act in row["acts"]:
                if act.get("act") not in ACTS:
                    problem(where, f"{row['id']}: unknown act {act.get('act')!r}")
                elif act.get("quote", "") == "" or act["quote"] not in text:
                    problem(where, f"{row['id']}: quote {act.get('quote')!r} is not in the text")
                else:
                    acts[act["act"]] += 1
            sources[source_key(row["source"])] += 1
            kinds[row["kind"]] += 1
    print(f"{total} messages, {len(sources)} sources")
    print("acts: " + ", ".join(f"{a} {acts[a]}" for a in ACTS))
    print("rules that fire: " + ", ".join(f"{r} {rules[r]}" for r in RULES))
    print("largest sources: " + ", ".join(f"{s} {c}" for s, c in sources.most_common(8)))
    print(f"{problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if not sys.argv[1:] or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip()); sys.exit(0 if sys.argv[1:] else 2)
    sys.exit(main(sys.argv[1:]))
