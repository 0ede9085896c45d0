#!/usr/bin/env python3
"""Measures `plainly check` and `rg` as whole processes; see bench/run.sh.

Each command runs once as a warm-up, then --runs times; the table shows the median wall
time with min–max, the median CPU time (user + system), the largest peak RSS, the input
size and throughput, and the ratio of plainly's median to rg's median on the same input.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RG_PATTERN = r"\b(synergy|leverage|ASAP)\b"


def run(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # plainly exits 1 when it finds something, rg when it finds nothing
        sys.exit(f"bench: {' '.join(cmd[:3])}… exited {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(cmd: list[str], runs: int) -> dict:
    run(cmd)  # warm-up: page cache, lazy statics, CPU frequency
    samples = [run(cmd) for _ in range(runs)]
    walls = [s[0] for s in samples]
    return {
        "median": statistics.median(walls),
        "min": min(walls),
        "max": max(walls),
        "cpu": statistics.median(s[1] for s in samples),
        "rss": max(s[2] for s in samples) / 1024,
    }


def files_of(corpus: Path) -> list[Path]:
    files = [p for p in corpus.rglob("*.md") if p.name != "SOURCE.md" or p.parent != corpus]
    return sorted(files, key=lambda p: str(p.relative_to(corpus)).encode())


def big_file(files: list[Path], out: Path) -> Path:
    """k8s-enhancements files concatenated in sorted path order until past 1 MiB."""
    data = bytearray()
    for path in files:
        data += path.read_bytes()
        if len(data) > 1 << 20:
            break
    out.write_bytes(data)
    return out


def row(name: str, size: int, plainly: dict, rg: dict) -> str:
    mbs = size / 1e6 / plainly["median"]
    ratio = plainly["median"] / rg["median"]
    return (
        f"| {name} | {size / 1e6:.2f} | {plainly['median']:.3f} ({plainly['min']:.3f}–{plainly['max']:.3f}) "
        f"| {plainly['cpu']:.3f} | {plainly['rss']:.1f} | {mbs:.1f} | {rg['median']:.3f} | **{ratio:.1f}×** |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plainly", required=True)
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("sets", nargs="*", default=["full", "big", "msg", "scale", "sentence", "line"])
    args = parser.parse_args()
    if args.runs < 5:
        sys.exit("bench: at least 5 runs per command")
    plainly = str(Path(args.plainly).resolve())
    rg = shutil.which("rg")
    if rg is None:
        sys.exit("bench: rg is not installed")
    check = [plainly, "check", "--profile", "doc", "--format", "json", "--color", "never"]
    msg_check = [plainly, "check", "--format", "json", "--color", "never"]
    files = [str(p) for p in files_of(args.corpus)]
    tmp = Path(tempfile.mkdtemp(prefix="plainly-bench-"))
    big = big_file([Path(f) for f in files], tmp / "big.md")
    msg = Path(__file__).resolve().parent / "msg.txt"

    rg_version = subprocess.run([rg, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    plainly_version = subprocess.run([plainly, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{plainly_version}; {rg_version}; {platform.machine()}, {os.cpu_count()} cores; {args.runs} runs each")
    print(f"`rg -c '{RG_PATTERN}' FILES` is the floor; times are wall seconds, median (min–max).\n")
    print("| set | MB | plainly s | CPU s | peak RSS MiB | MB/s | rg s | plainly / rg |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.sets:
        if name == "full":
            size = sum(os.path.getsize(f) for f in files)
            print(row(f"full ({len(files)} files)", size, measure(check + files, args.runs),
                      measure([rg, "-c", RG_PATTERN, *files], args.runs)), flush=True)
        elif name == "big":
            size = big.stat().st_size
            print(row("big (1 file)", size, measure(check + [str(big)], args.runs),
                      measure([rg, "-c", RG_PATTERN, str(big)], args.runs)), flush=True)
        elif name == "msg":
            size = msg.stat().st_size
            words = len(msg.read_text().split())
            print(row(f"msg ({words} words)", size, measure(msg_check + [str(msg)], args.runs),
                      measure([rg, "-c", RG_PATTERN, str(msg)], args.runs)), flush=True)
        elif name == "scale":
            base = None
            for factor in (1, 2, 4, 8):
                scaled = tmp / f"big-{factor}x.md"
                scaled.write_bytes(big.read_bytes() * factor)
                result = measure(check + [str(scaled)], args.runs)
                base = base or result["median"]
                size = scaled.stat().st_size
                rgr = measure([rg, "-c", RG_PATTERN, str(scaled)], args.runs)
                print(row(f"scale {factor}× (time {result['median'] / base:.2f}× of 1×)", size, result, rgr), flush=True)
        elif name == "sentence":
            # One sentence of 10k, 20k and 40k words (msg.txt's words, no sentence end until
            # the last): time must grow with the length, not its square.
            words = msg.read_text().replace(".", "").replace("?", "").replace("!", "").split()
            base = None
            for count in (10_000, 20_000, 40_000):
                sentence = tmp / f"sentence-{count}.txt"
                sentence.write_text(" ".join(words[i % len(words)] for i in range(count)) + ".\n")
                result = measure(msg_check + [str(sentence)], args.runs)
                base = base or result["median"]
                rgr = measure([rg, "-c", RG_PATTERN, str(sentence)], args.runs)
                label = f"sentence {count // 1000}k words (time {result['median'] / base:.2f}× of 10k)"
                print(row(label, sentence.stat().st_size, result, rgr), flush=True)
        elif name == "line":
            # A 2 MB line with no punctuation at all, as a pasted log or minified text.
            words = msg.read_text().replace(".", "").replace("?", "").replace("!", "").split()
            line = tmp / "line.txt"
            text, size = [], 0
            while size < 2_000_000:
                text.append(words[len(text) % len(words)])
                size += len(text[-1]) + 1
            line.write_text(" ".join(text) + "\n")
            print(row("line (2 MB, no punctuation)", line.stat().st_size, measure(msg_check + [str(line)], args.runs),
                      measure([rg, "-c", RG_PATTERN, str(line)], args.runs)), flush=True)
        else:
            sys.exit(f"bench: unknown set {name!r}; sets are full, big, msg, scale, sentence, line")
    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
